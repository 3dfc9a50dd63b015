package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainscope.engine.optim.Quadratics.assertScaled;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import org.junit.jupiter.api.Test;

/**
 * The two momentum forms on f = a·x² (g_s = 2a·x_s, plus λx_s with weight decay), against their sums unrolled by
 * hand — an algebraically different form than the code's recurrences:
 * <ul>
 *   <li>torch.optim.SGD(momentum=μ, dampening=0, nesterov=False), rule {@code sgdm}: its buffer is b_0 = g_0,
 *       b_t = μb_{t−1} + g_t and x_{t+1} = x_t − η_t b_t, so x_{t+1} = x_t − η_t Σ_{s≤t} μ^{t−s} g_s: the current
 *       η_t multiplies every past gradient;</li>
 *   <li>the heavy ball, rule {@code momentum}: x_{t+1} = x_t − η_t g_t + μ(x_t − x_{t−1}), x_{−1} = x_0, so
 *       x_{t+1} = x_t − Σ_{s≤t} μ^{t−s} η_s g_s: each gradient keeps the η it was taken with.</li>
 * </ul>
 * The two agree when η is constant and differ once it changes (lecture 001's exponential learning rates use the
 * first).
 *
 * <p>Tolerance 1e-12 of |x_0|: the oracle sums t ≤ 60 terms of a geometric series (each rounded, ≲ 60ε ≈ 1e-14
 * relative to the largest term) and the code's recurrence rounds a few times per step; on these damped problems
 * (|x_t| ≤ |x_0|) neither error grows beyond ~1e-13. The schedules change η by a factor 2 or by 3% a step, which
 * moves the two forms apart by ≥ 1e-4, ten orders above the tolerance.
 */
class SgdMomentumTest {
    private static final double TOL = 1e-12;

    @Test
    void sgdmFollowsTorchSemanticsUnderAStepSchedule() {
        LearningRate lr = new LearningRate.StepDecay(0.05, 0.5, 7);   // η halves every 7 steps
        check("sgdm", lr, 0.0, false);
    }

    @Test
    void sgdmFollowsTorchSemanticsUnderAnExponentialScheduleWithWeightDecay() {
        check("sgdm", new LearningRate.Exponential(0.03, 0.03), 0.1, false);
    }

    @Test
    void heavyBallKeepsEachGradientsOwnRateUnderTheSameSchedules() {
        check("momentum", new LearningRate.StepDecay(0.05, 0.5, 7), 0.0, true);
        check("momentum", new LearningRate.Exponential(0.03, 0.03), 0.1, true);
    }

    @Test
    void theTwoFormsAgreeForAConstantRateAndDifferWhenItChanges() {
        double a = 1.5;
        double x0 = 1.3;
        double mu = 0.8;
        for (LearningRate lr : new LearningRate[] {new LearningRate.Constant(0.04), new LearningRate.Exponential(0.04, -0.05)}) {
            double[] hb = {x0};
            double[] sg = {x0};
            Optimizer heavy = config("momentum", lr, mu, 0).create(Vector.of(hb));
            Optimizer torch = config("sgdm", lr, mu, 0).create(Vector.of(sg));
            double largest = 0;
            for (int t = 1; t <= 60; t++) {
                heavy.step(quadratic(a));
                torch.step(quadratic(a));
                largest = Math.max(largest, Math.abs(hb[0] - sg[0]));
            }
            if (lr instanceof LearningRate.Constant) {
                assertTrue(largest <= TOL * x0, "constant η: the forms agree, but differ by " + largest);
            } else {
                assertTrue(largest > 1e-4, "changing η: the forms should differ, but only by " + largest);
            }
        }
    }

    /** 60 steps of {@code rule} with μ = 0.7 against the unrolled sum of its form (η_s inside the sum or not). */
    private static void check(String rule, LearningRate lr, double lambda, boolean heavyBall) {
        double a = 2.0;
        double mu = 0.7;
        double x0 = -0.9;
        double[] x = {x0};
        Optimizer o = config(rule, lr, mu, lambda).create(Vector.of(x));
        int n = 60;
        double[] xs = new double[n + 1];
        double[] gs = new double[n + 1];
        xs[0] = x0;
        double other = x0;   // the other form, to see that the schedule separates them
        double otherDistance = 0;
        for (int t = 0; t < n; t++) {
            gs[t] = (2 * a + lambda) * xs[t];                          // g_t = ∇(a x² + (λ/2) x²)
            double sumOwn = 0;                                         // Σ μ^{t−s} η_s g_s   (heavy ball)
            double sumNow = 0;                                         // Σ μ^{t−s} g_s       (sgdm, times η_t)
            for (int s = 0; s <= t; s++) {
                double weight = Math.pow(mu, t - s);
                sumOwn += weight * lr.at(s) * gs[s];
                sumNow += weight * gs[s];
            }
            xs[t + 1] = xs[t] - (heavyBall ? sumOwn : lr.at(t) * sumNow);
            other = xs[t] - (heavyBall ? lr.at(t) * sumNow : sumOwn);
            otherDistance = Math.max(otherDistance, Math.abs(other - xs[t + 1]));
            o.step(quadratic(a));
            assertScaled(xs[t + 1], x[0], TOL, Math.abs(x0), rule + ": x_" + (t + 1));
        }
        assertTrue(otherDistance > 1e-4, rule + ": the schedule should separate the forms, max distance " + otherDistance);
    }

    private static OptimizerConfig config(String rule, LearningRate lr, double mu, double lambda) {
        return new OptimizerConfig(rule, lr, mu, 0.9, 0.9, 0.999, 1e-8, lambda);
    }
}
