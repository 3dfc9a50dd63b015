package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test objectives with known closed-form dynamics, and the relative comparison the optimizer tests share. */
final class Quadratics {
    private Quadratics() {
    }

    /** f = Σ_p Σ_i a[p][i]·x[p][i]², ∇f = 2a·x, over any number of parameter arrays. */
    static Objective quadratic(double[][] a) {
        return (x, grad) -> {
            double f = 0;
            for (int p = 0; p < x.length; p++) {
                for (int i = 0; i < x[p].length; i++) {
                    f += a[p][i] * x[p][i] * x[p][i];
                    grad[p][i] = 2 * a[p][i] * x[p][i];
                }
            }
            return f;
        };
    }

    /** f = a·x² on one array of one number. */
    static Objective quadratic(double a) {
        return quadratic(new double[][] {{a}});
    }

    /** |actual − expected| ≤ tol·|expected|. */
    static void assertRelative(double expected, double actual, double tol, String what) {
        double err = Math.abs(actual - expected);
        assertTrue(err <= tol * Math.abs(expected),
                () -> what + ": expected " + expected + " but was " + actual + " (relative error "
                        + err / Math.abs(expected) + " > " + tol + ")");
    }

    /** |actual − expected| ≤ tol·scale. */
    static void assertScaled(double expected, double actual, double tol, double scale, String what) {
        double err = Math.abs(actual - expected);
        assertTrue(err <= tol * scale, () -> what + ": expected " + expected + " but was " + actual
                + " (error " + err + " > " + tol + "·" + scale + ")");
    }
}
