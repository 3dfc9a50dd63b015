package org.trainscope.engine.microscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Forks;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;

/** activations against facts: derivatives by finite differences, the vanishing-gradient rule, a gradient check. */
class ActivationsExperimentTest {

    /**
     * σ′ equals the central difference (σ(z+h) − σ(z−h))/2h on a grid of [−6, 6] that keeps 1e-3 away from the kinks
     * at 0 (step, ReLU, leaky ReLU, ELU's second derivative). h = 1e-6: truncation h²/6·|σ‴| ≤ 1e-12 for these
     * functions (|σ‴| ≤ 1 on the grid), rounding ε·|σ|/h ≤ 1e-9 for |σ| ≤ 6; tolerance 1e-7.
     */
    @ParameterizedTest
    @EnumSource(Sigma.class)
    void eachDerivativeMatchesFiniteDifferences(Sigma sigma) {
        double h = 1e-6;
        for (int i = 0; i <= 240; i++) {
            double z = -6 + 0.05 * i + 1e-3;
            double fd = (sigma.value(z + h) - sigma.value(z - h)) / (2 * h);
            assertEquals(fd, sigma.derivative(z), 1e-7, sigma + "′(" + z + ")");
        }
    }

    /** Sigmoid with Xavier at depth 20 (width 64): the first layer's gradient norm is below 1e-3 of the last's. */
    @Test
    void sigmoidAtDepthTwentyVanishes() {
        for (long seed = 0; seed < 3; seed++) {
            Frame f = ActivationsExperiment.TYPE.create(ActivationsExperiment.TYPE.defaults(), seed).frame();
            double first = f.scalar("grad_norm.1");
            double last = f.scalar("grad_norm.20");
            assertTrue(first < 1e-3 * last, "seed " + seed + ": ‖∇W1‖ " + first + " vs ‖∇W20‖ " + last);
            assertEquals(first / last, f.scalar("grad_ratio"), 0.0);
        }
    }

    /** ReLU with He init at depth 20 keeps the gradient level: ‖∇W1‖/‖∇W20‖ in [0.1, 10], over several seeds. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4})
    void reluWithHeKeepsGradientsLevel(long seed) {
        Params p = ActivationsExperiment.TYPE.defaults().with("activation", "relu").with("init", "he");
        Frame f = ActivationsExperiment.TYPE.create(p, seed).frame();
        double ratio = f.scalar("grad_norm.1") / f.scalar("grad_norm.20");
        assertTrue(ratio >= 0.1 && ratio <= 10, "seed " + seed + ": ratio " + ratio);
    }

    /**
     * The experiment's ‖∂L/∂W_t‖ equals the norm of central differences of its own loss in every entry of W_t, on a
     * small net (depth 4, width 5, tanh). h = 1e-6 on a loss of order 1: truncation ~1e-12 and rounding ~1e-10 per
     * entry, so the norms agree to 1e-7 relative.
     */
    @Test
    void gradientNormsMatchFiniteDifferences() {
        Params p = ActivationsExperiment.TYPE.defaults().with("activation", "tanh").with("depth", "4")
                .with("width", "5").with("batch", "3").with("init", "scale").with("scale", "1.5");
        ActivationsExperiment e = (ActivationsExperiment) ActivationsExperiment.TYPE.create(p, 7);
        e.step();
        Frame f = e.frame();
        double h = 1e-6;
        for (int t = 1; t <= 4; t++) {
            double[] w = e.weights(t);
            double sq = 0;
            for (int i = 0; i < w.length; i++) {
                double keep = w[i];
                w[i] = keep + h;
                double up = e.lossNow();
                w[i] = keep - h;
                double down = e.lossNow();
                w[i] = keep;
                double d = (up - down) / (2 * h);
                sq += d * d;
            }
            double expected = Math.sqrt(sq);
            assertEquals(expected, f.scalar("grad_norm." + t), 1e-7 * expected, "layer " + t);
        }
    }

    /** Training lowers the loss, histograms are distributions, and a restored run continues bit for bit. */
    @Test
    void trainsDeterministicallyAndForksExactly() {
        Params p = ActivationsExperiment.TYPE.defaults().with("activation", "relu").with("init", "he").with("depth", "6");
        Experiment e = ActivationsExperiment.TYPE.create(p, 0);
        double start = e.frame().scalar("loss");
        Frame f = null;
        for (int s = 0; s < 50; s++) {
            f = e.step();
        }
        assertTrue(f.scalar("loss") < start, "loss " + start + " → " + f.scalar("loss"));
        double total = 0;
        for (double v : f.series("hist.3")) {
            total += v;
        }
        assertEquals(1.0, total, 1e-12, "a histogram sums to 1 (64·32 values, each 1/2048: exact up to rounding)");
        Forks.assertForkContinuesExactly(ActivationsExperiment.TYPE, p.with("optimizer", "adam"), 1, 5, 5, "activations");
    }

