package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainscope.engine.experiment.Snapshot;

/**
 * saveTo/restoreFrom must capture a rule's whole state (t, buffers, adaptive scalars), so that a run forked from a
 * snapshot continues bit for bit like the original. The schedule is exponential so that even stateless GD depends
 * on t, and the objective is a non-quadratic over two arrays so that every buffer and the flow's adaptive step
 * size are exercised. Exact equality: the same operations on the same bits give the same bits.
 */
class OptimizerSnapshotTest {
    /** f = (1 − x)² + 10(y − x²)² + 2z², with (x, y) in the first array and z in the second. */
    private static final Objective BANANA = (p, grad) -> {
        double x = p[0][0];
        double y = p[0][1];
        double z = p[1][0];
        double q = y - x * x;
        grad[0][0] = -2 * (1 - x) - 40 * x * q;
        grad[0][1] = 20 * q;
        grad[1][0] = 4 * z;
        return (1 - x) * (1 - x) + 10 * q * q + 2 * z * z;
    };

    static Iterable<String> rules() {
        return OptimizerConfig.RULES;
    }

    @ParameterizedTest
    @MethodSource("rules")
    void restoredOptimizerContinuesBitForBit(String rule) {
        OptimizerConfig config = config(rule);
        Optimizer original = config.create();
        double[][] x = {{-1.0, 1.5}, {0.7}};
        run(original, x, 10);

        Snapshot.Builder b = Snapshot.builder();
        original.saveTo(b, "opt");
        b.array("x.0", x[0]).array("x.1", x[1]);
        Snapshot snap = b.build();

        double[][] continued = run(original, x, 10);

        Optimizer fork = config.create();
        double[][] y = {snap.array("x.0"), snap.array("x.1")};
        fork.restoreFrom(snap, "opt", y);
        assertEquals(10, fork.t());
        double[][] forked = run(fork, y, 10);
        assertArrayEquals(continued, forked, rule + ": a restored optimizer must continue exactly");
        assertEquals(original.t(), fork.t());

        // the check has teeth: a fresh optimizer from the same point (state not restored) goes elsewhere
        Optimizer fresh = config.create();
        double[][] z = {snap.array("x.0"), snap.array("x.1")};
        assertFalse(Arrays.deepEquals(continued, run(fresh, z, 10)), rule + ": state should matter");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void restoringAnInitialSnapshotResetsTheState(String rule) {
        OptimizerConfig config = config(rule);
        Snapshot.Builder b = Snapshot.builder();
        config.create().saveTo(b, "opt"); // before any step: t = 0, no buffers
        Snapshot initial = b.build();

        double[][] reference = run(config.create(), new double[][] {{-1.0, 1.5}, {0.7}}, 15);

        Optimizer used = config.create();
        run(used, new double[][] {{0.3, 0.3}, {-0.2}}, 7);
        used.restoreFrom(initial, "opt", new double[][] {{0, 0}, {0}});
        assertEquals(0, used.t());
        assertArrayEquals(reference, run(used, new double[][] {{-1.0, 1.5}, {0.7}}, 15));
    }

    /** Runs n steps and returns the trajectory, one flattened row per step. */
    private static double[][] run(Optimizer o, double[][] x, int n) {
        double[][] path = new double[n][];
        for (int k = 0; k < n; k++) {
            o.step(x, BANANA);
            path[k] = new double[] {x[0][0], x[0][1], x[1][0]};
        }
        return path;
    }

    private static OptimizerConfig config(String rule) {
        return new OptimizerConfig(rule, new LearningRate.Exponential(0.002, 0.05), 0.9, 0.9, 0.9, 0.999, 1e-8, 0.01);
    }
}
