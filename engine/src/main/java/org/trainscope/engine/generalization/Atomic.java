package org.trainscope.engine.generalization;

import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Snapshot;

/** A frame's worth of steps that either all happen or none: a run that diverges part-way stays at its last frame. */
final class Atomic {
    private Atomic() {
    }

    /** Runs {@code steps}; if they throw, restores {@code e} to the state before and rethrows. */
    static void run(Experiment e, Runnable steps) {
        Snapshot before = e.snapshot();
        try {
            steps.run();
        } catch (RuntimeException ex) {
            e.restore(before);
            throw ex;
        }
    }
}
