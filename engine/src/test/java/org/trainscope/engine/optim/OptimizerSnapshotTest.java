package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.trainscope.engine.optim.Storage.BANANA;
import static org.trainscope.engine.optim.Storage.START;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainscope.engine.experiment.Snapshot;

/**
 * state()/restore must capture a rule's whole state (t, buffers, adaptive step size), so that a run forked from a
 * snapshot continues bit for bit like the original — for every rule and every storage (heap arrays, native FLOAT,
 * native DOUBLE through BLAS, joined parts). The schedule is exponential so that even stateless GD depends on t,
 * weight decay is on, and the objective is a bent valley so that every buffer and the flow's step size are
 * exercised. Exact equality: the same operations on the same bits give the same bits.
 */
class OptimizerSnapshotTest {
    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String rule : OptimizerConfig.RULES) {
            out.add(Arguments.of(rule, Storage.HEAP, 1));
            out.add(Arguments.of(rule, Storage.JOINED_NATIVE_DOUBLE, 400));   // parts of 600: BLAS
            if (!rule.equals("flow")) {                                      // the flow needs DOUBLE
                out.add(Arguments.of(rule, Storage.NATIVE_FLOAT, 400));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void restoredOptimizerContinuesBitForBit(String rule, Storage storage, int blocks) {
        OptimizerConfig config = config(rule);
        Vector x = storage.vector(Storage.tile(START, blocks));
        Optimizer original = config.create(x);
        run(original, 10);

        Snapshot snap = Snapshot.builder().put("opt", original.state()).array("x", x.toArray()).build();
        double[][] continued = run(original, 10);

        Optimizer fork = config.create(storage.vector(snap.array("x")));
        fork.restore(snap.under("opt"));
        assertEquals(10, fork.t());
        assertArrayEquals(continued, run(fork, 10), rule + ": a restored optimizer must continue exactly");
        assertEquals(original.t(), fork.t());

        // the check has teeth: a fresh optimizer from the same point (state not restored) goes elsewhere
        Optimizer fresh = config.create(storage.vector(snap.array("x")));
        assertFalse(Arrays.deepEquals(continued, run(fresh, 10)), rule + ": state should matter");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void restoringAnInitialSnapshotResetsTheState(String rule, Storage storage, int blocks) {
        OptimizerConfig config = config(rule);
        double[] start = Storage.tile(START, blocks);
        Snapshot initial = config.create(storage.vector(start)).state(); // before any step: t = 0, zero state

        double[][] reference = run(config.create(storage.vector(start)), 15);

        Vector x = storage.vector(Storage.tile(new double[] {0.3, 0.3, -0.2}, blocks));
        Optimizer used = config.create(x);
        run(used, 7);
        used.restore(initial);
        x.set(start);
        assertEquals(0, used.t());
        assertArrayEquals(reference, run(used, 15));
    }

    /** Runs n steps and returns the trajectory, one row of x per step. */
    private static double[][] run(Optimizer o, int n) {
        double[][] path = new double[n][];
        for (int k = 0; k < n; k++) {
            o.step(BANANA);
            path[k] = o.parameters().toArray();
        }
        return path;
    }

    private static OptimizerConfig config(String rule) {
        return new OptimizerConfig(rule, new LearningRate.Exponential(0.002, 0.05), 0.9, 0.9, 0.9, 0.999, 1e-8, 0.01);
    }
}
