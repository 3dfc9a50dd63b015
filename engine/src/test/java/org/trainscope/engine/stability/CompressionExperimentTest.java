package org.trainscope.engine.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;

/** The compression experiment: k ladder, error law on real layers, determinism. */
class CompressionExperimentTest {
    private static Params small() {
        return CompressionExperiment.TYPE.defaults().with("depth", "1").with("width", "16").with("train_steps", "200")
                .with("k_min", "16").with("k_factor", "4");
    }

    /**
     * Step 0 is the uncompressed pair (error 0, the trained accuracies); afterwards k = 16·4^{s−1} and each
     * layer's relative error follows E‖Â − A‖²/‖A‖² = (mn − 1)/k for one draw: a single draw's squared error has
     * relative sd ≈ √(2/k) (a mean of k chi-square-like terms), ≤ 36% at k = 16, so a factor 2 either side of the
     * expected root error is more than 3 sd.
     */
    @Test
    void errorsFollowTheSignCompressionLawOnBothNets() {
        Experiment e = CompressionExperiment.TYPE.create(small(), 0);
        Frame f0 = e.frame();
        assertEquals(0, f0.scalar("k"), 0.0);
        assertEquals(0, f0.scalar("true.err.1"), 0.0);
        assertEquals(0, f0.scalar("true.output_err"), 0.0);
        assertTrue(f0.scalar("true.test.acc") > 0.85, "trained 64-16-10 net: " + f0.scalar("true.test.acc"));
        int[][] shapes = {{16, 64}, {10, 16}};
        for (int s = 1; s <= 3; s++) {
            Frame f = e.step();
            long k = 16L << (2 * (s - 1));
            assertEquals(k, f.scalar("k"), 0.0);
            for (String net : new String[] {"true", "random"}) {
                for (int i = 1; i <= 2; i++) {
                    double expected = Math.sqrt((shapes[i - 1][0] * shapes[i - 1][1] - 1.0) / k);
                    double err = f.scalar(net + ".err." + i);
                    assertTrue(err > expected / 2 && err < expected * 2, net + " layer " + i + " k " + k + ": " + err);
                }
            }
        }
        assertEquals(e.frame(), replay(3), "same params and seed, same frames");
        var snapshot = e.snapshot();
        Frame third = e.frame();
        e.step();
        e.restore(snapshot);
        assertEquals(third, e.frame(), "restore recomputes the same compression");
    }

    private static Frame replay(int steps) {
        Experiment e = CompressionExperiment.TYPE.create(small(), 0);
        Frame f = e.frame();
        for (int s = 0; s < steps; s++) {
            f = e.step();
        }
        return f;
    }

    /**
     * Training that diverges in create still creates the run (it threw from create): frame 0 shows the nets at their
     * last finite parameters and the first step pauses the run as diverged, saying why and naming lr. The default
     * 64-128-128-128-10 net at η = 10 overflows within 50 steps (the small one's ReLUs die first).
     */
    @Test
    void aLearningRateThatDivergesPausesTheRunAtItsFirstStep() {
        Params p = CompressionExperiment.TYPE.defaults().with("lr", "10").with("train_steps", "50");
        Experiment e = CompressionExperiment.TYPE.create(p, 0);
        assertTrue(Double.isFinite(e.frame().scalar("true.test.acc")), "frame 0 from the last finite parameters");
        DivergedException ex = assertThrows(DivergedException.class, e::step);
        assertTrue(ex.getMessage().startsWith("training the net on the true labels diverged at step "), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("of train_steps = 50 (optimizer = momentum, lr = 10.0, momentum = 0.9); lower lr or momentum"),
                ex.getMessage());
        assertEquals(0, e.stepCount(), "the run stays at its last good frame");
    }

    /** train_steps = 0 compresses the initial nets (it was refused as "probe_every: 0 is out of range"). */
    @Test
    void untrainedNetsCompressToo() {
        Experiment e = CompressionExperiment.TYPE.create(small().with("train_steps", "0"), 0);
        assertEquals(0, e.frame().scalar("true.output_err"), 0.0);
        assertTrue(e.step().scalar("random.err.1") > 0);
    }
}
