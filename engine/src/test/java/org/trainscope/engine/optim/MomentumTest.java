package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainscope.engine.optim.Quadratics.assertRelative;
import static org.trainscope.engine.optim.Quadratics.assertScaled;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

/**
 * Heavy ball and Nesterov (lecture 003) on f = a·x², where both are linear recurrences with closed forms.
 *
 * <p>Heavy ball: x_{t+1} = x_t − 2ηa x_t + μ(x_t − x_{t−1}) = (1−2ηa+μ)x_t − μx_{t−1}, x_{−1} = x_0, so
 * x_t = A r₁ᵗ + B r₂ᵗ with r₁,₂ the roots of r² − (1−2ηa+μ)r + μ = 0, A + B = x_0, A r₁ + B r₂ = x_1 = (1−2ηa)x_0.
 *
 * <p>Nesterov: with y = x + μv and ∇f(y) = 2a y, v' = −2ηa x + μ(1−2ηa) v and x' = x + v' = (1−2ηa)x +
 * μ(1−2ηa)v, i.e. (x, v)_t = Mᵗ (x_0, 0) with M = [[c, μc], [−2ηa, μc]], c = 1−2ηa.
 *
 * <p>Oracles are computed independently of the implementation: the roots in closed form (double), or the
 * recurrence / matrix power in 60-digit BigDecimal from the exact values of the double inputs (so the oracle's
 * own error is ~1e-50). Tolerance 1e-12: the double iteration rounds a few times per step (≈ 1e-15 relative),
 * and in these damped recurrences (spectral radius &lt; 1, eigenvector condition ≲ 10) such perturbations do not
 * grow, so 100–200 steps stay near 1e-13. Where x_t oscillates through 0 (complex roots) relative error is
 * meaningless, and the error is scaled by max_s |x_s| instead.
 */
class MomentumTest {
    private static final double TOL = 1e-12;
    private static final MathContext MC = new MathContext(60);

    @Test
    void heavyBallMatchesTheClosedFormWithRealRoots() {
        double a = 1.0;
        double eta = 0.05;
        double mu = 0.2;
        double x0 = 1.7;
        double b = 1 - 2 * eta * a + mu;            // r² − b r + μ = 0
        double disc = Math.sqrt(b * b - 4 * mu);    // 0.41 > 0: real distinct roots 0.870…, 0.229…
        double r1 = (b + disc) / 2;
        double r2 = (b - disc) / 2;
        double big = (x0 * (1 - 2 * eta * a) - x0 * r2) / (r1 - r2);
        double small = x0 - big;
        double[][] x = {{x0}};
        Optimizer hb = config("momentum", eta, mu).create(Vector.join(x));
        for (int t = 1; t <= 100; t++) {
            hb.step(quadratic(a));
            assertRelative(big * Math.pow(r1, t) + small * Math.pow(r2, t), x[0][0], TOL, "x_" + t);
        }
    }

    @Test
    void heavyBallMatchesTheExactRecurrenceWithComplexRoots() {
        double a = 2.0;
        double eta = 0.05;
        double mu = 0.9; // (1−2ηa+μ)² − 4μ < 0: x_t spirals in, crossing 0
        double x0 = -1.25;
        BigDecimal c = bd(1).subtract(bd(2).multiply(bd(eta)).multiply(bd(a)), MC).add(bd(mu), MC);
        BigDecimal prev = bd(x0);
        BigDecimal cur = bd(x0);
        BigDecimal[] exact = new BigDecimal[201];
        exact[0] = cur;
        for (int t = 1; t <= 200; t++) {
            BigDecimal next = c.multiply(cur, MC).subtract(bd(mu).multiply(prev, MC), MC); // (1−2ηa+μ)x_t − μx_{t−1}
            prev = cur;
            cur = next;
            exact[t] = cur;
        }
        double[][] x = {{x0}};
        Optimizer hb = config("momentum", eta, mu).create(Vector.join(x));
        boolean crossedZero = false;
        for (int t = 1; t <= 200; t++) {
            hb.step(quadratic(a));
            assertScaled(exact[t].doubleValue(), x[0][0], TOL, Math.abs(x0), "x_" + t);
            crossedZero |= Math.signum(x[0][0]) != Math.signum(x0);
        }
        assertTrue(crossedZero, "with complex roots the heavy ball overshoots the minimum");
    }

