package org.trainscope.engine.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;

/** The depth-2 net's gradient, the construction's exact error, the lemma's bound, and training that gets close. */
class UniversalApproxExperimentTest {
    /**
     * ∇L against central differences. L is piecewise quadratic in θ (a ReLU pattern fixed, f is bilinear in (w, b) and a),
     * so with h = 1e-6 the difference is exact up to rounding (≈ 1e-16·L/h ≈ 1e-11) unless some w_j x_i + b_j crosses 0
     * within h — probability ≈ 1e-6 per (unit, point) at these random parameters. Tolerance 1e-7 absolute.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        Rng r = new Rng(8);
        ShallowNet net = new ShallowNet(5);
        for (int j = 0; j < 5; j++) {
            net.w[j] = r.nextGaussian();
            net.b[j] = r.nextGaussian();
            net.a[j] = r.nextGaussian();
        }
        net.c[0] = 0.3;
        double[] xs = new double[30];
        double[] ys = new double[30];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.uniform(-1, 1);
            ys[i] = Math.sin(3 * xs[i]);
        }
        double[][] g = {new double[5], new double[5], new double[5], new double[1]};
        net.lossAndGradient(xs, ys, g[0], g[1], g[2], g[3]);
        double[][] params = {net.w, net.b, net.a, net.c};
        double h = 1e-6;
        double[][] scratch = {new double[5], new double[5], new double[5], new double[1]};
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < params[p].length; i++) {
                double saved = params[p][i];
                params[p][i] = saved + h;
                double plus = net.lossAndGradient(xs, ys, scratch[0], scratch[1], scratch[2], scratch[3]);
                params[p][i] = saved - h;
                double minus = net.lossAndGradient(xs, ys, scratch[0], scratch[1], scratch[2], scratch[3]);
                params[p][i] = saved;
                assertEquals((plus - minus) / (2 * h), g[p][i], 1e-7, "∂L/∂θ[" + p + "][" + i + "]");
            }
        }
    }

    /**
     * Closed form: interpolating x² at spacing h = 2/m errs by exactly h²/4 = 1/m² at each midpoint, which lies on the
     * 2049-point probe grid for m a power of two. The error is a difference of O(1) numbers: 1e-12 absolute.
     * And the lemma: for every Lipschitz target the width-m construction is within ε = 8RL/m.
     */
    @Test
    void constructionErrorIsExactAndWithinTheLemmasBound() {
        Frame f = UniversalApproxExperiment.TYPE.create(UniversalApproxExperiment.TYPE.defaults().with("target", "square"), 0)
                .frame();
        for (int k = 0; k < 6; k++) {
            double m = f.scalar(UniversalApproxExperiment.SWEEP_WIDTH.of(k));
            assertEquals(1 / (m * m), f.scalar(UniversalApproxExperiment.SWEEP_CONSTRUCTION.of(k)), 1e-12, "m = " + m);
        }
        for (String target : new String[] {"sin", "abs", "square", "sawtooth", "drawn"}) {
            Frame t = UniversalApproxExperiment.TYPE.create(UniversalApproxExperiment.TYPE.defaults().with("target", target), 0)
                    .frame();
            for (int k = 0; k < 6; k++) {
                assertTrue(t.scalar(UniversalApproxExperiment.SWEEP_CONSTRUCTION.of(k))
                        <= t.scalar(UniversalApproxExperiment.SWEEP_BOUND.of(k)), target + " at width index " + k);
            }
        }
    }

    /** Training gets close: the widest sweep net ends within 0.1 of sin πx, far better than width 2 can. */
    @Test
    void trainedWideNetApproximatesTheTarget() {
        Experiment e = UniversalApproxExperiment.TYPE.create(UniversalApproxExperiment.TYPE.defaults(), 0);
        Frame f = e.frame();
        for (int s = 0; s < 150; s++) {
            f = e.step();
        }
        assertTrue(f.scalar(UniversalApproxExperiment.SWEEP_ERROR.of(5)) < 0.1, "width 64: " + f.scalar(UniversalApproxExperiment.SWEEP_ERROR.of(5)));
        assertTrue(f.scalar(UniversalApproxExperiment.SWEEP_ERROR.of(0)) > 0.3, "width 2 cannot bend twice");
        assertTrue(f.series(UniversalApproxExperiment.BREAKS_X).length <= 16, "at most one breakpoint per unit");
    }

    @Test
    void sameSeedSameFrames() {
        Params p = UniversalApproxExperiment.TYPE.defaults().with("target", "sawtooth").with("optimizer", "momentum")
                .with("lr", "0.05");
        Experiment a = UniversalApproxExperiment.TYPE.create(p, 4);
        Experiment b = UniversalApproxExperiment.TYPE.create(p, 4);
        for (int s = 0; s < 3; s++) {
            assertEquals(a.step(), b.step());
        }
    }
}
