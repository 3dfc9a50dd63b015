package org.trainscope.engine.microscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Forks;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;

/**
 * backprop-steps against facts computed here, independently of the experiment's code: a forward pass of our own
 * from the frame's W, b, o0 and y, its central differences, and the update rule.
 */
class BackpropStepsExperimentTest {
    private static final BackpropStepsExperiment.Config DEFAULTS = BackpropStepsExperiment.Config.of(
            BackpropStepsExperiment.TYPE.defaults());

    /** 2T + 3 frames per training step at the default 2-3-2-1 (T = 3): F F F, loss, B B B, gradient, update. */
    @Test
    void aTrainingStepIsTwoTPlusThreeFramesInTheSlidesOrder() {
        Experiment e = BackpropStepsExperiment.TYPE.create(BackpropStepsExperiment.TYPE.defaults(), 0);
        int[][] expected = {{0, 1}, {0, 2}, {0, 3}, {1, 0}, {2, 3}, {2, 2}, {2, 1}, {3, 0}, {4, 0}};
        assertEquals(9, DEFAULTS.subSteps());
        for (int round = 0; round < 2; round++) {
            for (int[] phaseLayer : expected) {
                Frame f = e.step();
                assertEquals(phaseLayer[0], f.scalar("phase"), "phase at frame " + f.step());
                assertEquals(phaseLayer[1], f.scalar("layer"), "layer at frame " + f.step());
                assertEquals(f.step() / 9, (long) f.scalar("train_step"));
            }
        }
    }

    /**
     * Every gradient frame's ∇W_t and ∇b_t equal central differences of the loss computed here, for several nets,
     * activations, losses and batches. Tolerance 1e-7: with h = 1e-6 the truncation h²/6·|ℓ'''| is ≲ 1e-12 for these
     * O(1) nets and the rounding ε|ℓ|/h about 1e-10; 1e-7 leaves a margin but catches any wrong factor or index.
     */
    @ParameterizedTest
    @CsvSource({"2-3-2-1,sigmoid,square,1", "2-3-2-1,tanh,square,4", "3-4-3-2,softplus,square,3",
            "2-3-3-3-1,gelu,square,2", "2-4-4-1,sigmoid,cross_entropy,4", "2-2-1,elu,square,1"})
    void everyGradientFrameEqualsFiniteDifferences(String arch, String activation, String loss, int batch) {
        Params p = BackpropStepsExperiment.TYPE.defaults().with("architecture", arch).with("activation", activation)
                .with("loss", loss).with("batch", String.valueOf(batch)).with("y", "0.7");
        Experiment e = BackpropStepsExperiment.TYPE.create(p, 3);
        BackpropStepsExperiment.Config c = BackpropStepsExperiment.Config.of(p);
        int checked = 0;
        for (int s = 0; s < 4 * c.subSteps(); s++) {
            Frame f = e.step();
            if (f.scalar("phase") != BackpropStepsExperiment.GRADIENT) {
                continue;
            }
            checked++;
            for (int t = 1; t <= c.layers(); t++) {
                double[] fdW = centralDifferences(f, c, "W" + t);
                double[] fdB = centralDifferences(f, c, "b" + t);
                assertArrayNear(fdW, f.series("gW" + t), 1e-7, arch + " " + activation + " ∇W" + t);
                assertArrayNear(fdB, f.series("gb" + t), 1e-7, arch + " " + activation + " ∇b" + t);
                assertArrayNear(fdW, f.series("fdW" + t), 1e-7, "the frame's own check of W" + t);
            }
            assertTrue(f.scalar("fd_max_error") < 1e-7, "fd_max_error " + f.scalar("fd_max_error"));
        }
        assertEquals(4, checked);
    }

    /** The update frame holds θ − η∇θ of the frame before it, entry by entry (the same IEEE operations: exact). */
    @Test
    void theUpdateFrameIsThetaMinusEtaGradient() {
        Params p = BackpropStepsExperiment.TYPE.defaults().with("lr", "0.75").with("batch", "2");
        Experiment e = BackpropStepsExperiment.TYPE.create(p, 1);
        Frame before = e.frame();
        for (int s = 0; s < 3 * DEFAULTS.subSteps(); s++) {
            Frame f = e.step();
            if (f.scalar("phase") == BackpropStepsExperiment.UPDATE) {
                for (int t = 1; t <= 3; t++) {
                    for (String theta : List.of("W", "b")) {
                        double[] old = before.series(theta + t);
                        double[] grad = before.series("g" + theta + t);
                        double[] now = f.series(theta + t);
                        for (int i = 0; i < old.length; i++) {
                            assertEquals(old[i] - 0.75 * grad[i], now[i], 0.0, theta + t + "[" + i + "]");
                        }
                    }
                }
            }
            before = f;
        }
    }

