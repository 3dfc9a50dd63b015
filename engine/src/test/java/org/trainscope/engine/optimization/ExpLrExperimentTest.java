package org.trainscope.engine.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/** Weight decay = exponential learning rate on a scale-invariant net, against the theorem and finite differences. */
class ExpLrExperimentTest {
    private static ExpLrExperiment create(long seed, String... assignments) {
        Params p = ExpLrExperiment.TYPE.defaults();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            p = p.with(a.substring(0, eq), a.substring(eq + 1));
        }
        return (ExpLrExperiment) ExpLrExperiment.TYPE.create(p, seed);
    }

    /**
     * Over the default run (300 steps) the two runs' predictions agree to rounding and the norm ratio is α^{−t}.
     * In exact arithmetic both differences are 0. Each step rounds every weight with a relative error of a few ε per
     * operation, ~10³ operations feed a weight's gradient, and the 300 steps add up: ε·10³·300 ≈ 7e-11 relative,
     * which bounds the probability difference (|∂p/∂θ|·‖θ‖ ≤ g = 4) and the norm ratio: tolerance 1e-10 (measured:
     * about 2e-13).
     */
    @ParameterizedTest(name = "momentum {0}")
    @ValueSource(strings = {"0", "0.9"})
    void predictionsAgreeToRoundingAndTheNormsPartAsPredicted(String momentum) {
        ExpLrExperiment e = create(0, "momentum=" + momentum);
        double largest = 0;
        Frame f = e.frame();
        for (int t = 0; t < ExpLrExperiment.TYPE.defaultSteps(); t++) {
            f = e.step();
            largest = Math.max(largest, f.scalar(ExpLrExperiment.PRED_DIFF));
            double ratio = f.scalar(ExpLrExperiment.NORM_RATIO);
            assertEquals(f.scalar(ExpLrExperiment.NORM_RATIO_PREDICTED), ratio, 1e-10 * ratio, "norm ratio at " + t);
        }
        assertTrue(largest < 1e-10, "largest |softmax_A − softmax_B| = " + largest);
        assertTrue(f.scalar(ExpLrExperiment.NORM_RATIO) > 1.3, "the norms really part: " + f.scalar(ExpLrExperiment.NORM_RATIO));
        assertTrue(f.scalar(ExpLrExperiment.A_LOSS) < 0.05, "and the net really learns: " + f.scalar(ExpLrExperiment.A_LOSS));
    }

    /** α solves α² − (1+γ−λη)α + γ = 0, and is 1 − λη at γ = 0. Tolerance: a few ε of the terms (≈ 2). */
    @Test
    void alphaIsTheRootOfTheQuadratic() {
        for (double gamma : new double[] {0, 0.5, 0.9}) {
            ExpLrExperiment.Config c = new ExpLrExperiment.Config(0.1, gamma, 0.01, 8, 100, 10, 4);
            double a = c.alpha();
            assertEquals(0, a * a - (1 + gamma - 0.001) * a + gamma, 1e-15);
            if (gamma == 0) {
                assertEquals(1 - 0.001, a, 1e-16);
            }
        }
    }

    /**
     * The net is scale-invariant: L(cθ) = L(θ), ∇L(cθ) = ∇L(θ)/c, ⟨∇L(θ), θ⟩ = 0 — to rounding (1e-12 relative: sums
     * of ~10⁴ terms of the loss's size) — and its gradient matches central differences (h = 1e-5: truncation h²·L''' ≈
     * 1e-10, rounding ε·L/h ≈ 1e-11; tolerance 1e-7 relative).
     */
    @Test
    void theNetIsScaleInvariantAndItsGradientIsRight() {
        ExpLrExperiment e = create(3, "train=60", "hidden=8");
        double[] theta = e.thetaA();
        double[] g = new double[theta.length];
        double loss = e.trainLoss(theta, g);
        double c = 3.7;
        double[] scaled = theta.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= c;
        }
        double[] gs = new double[theta.length];
        assertEquals(loss, e.trainLoss(scaled, gs), 1e-12 * loss);
        double dot = 0;
        double gg = 0;
        double tt = 0;
        for (int i = 0; i < theta.length; i++) {
            assertEquals(g[i] / c, gs[i], 1e-12 * Math.max(1e-3, Math.abs(g[i])), "∇L(cθ) = ∇L(θ)/c at " + i);
            dot += g[i] * theta[i];
            gg += g[i] * g[i];
            tt += theta[i] * theta[i];
        }
        assertEquals(0, dot, 1e-12 * Math.sqrt(gg * tt), "⟨∇L, θ⟩ = 0");
        double h = 1e-5;
        for (int i = 0; i < theta.length; i += 17) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (e.trainLoss(plus, null) - e.trainLoss(minus, null)) / (2 * h);
            assertEquals(numeric, g[i], 1e-7 * Math.max(1, Math.abs(numeric)), "∂L/∂θ_" + i);
        }
    }

    @Test
    void sameSeedSameFramesAndARestoredSnapshotRepeatsThem() {
        ExpLrExperiment a = create(5, "train=100", "hidden=8");
        ExpLrExperiment b = create(5, "train=100", "hidden=8");
        Snapshot mid = null;
        java.util.List<Frame> after = new java.util.ArrayList<>();
        for (int t = 0; t < 12; t++) {
            assertEquals(a.step(), b.step());
            if (t == 5) {
                mid = a.snapshot();
            } else if (t > 5) {
                after.add(a.frame());
            }
        }
        a.restore(mid);
        for (Frame expected : after) {
            assertEquals(expected, a.step());
        }
    }

    @Test
    void aDecayWithoutARealAlphaIsRefusedNamingTheParam() {
        ParamException e = assertThrows(ParamException.class, () -> create(0, "weight_decay=0.5"));
        assertTrue(e.getMessage().startsWith("weight_decay:") && e.getMessage().contains("(1 − √γ)²"), e.getMessage());
    }
}
