package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test objectives with known closed-form dynamics, and the relative comparison the optimizer tests share. */
final class Quadratics {
    private Quadratics() {
    }

    /**
     * f = Σ_p Σ_i a[p][i]·x[p][i]², ∇f = 2a·x, over any number of parameter arrays (the vector is them end to end,
     * as {@link Vector#join(double[]...)} lays them out).
     */
    static Objective quadratic(double[][] a) {
        double[] flat = java.util.Arrays.stream(a).flatMapToDouble(java.util.Arrays::stream).toArray();
        return (x, grad) -> {
            double f = 0;
            for (int i = 0; i < flat.length; i++) {
                double xi = x.get(i);
                f += flat[i] * xi * xi;
                grad.set(i, 2 * flat[i] * xi);
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
