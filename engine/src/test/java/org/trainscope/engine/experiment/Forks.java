package org.trainscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** The fork check the experiments' tests share: a run restored from a snapshot continues with the same frames. */
public final class Forks {
    private Forks() {
    }

    /**
     * Runs {@code before} steps, snapshots, runs {@code after} more; then a fresh experiment restored from the
     * snapshot must give exactly those {@code after} frames (every state the next steps read is in the snapshot).
     */
    public static void assertForkContinuesExactly(ExperimentDef type, Params p, long seed, int before, int after,
                                                  String what) {
        Experiment original = type.create(p, seed);
        for (int s = 0; s < before; s++) {
            original.step();
        }
        Snapshot mid = original.snapshot();
        List<Frame> tail = new ArrayList<>();
        for (int s = 0; s < after; s++) {
            tail.add(original.step());
        }
        Experiment fork = type.create(p, seed);
        fork.restore(mid);
        for (Frame expected : tail) {
            assertEquals(expected, fork.step(), what + ": frame " + expected.step());
        }
    }
}