    /** The forward frames hold z_t = W_t o_{t−1} + b_t and o_t = σ(z_t) (computed here, 1e-15: a few roundings). */
    @Test
    void forwardFramesHoldTheLayerFormula() {
        Experiment e = BackpropStepsExperiment.TYPE.create(BackpropStepsExperiment.TYPE.defaults(), 5);
        for (int t = 1; t <= 3; t++) {
            Frame f = e.step();
            double[] w = f.series("W" + t);
            double[] b = f.series("b" + t);
            double[] prev = f.series("o" + (t - 1));
            double[] z = f.series("z" + t);
            for (int i = 0; i < z.length; i++) {
                double zi = b[i];
                for (int j = 0; j < prev.length; j++) {
                    zi += w[i * prev.length + j] * prev[j];
                }
                assertEquals(zi, z[i], 1e-15);
                assertEquals(1 / (1 + Math.exp(-zi)), f.series("o" + t)[i], 1e-15);
            }
            assertTrue(Double.isNaN(f.series("delta" + t)[0]), "δ is not known during the forward pass");
        }
        assertEquals(1.0, e.frame().series("o0")[0]);
    }

    /** Stepping back replays: a run restored from a snapshot mid-step gives the same frames, bit for bit. */
    @Test
    void aRestoredRunReplaysSubStepsExactly() {
        Forks.assertForkContinuesExactly(BackpropStepsExperiment.TYPE,
                BackpropStepsExperiment.TYPE.defaults().with("batch", "3"), 2, 13, 20, "backprop-steps");
        Experiment a = BackpropStepsExperiment.TYPE.create(BackpropStepsExperiment.TYPE.defaults(), 9);
        Experiment b = BackpropStepsExperiment.TYPE.create(BackpropStepsExperiment.TYPE.defaults(), 9);
        for (int s = 0; s < 30; s++) {
            assertEquals(a.step(), b.step());
        }
    }

    /** Training lowers the loss of the slide's example (the story the run tells). */
    @Test
    void theLossFallsOverTheDefaultRun() {
        Experiment e = BackpropStepsExperiment.TYPE.create(BackpropStepsExperiment.TYPE.defaults(), 0);
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < BackpropStepsExperiment.TYPE.defaultSteps(); s++) {
            Frame f = e.step();
            if (f.scalar("phase") == BackpropStepsExperiment.LOSS_PHASE) {
                losses.add(f.scalar("loss"));
            }
        }
        assertTrue(losses.get(losses.size() - 1) < losses.get(0), "losses " + losses);
    }

    @Test
    void crossEntropyWithoutSigmoidIsRefusedNamingTheParam() {
        Params p = BackpropStepsExperiment.TYPE.defaults().with("loss", "cross_entropy").with("activation", "tanh");
        ParamException ex = assertThrows(ParamException.class, () -> BackpropStepsExperiment.TYPE.create(p, 0));
        assertTrue(ex.getMessage().startsWith("loss:"), ex.getMessage());
    }

    /** Central differences of our own loss in one parameter array of the frame, h = 1e-6. */
    private static double[] centralDifferences(Frame f, BackpropStepsExperiment.Config c, String name) {
        double h = 1e-6;
        double[] theta = f.series(name);
        double[] d = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double[] up = theta.clone();
            up[i] += h;
            double[] down = theta.clone();
            down[i] -= h;
            d[i] = (loss(f, c, name, up) - loss(f, c, name, down)) / (2 * h);
        }
        return d;
    }

    /** The batch-mean loss of the frame's network with one parameter array replaced; columns are examples. */
    private static double loss(Frame f, BackpropStepsExperiment.Config c, String replaced, double[] value) {
        int[] n = c.units();
        int batch = c.batch();
        double[] x = f.series("o0");
        double[] y = f.series("y");
        double total = 0;
        for (int k = 0; k < batch; k++) {
            double[] a = new double[n[0]];
            for (int j = 0; j < n[0]; j++) {
                a[j] = x[j * batch + k];
            }
            double[] pre = null;
            for (int t = 1; t < n.length; t++) {
                double[] w = replaced.equals("W" + t) ? value : f.series("W" + t);
                double[] b = replaced.equals("b" + t) ? value : f.series("b" + t);
                pre = new double[n[t]];
                double[] out = new double[n[t]];
                for (int i = 0; i < n[t]; i++) {
                    pre[i] = b[i];
                    for (int j = 0; j < n[t - 1]; j++) {
                        pre[i] += w[i * n[t - 1] + j] * a[j];
                    }
                    out[i] = c.sigma().value(pre[i]);
                }
                a = out;
            }
            for (int i = 0; i < a.length; i++) {
                double yi = y[i * batch + k];
                total += c.crossEntropy()
                        ? -yi * Math.log(a[i]) - (1 - yi) * Math.log(1 - a[i])
                        : 0.5 * (a[i] - yi) * (a[i] - yi);
            }
        }
        return total / batch;
    }

    private static void assertArrayNear(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }
}
