package org.trainscope.engine.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every surface's Hessian against central differences of its analytic gradient; λ_max of 2×2 in closed form. */
class SurfaceHessianTest {
    /**
     * (∇f(x + he_i) − ∇f(x − he_i))/2h at h = 1e-5: truncation h²·|f''''| ≤ 1e-10·|f''''| (≤ 2400 for Rosenbrock on
     * [−1.5, 1.5]²) and rounding ε|∇f|/h ≈ 1e-9: tolerance 1e-5 relative.
     */
    @Test
    void hessiansMatchDifferencesOfTheGradient() {
        double h = 1e-5;
        for (String name : Surface.NAMES) {
            Surface s = Surface.of(name, 1.5, 7);
            for (double[] p : new double[][] {{0.3, -0.7}, {-1.2, 0.4}, {1.1, 1.3}}) {
                double[] hess = s.hessian(p[0], p[1]);
                double[] gp = new double[2];
                double[] gm = new double[2];
                s.gradient(p[0] + h, p[1], gp);
                s.gradient(p[0] - h, p[1], gm);
                double tol = 1e-5 * Math.max(1, Math.abs(hess[0]) + Math.abs(hess[2]));
                assertEquals((gp[0] - gm[0]) / (2 * h), hess[0], tol, name + " h₁₁");
                assertEquals((gp[1] - gm[1]) / (2 * h), hess[1], tol, name + " h₁₂");
                s.gradient(p[0], p[1] + h, gp);
                s.gradient(p[0], p[1] - h, gm);
                assertEquals((gp[1] - gm[1]) / (2 * h), hess[2], tol, name + " h₂₂");
            }
        }
    }

    /** [[2, 1], [1, 2]] has eigenvalues 3 and 1; diag(2a, 2b) has 2·max(a, b). */
    @Test
    void largestEigenvalueOfTwoByTwo() {
        assertEquals(3, Surface.largestEigenvalue(new double[] {2, 1, 2}), 1e-15);
        assertEquals(20, Surface.largestEigenvalue(Surface.of("quadratic", 1, 10).hessian(0.4, -3)), 0);
        assertEquals(2, Surface.largestEigenvalue(Surface.of("saddle", 1, 1).hessian(0, 0)), 0);
    }
}
