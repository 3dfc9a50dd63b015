package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainscope.engine.optim.Quadratics.assertRelative;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import org.junit.jupiter.api.Test;

/**
 * The gradient flow dx/dt = −∇f(x) on f = a·x₁² + b·x₂² has the exact solution x_i(t) = x_i(0)·e^{−2a_i t}
 * (lecture 003), and step k of the rule is time t = k·η.
 *
 * <p>Tolerance 1e-9 relative: the integrator accepts a sub-step when its local error estimate is below
 * {@link GradientFlow#TOLERANCE} = 1e-11·max(1, |x|∞) and then Richardson-extrapolates it (5th order), and on
 * this contracting flow local errors do not grow, so the global error stays well below (number of sub-steps) ×
 * 1e-11; start points and times are chosen so that x stays O(1) and the relative error is meaningful. Plain
 * Euler (= GD) at these η is off by ~1e-3, RK4 with a single unchecked step of η = 0.5 by ~1e-3 too.
 */
class GradientFlowTest {
    private static final double TOL = 1e-9;

    @Test
    void followsTheExponentialSolutionWithSmallSteps() {
        checkFlow(1.0, 0.5, 0.01, 100); // t = 1: x₁ = x₁(0)e^{−2}, x₂ = x₂(0)e^{−1}
    }

    @Test
    void followsTheExponentialSolutionWithStepsLargerThanTheStableEulerStep() {
        // η = 0.6 > 1/a: GD would diverge (|1−2ηa| = 1.4), the adaptive flow sub-steps and stays on the curve
        checkFlow(1.0, 0.25, 0.6, 3);
    }

    @Test
    void gradientDescentIsOnlyAnApproximationOfTheFlow() {
        // the check above has teeth: GD at the same η is far from the curve
        double a = 1.0;
        double eta = 0.01;
        double[][] x = {{1.5}};
        Optimizer gd = OptimizerConfig.of("gd", eta).create(Vector.join(x));
        for (int k = 0; k < 100; k++) {
            gd.step(quadratic(a));
        }
        double flow = 1.5 * Math.exp(-2 * a * 100 * eta);
        assertTrue(Math.abs(x[0][0] - flow) / flow > 1e-3);
    }

    private static void checkFlow(double a, double b, double eta, int steps) {
        double[] x0 = {1.5, -2.0};
        double[][] x = {x0.clone()};
        Optimizer flow = OptimizerConfig.of("flow", eta).create(Vector.join(x));
        Objective f = quadratic(new double[][] {{a, b}});
        for (int k = 1; k <= steps; k++) {
            flow.step(f);
            double t = k * eta;
            assertRelative(x0[0] * Math.exp(-2 * a * t), x[0][0], TOL, "x₁(" + t + ")");
            assertRelative(x0[1] * Math.exp(-2 * b * t), x[0][1], TOL, "x₂(" + t + ")");
        }
        assertEquals(steps, flow.t());
    }
}
