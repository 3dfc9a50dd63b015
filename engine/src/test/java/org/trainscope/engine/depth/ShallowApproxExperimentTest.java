package org.trainscope.engine.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.trainscope.engine.depth.ShallowApproxExperiment.DEEP_ERROR;
import static org.trainscope.engine.depth.ShallowApproxExperiment.DEEP_PARAMS;
import static org.trainscope.engine.depth.ShallowApproxExperiment.DEEP_WIDTH;
import static org.trainscope.engine.depth.ShallowApproxExperiment.EPS;
import static org.trainscope.engine.depth.ShallowApproxExperiment.F;
import static org.trainscope.engine.depth.ShallowApproxExperiment.F_KNOTS_X;
import static org.trainscope.engine.depth.ShallowApproxExperiment.F_KNOTS_Y;
import static org.trainscope.engine.depth.ShallowApproxExperiment.X;
import static org.trainscope.engine.depth.ShallowApproxExperiment.M;
import static org.trainscope.engine.depth.ShallowApproxExperiment.PARAMS;
import static org.trainscope.engine.depth.ShallowApproxExperiment.PIECES;
import static org.trainscope.engine.depth.ShallowApproxExperiment.SUP_ERROR;
import static org.trainscope.engine.depth.ShallowApproxExperiment.WIDTH;
import static org.trainscope.engine.depth.ShallowApproxExperiment.WIDTH_BOUND;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.linalg.Nd4jRuntime;

/** The Eldan–Shamir lemma: within ε, with width ≤ 8RL/ε, on every target and step. */
class ShallowApproxExperimentTest {
    static {
        Nd4jRuntime.init();
    }

