package org.trainscope.engine.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;

/** The NTK against its definition, its infinite-width formula, and lazy training's scaling. */
class NtkExperimentTest {
    /**
     * Θ(x, x') = ⟨∇_θ f(x), ∇_θ f(x')⟩ against JJᵀ with J from central differences in every parameter. f is piecewise
     * quadratic in θ (linear in a, and in w within a ReLU pattern), so a central difference with h = 1e-6 is exact up
     * to rounding unless a pre-activation crosses 0 within h (probability ≈ 1e-6 per unit, none here): rounding
     * ≈ 1e-16·|f|/h ≈ 1e-10 per entry of J, hence 1e-8 relative on Θ.
     */
    @Test
    void empiricalNtkIsJacobianTimesItsTranspose() {
        LazyNet net = new LazyNet(12, 3, new Rng(5));
        Rng r = new Rng(6);
        int n = 4;
        double[] x = new double[n * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        int p = net.w.length + net.a.length;
        double[][] jac = new double[n][p];
        double h = 1e-6;
        for (int q = 0; q < p; q++) {
            double[] arr = q < net.w.length ? net.w : net.a;
            int at = q < net.w.length ? q : q - net.w.length;
            double saved = arr[at];
            arr[at] = saved + h;
            double[] plus = net.f(x);
            arr[at] = saved - h;
            double[] minus = net.f(x);
            arr[at] = saved;
            for (int i = 0; i < n; i++) {
                jac[i][q] = (plus[i] - minus[i]) / (2 * h);
            }
        }
        double[] theta = net.kernel(x, x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double jjt = 0;
                for (int q = 0; q < p; q++) {
                    jjt += jac[i][q] * jac[j][q];
                }
                assertEquals(jjt, theta[i * n + j], 1e-8 * (1 + Math.abs(jjt)), "Θ(" + i + ", " + j + ")");
            }
        }
    }

    /**
     * At init Θ is an average over m independent units of a bounded-variance quantity, so it approaches Θ∞ with a
     * Monte-Carlo error ∝ 1/√m: at m = 65536 about 0.4 % of Θ∞ per standard deviation (unit terms have relative spread
     * ≈ 1). A 3 % tolerance is over 7σ, and a 16-unit net (25 % per σ) would miss it.
     */
    @Test
    void wideNetKernelAtInitApproachesTheArcCosineFormula() {
        LazyNet net = new LazyNet(65536, 2, new Rng(11));
        double[] x = {0.3, 1, -0.8, 1, 1.1, 1};
        double[] theta = net.kernel(x, x);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double inf = LazyNet.analytic(x, i, x, j, 2);
                assertEquals(inf, theta[i * 3 + j], 0.03 * Math.abs(inf), "Θ(" + i + ", " + j + ")");
            }
        }
    }

    /**
     * Lazy training: ‖θ_t − θ₀‖/‖θ₀‖ falls with width. In the NTK parameterization the function moves O(1) while
     * ‖θ₀‖ ∝ √m and each weight moves O(1/√m): the relative change falls like 1/√m, i.e. by 2 per fourfold width.
     * Asserted strictly decreasing along 16 … 4096, and the ratio from width 16 to 4096 between 16/1.5 and 16·2 around
     * the law's √256 = 16 (the narrowest net is not lazy and moves more than the law says: 1.09 against 0.041 at
     * frame 200, a ratio of 27). The kernel change falls too.
     */
    @Test
    void weightAndKernelChangeFallWithWidth() {
        Experiment e = NtkExperiment.TYPE.create(NtkExperiment.TYPE.defaults(), 0);
        Frame f = e.frame();
        for (int s = 0; s < 60; s++) {
            f = e.step();
        }
        for (int k = 1; k < 5; k++) {
            assertTrue(f.scalar(NtkExperiment.WEIGHT_CHANGE.of(k)) < f.scalar(NtkExperiment.WEIGHT_CHANGE.of(k - 1)),
                    "weight change at width " + f.scalar(NtkExperiment.WIDTH.of(k)));
            assertTrue(f.scalar(NtkExperiment.KERNEL_CHANGE.of(k)) < f.scalar(NtkExperiment.KERNEL_CHANGE.of(k - 1)),
                    "kernel change at width " + f.scalar(NtkExperiment.WIDTH.of(k)));
        }
        double ratio = f.scalar(NtkExperiment.WEIGHT_CHANGE.of(0)) / f.scalar(NtkExperiment.WEIGHT_CHANGE.of(4));
        assertTrue(ratio > 16 / 1.5 && ratio < 16 * 2, "1/√m predicts 16 from width 16 to 4096: " + ratio);
    }

    @Test
    void sameSeedSameFrames() {
        Params p = NtkExperiment.TYPE.defaults().with("data", "diabetes").with("widths", "8,32");
        Experiment a = NtkExperiment.TYPE.create(p, 3);
        Experiment b = NtkExperiment.TYPE.create(p, 3);
        for (int s = 0; s < 3; s++) {
            assertEquals(a.step(), b.step());
        }
    }
}
