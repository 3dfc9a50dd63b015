package org.trainscope.engine.optim;

import static org.trainscope.engine.optim.Quadratics.assertRelative;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import org.junit.jupiter.api.Test;

/**
 * AdaGrad, RMSprop and Adam on f = a·x² from x_0 (g_t = 2a·x_t), first three steps against values derived by
 * hand from the papers' formulas, written in an algebraically different form than the code (sums unrolled, bias
 * corrections cancelled):
 * <ul>
 *   <li>AdaGrad: x_{t+1} = x_t − η g_t / (√(g_0² + … + g_t²) + ε); the first step is η·g/(|g| + ε) ≈ η·sign(g).</li>
 *   <li>RMSprop: E_1 = (1−ρ)g_0², E_2 = (1−ρ)(ρg_0² + g_1²), E_3 = (1−ρ)(ρ²g_0² + ρg_1² + g_2²).</li>
 *   <li>Adam: m̂_t = Σ β₁^{t−1−s} g_s / Σ β₁^s and v̂_t likewise with g² and β₂ (the (1−β) factors cancel with
 *       the bias correction 1−βᵗ = (1−β)Σβ^s); so the first step is exactly η·g/(|g| + ε), whatever a is.</li>
 * </ul>
 * Tolerance 1e-13 relative on x: each step is a dozen roundings (≈ 3e-15); Adam's code forms 1 − β₂ᵗ, which for
 * β₂ = 0.999 loses ~3 digits to cancellation (≈ 5e-14 on v̂, halved by the √ and scaled by η ≤ 0.1 relative to x).
 * Forgetting ε alone shifts x by η·ε/|g| ≈ 4e-10, far above the tolerance, so every term of each formula is seen.
 */
class AdaptiveRulesTest {
    private static final double TOL = 1e-13;
    private static final double EPS = 1e-8;

    @Test
    void adagradFirstThreeSteps() {
        double a = 1.5;
        double eta = 0.1;
        double x0 = 0.8;
        double[] xs = run("adagrad", a, eta, x0, 3);
        double g0 = 2 * a * x0;
        double x1 = x0 - eta * g0 / (Math.abs(g0) + EPS);
        double g1 = 2 * a * x1;
        double x2 = x1 - eta * g1 / (Math.hypot(g0, g1) + EPS);
        double g2 = 2 * a * x2;
        double x3 = x2 - eta * g2 / (Math.sqrt(g0 * g0 + g1 * g1 + g2 * g2) + EPS);
        assertRelative(x1, xs[1], TOL, "x1");
        assertRelative(x2, xs[2], TOL, "x2");
        assertRelative(x3, xs[3], TOL, "x3");
    }

    @Test
    void rmspropFirstThreeSteps() {
        double a = 2.0;
        double eta = 0.01;
        double x0 = -1.1;
        double rho = 0.9;
        double[] xs = run("rmsprop", a, eta, x0, 3);
        double g0 = 2 * a * x0;
        double x1 = x0 - eta * g0 / (Math.sqrt(1 - rho) * Math.abs(g0) + EPS); // first step ≈ η/√(1−ρ) ≈ 3.2η
        double g1 = 2 * a * x1;
        double x2 = x1 - eta * g1 / (Math.sqrt((1 - rho) * (rho * g0 * g0 + g1 * g1)) + EPS);
        double g2 = 2 * a * x2;
        double x3 = x2 - eta * g2 / (Math.sqrt((1 - rho) * (rho * rho * g0 * g0 + rho * g1 * g1 + g2 * g2)) + EPS);
        assertRelative(x1, xs[1], TOL, "x1");
        assertRelative(x2, xs[2], TOL, "x2");
        assertRelative(x3, xs[3], TOL, "x3");
    }

    @Test
    void adamFirstThreeSteps() {
        double a = 1.5;
        double eta = 0.1;
        double x0 = 0.8;
        double b1 = 0.9;
        double b2 = 0.999;
        double[] xs = run("adam", a, eta, x0, 3);
        double g0 = 2 * a * x0;
        double x1 = x0 - eta * g0 / (Math.abs(g0) + EPS);
        double g1 = 2 * a * x1;
        double m2 = (b1 * g0 + g1) / (1 + b1);
        double v2 = (b2 * g0 * g0 + g1 * g1) / (1 + b2);
        double x2 = x1 - eta * m2 / (Math.sqrt(v2) + EPS);
        double g2 = 2 * a * x2;
        double m3 = (b1 * b1 * g0 + b1 * g1 + g2) / (1 + b1 + b1 * b1);
        double v3 = (b2 * b2 * g0 * g0 + b2 * g1 * g1 + g2 * g2) / (1 + b2 + b2 * b2);
        double x3 = x2 - eta * m3 / (Math.sqrt(v3) + EPS);
        assertRelative(x1, xs[1], TOL, "x1");
        assertRelative(x2, xs[2], TOL, "x2");
        assertRelative(x3, xs[3], TOL, "x3");
    }

    @Test
    void adamFirstStepIsEtaWhateverTheCurvature() {
        // m̂_1 = g, v̂_1 = g²: the first step is η·g/(|g| + ε), i.e. η·sign(g) up to ε/|g|
        double eta = 0.05;
        for (double a : new double[] {1e-3, 1.0, 1e3}) {
            for (double x0 : new double[] {-2.0, 0.3}) {
                double g = 2 * a * x0;
                double[] xs = run("adam", a, eta, x0, 1);
                assertRelative(eta * Math.abs(g) / (Math.abs(g) + EPS), Math.abs(xs[1] - x0), 1e-12, "|x1 − x0| at a=" + a);
                assertRelative(-Math.signum(g), Math.signum(xs[1] - x0), 0, "direction");
            }
        }
    }

    /** x_0…x_n of {@code rule} with defaults ρ = 0.9, β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    private static double[] run(String rule, double a, double eta, double x0, int n) {
        double[][] x = {{x0}};
        Optimizer o = OptimizerConfig.of(rule, eta).create(Vector.join(x));
        double[] xs = new double[n + 1];
        xs[0] = x0;
        for (int t = 1; t <= n; t++) {
            o.step(quadratic(a));
            xs[t] = x[0][0];
        }
        return xs;
    }
}