    @Test
    void aDivergingRunStopsWithAMessageAtItsLastGoodFrame() {
        Params p = ActivationsExperiment.TYPE.defaults().with("activation", "relu").with("init", "scale")
                .with("scale", "10").with("depth", "10").with("lr", "10");
        Experiment e = ActivationsExperiment.TYPE.create(p, 0);
        RuntimeException ex = assertThrows(RuntimeException.class, () -> {
            for (int s = 0; s < 100; s++) {
                e.step();
            }
        });
        assertTrue(ex.getMessage().contains("lower lr"), ex.getMessage());
        assertTrue(Double.isFinite(e.frame().scalar("loss")), "the state stays at the last good frame");
    }

    /**
     * compare = on trains sigmoid + Xavier, tanh + Xavier and ReLU + He in lockstep: at init and after each of 20 gd
     * steps (depth 8 to keep it quick), every scalar of each net equals, bit for bit, the same scalar of a single run
     * with that activation and init and the same depth, width, batch, optimizer and seed; and the frames match the
     * declaration.
     */
    @Test
    void theComparisonIsThreeSingleRunsInLockstep() {
        Params p = ActivationsExperiment.TYPE.defaults().with("depth", "8").with("width", "16").with("lr", "0.05");
        Experiment both = ActivationsExperiment.TYPE.create(p.with("compare", "on"), 3);
        List<String> inits = List.of("xavier", "xavier", "he");
        List<Experiment> singles = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            singles.add(ActivationsExperiment.TYPE.create(p.with("activation", ActivationsExperiment.COMPARED.get(i))
                    .with("init", inits.get(i)), 3));
        }
        Frame f = both.frame();
        double reluAtInit = f.scalar("relu.loss");
        List<Frame> one = singles.stream().map(Experiment::frame).toList();
        for (int s = 0; s <= 20; s++) {
            assertEquals(List.of(), ActivationsExperiment.TYPE.mismatches(f), "step " + s);
            assertEquals(3 * (2 * 8 + 2), f.scalarNames().size(), "three nets' scalars, nothing else");
            for (int i = 0; i < 3; i++) {
                String act = ActivationsExperiment.COMPARED.get(i);
                for (String key : one.get(i).scalarNames()) {
                    assertEquals(one.get(i).scalar(key), f.scalar(act + "." + key), 0.0, "step " + s + ", " + act + "." + key);
                }
            }
            f = both.step();
            one = singles.stream().map(Experiment::step).toList();
        }
        assertTrue(f.scalar("relu.loss") < reluAtInit, "the nets train: " + reluAtInit + " → " + f.scalar("relu.loss"));
    }

    /**
     * The facts inside the comparison at the defaults (depth 20, width 64), seeds 0–2: the sigmoid net's first
     * layer gets below 1e-3 of its last layer's gradient, the ReLU + He net's ratio lies in [0.1, 10] — at init and
     * after 10 steps of training.
     */
    @Test
    void theFactsHoldInsideTheComparison() {
        for (long seed = 0; seed < 3; seed++) {
            Experiment e = ActivationsExperiment.TYPE.create(ActivationsExperiment.TYPE.defaults().with("compare", "on"), seed);
            Frame f = e.frame();
            for (int s = 0; s < 2; s++) {
                assertTrue(f.scalar("sigmoid.grad_ratio") < 1e-3, "seed " + seed + ", step " + f.step() + ": "
                        + f.scalar("sigmoid.grad_ratio"));
                double relu = f.scalar("relu.grad_ratio");
                assertTrue(relu >= 0.1 && relu <= 10, "seed " + seed + ", step " + f.step() + ": " + relu);
                for (int k = 0; k < 10; k++) {
                    f = e.step();
                }
            }
        }
    }

    /** Three nets of width 128 are too slow to step interactively: refused, naming width, compare and the limit. */
    @Test
    void aComparisonTooWideIsRefusedNamingTheParams() {
        ParamException ex = assertThrows(ParamException.class, () -> ActivationsExperiment.TYPE.create(
                ActivationsExperiment.TYPE.defaults().with("compare", "on").with("width", "128"), 0));
        assertTrue(ex.getMessage().startsWith("width: 128") && ex.getMessage().contains("compare = on")
                && ex.getMessage().contains("at most 64"), ex.getMessage());
    }

    @Test
    void depthOutOfRangeIsRefusedNamingTheParam() {
        ParamException ex = assertThrows(ParamException.class,
                () -> ActivationsExperiment.TYPE.defaults().with("depth", "51"));
        assertTrue(ex.getMessage().startsWith("depth:"), ex.getMessage());
    }
}