    /**
     * The lemma's two promises at every step. The error is measured on ND4J outputs; rounding there is ≈ width·1e-16
     * relative (a sum of width terms), far below ε, so no slack is added to the bound.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sawtooth", "square", "sin"})
    void withinEpsWithWidthAtMost8RLOverEps(String target) {
        Params p = ShallowApproxExperiment.TYPE.defaults().with("target", target).with("eps", "0.3");
        Experiment e = ShallowApproxExperiment.TYPE.create(p, 0);
        for (int k = 0; k <= 6; k++) {
            Frame f = k == 0 ? e.frame() : e.step();
            assertTrue(f.scalar(SUP_ERROR) <= f.scalar(EPS), target + " step " + k + ": " + f.scalar(SUP_ERROR));
            assertTrue(f.scalar(WIDTH) <= f.scalar(WIDTH_BOUND), target + " width " + f.scalar(WIDTH));
            assertEquals(3 * f.scalar(WIDTH) + 1, f.scalar(PARAMS), "1 → w → 1");
            assertTrue(f.scalar(PIECES) <= f.scalar(WIDTH) + 1, "a depth-2 net of width w has ≤ w + 1 pieces");
        }
    }

    /**
     * Closed form: interpolating x² at spacing h errs by exactly h²/4 at each midpoint ((x−a)(b−x) peaks at h²/4).
     * With L = 2, h = ε/2, so sup = ε²/16. The interpolant's outputs are sums of ≈ 2n terms of size ≤ 4 (weights
     * ≤ 2L): absolute rounding ≈ 2n·4·1e-16 ≤ 1e-12 for n ≤ 1000, hence the tolerance 1e-12 (absolute).
     */
    @Test
    void squareErrorIsHSquaredOverFour() {
        Experiment e = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults()
                .with("target", "square").with("eps", "0.5"), 0);
        for (int k = 0; k <= 5; k++) {
            Frame f = k == 0 ? e.frame() : e.step();
            double h = f.scalar(EPS) / 2;
            assertEquals(h * h / 4, f.scalar(SUP_ERROR), 1e-12, "step " + k);
            assertEquals(0.5 / Math.pow(2, k), f.scalar(EPS), 0.0, "ε halves each step");
        }
    }

    /** For s_m the width doubles with m (RL/ε = 2^(m−1)/ε), and the deep network stays at width 3. */
    @Test
    void sawtoothWidthGrowsLike2ToTheM() {
        Experiment e = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults(), 0);
        for (int m = 1; m <= 9; m++) {
            Frame f = m == 1 ? e.frame() : e.step();
            double n = Math.ceil(Math.pow(2, m - 1) / 0.3);                    // ⌈RL/ε⌉, R = ½, L = 2^m
            assertEquals(2 * n + 1, f.scalar(WIDTH), "m = " + m);
            assertEquals(3, f.scalar(DEEP_WIDTH));
            assertEquals(m, f.scalar(M));
        }
    }

    @Test
    void aWidthBeyondTheLimitStopsTheRunAtTheLastGoodFrame() {
        Experiment e = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults()
                .with("target", "sin").with("eps", "0.01"), 0);      // width 2⌈π/ε_k⌉ + 1: 631, 1259, 2515, 5029
        for (int k = 1; k <= 1; k++) {
            e.step();
        }
        Frame last = e.frame();
        assertTrue(last.scalar(WIDTH) <= ShallowApproxExperiment.MAX_WIDTH);
        assertThrows(EndOfRunException.class, e::step);
        assertEquals(last, e.frame(), "state stays at the last good frame");
    }

    /** The keys are the public format (CLI columns, saved runs): pinned here by name, in order. */
    @Test
    void frameKeysAreThePublicFormat() {
        Frame f = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults(), 0).frame();
        assertEquals(List.of("width", "sup_error", "eps", "width_bound", "lipschitz", "radius", "pieces", "params", "m",
                "deep_width", "deep_params", "deep_error"), f.scalarNames());
        assertEquals(List.of("x", "target", "f", "f_knots_x", "f_knots_y", "points_x", "points_y"), f.seriesNames());
    }

    /** The defect: ε ≥ 2.3 leaves one unit, a 1×1 weight matrix, which ND4J strides oddly; it runs. */
    @ParameterizedTest
    @ValueSource(strings = {"2.3", "4"})
    void aLargeEpsilonLeavesANetOfWidthOneThatRuns(String eps) {
        Experiment e = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults().with("eps", eps), 0);
        Frame f = e.frame();
        assertTrue(f.scalar(SUP_ERROR) <= f.scalar(EPS), "within ε: " + f.scalar(SUP_ERROR));
        assertTrue(e.step().scalar(WIDTH) >= 1);
    }

    /**
     * The knots are f itself: the polyline through them equals the network's output on the plot grid. Both are the
     * same ND4J forward pass (at knots and at grid points), so they differ by rounding only: outputs are sums of ≈ w
     * terms of size ≤ 2L ≤ 2^11, ≈ w·2^11·1e-16 ≤ 1e-9 at w ≤ 4000, plus the interpolation's own few ulps.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sawtooth", "square", "sin"})
    void theKnotsPolylineIsTheNetwork(String target) {
        Experiment e = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults().with("target", target), 0);
        for (Frame f : List.of(e.frame(), e.step(), e.step(), e.step())) {
            PiecewiseLinear knots = new PiecewiseLinear(f.series(F_KNOTS_X), f.series(F_KNOTS_Y));
            double[] x = f.series(X);
            double[] net = f.series(F);
            for (int i = 0; i < x.length; i++) {
                assertEquals(net[i], knots.at(x[i]), 1e-9, target + " step " + f.step() + " at x = " + x[i]);
            }
        }
    }

    /** Every target's frames are as declared, except that sin has no deep construction: its deep_* are absent. */
    @ParameterizedTest
    @ValueSource(strings = {"sawtooth", "square", "sin"})
    void everyTargetWritesTheDeclaredOutputs(String target) {
        Experiment e = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults().with("target", target), 0);
        List<String> expected = target.equals("sin")
                ? List.of("missing scalar '" + DEEP_WIDTH.name() + "'", "missing scalar '" + DEEP_PARAMS.name() + "'",
                        "missing scalar '" + DEEP_ERROR.name() + "'")
                : List.of();
        for (Frame f : List.of(e.frame(), e.step(), e.step())) {
            assertEquals(expected, ShallowApproxExperiment.TYPE.mismatches(f), target + " at step " + f.step());
        }
    }

    @Test
    void restoreReturnsToTheSameFrame() {
        Experiment e = ShallowApproxExperiment.TYPE.create(ShallowApproxExperiment.TYPE.defaults().with("target", "sin"), 0);
        e.step();
        var s = e.snapshot();
        Frame before = e.frame();
        e.step();
        e.restore(s);
        assertEquals(before, e.frame());
    }
}