    @Test
    void nesterovMatchesTheMatrixPowerOverdamped() {
        // c = 0.9, M = [[0.9, 0.45], [−0.1, 0.45]]: eigenvalues 0.75 and 0.6, so x_t > 0 and relative error applies
        checkNesterov(1.0, 0.05, 0.5, 1.3, false);
    }

    @Test
    void nesterovMatchesTheMatrixPowerUnderdamped() {
        checkNesterov(3.0, 0.05, 0.9, -0.8, true);
    }

    @Test
    void nesterovWorksPerCoordinateOnTwoArrays() {
        double[][] a = {{1.0, 4.0}, {0.25}};
        double[][] x0 = {{1.0, -0.5}, {2.0}};
        double eta = 0.05;
        double mu = 0.5;
        double[][] x = {x0[0].clone(), x0[1].clone()};
        Optimizer nag = config("nesterov", eta, mu).create(Vector.join(x));
        for (int t = 1; t <= 60; t++) {
            nag.step(quadratic(a));
        }
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                BigDecimal[] state = matrixPower(a[p][i], eta, mu, 60);
                double expected = state[0].multiply(bd(x0[p][i]), MC).doubleValue();
                assertScaled(expected, x[p][i], TOL, Math.abs(x0[p][i]), "x[" + p + "][" + i + "]");
            }
        }
    }

    private static void checkNesterov(double a, double eta, double mu, double x0, boolean underdamped) {
        double[][] x = {{x0}};
        Optimizer nag = config("nesterov", eta, mu).create(Vector.join(x));
        boolean crossedZero = false;
        for (int t = 1; t <= 100; t++) {
            nag.step(quadratic(a));
            crossedZero |= Math.signum(x[0][0]) != Math.signum(x0);
            if (t == 1 || t == 2 || t == 3 || t == 10 || t == 37 || t == 64 || t == 100) {
                // (x, v)_t = Mᵗ (x_0, 0): x_t = (Mᵗ)₀₀ x_0
                double expected = matrixPower(a, eta, mu, t)[0].multiply(bd(x0), MC).doubleValue();
                if (underdamped) {
                    assertScaled(expected, x[0][0], TOL, Math.abs(x0), "x_" + t);
                } else {
                    assertRelative(expected, x[0][0], TOL, "x_" + t);
                }
            }
        }
        assertEquals(underdamped, crossedZero);
    }

    /** First column of Mᵗ, M = [[c, μc], [−2ηa, μc]], by repeated squaring in BigDecimal. */
    private static BigDecimal[] matrixPower(double a, double eta, double mu, int t) {
        BigDecimal twoEtaA = bd(2).multiply(bd(eta)).multiply(bd(a));
        BigDecimal c = bd(1).subtract(twoEtaA);
        BigDecimal[][] m = {{c, bd(mu).multiply(c)}, {twoEtaA.negate(), bd(mu).multiply(c)}};
        BigDecimal[][] result = {{bd(1), bd(0)}, {bd(0), bd(1)}};
        for (int e = t; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = multiply(result, m);
            }
            m = multiply(m, m);
        }
        return new BigDecimal[] {result[0][0], result[1][0]};
    }

    private static BigDecimal[][] multiply(BigDecimal[][] p, BigDecimal[][] q) {
        BigDecimal[][] r = new BigDecimal[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                r[i][j] = p[i][0].multiply(q[0][j], MC).add(p[i][1].multiply(q[1][j], MC), MC);
            }
        }
        return r;
    }

    private static OptimizerConfig config(String rule, double eta, double mu) {
        return new OptimizerConfig(rule, new LearningRate.Constant(eta), mu, 0.9, 0.9, 0.999, 1e-8, 0.0);
    }

    private static BigDecimal bd(double v) {
        return new BigDecimal(v);
    }
}
