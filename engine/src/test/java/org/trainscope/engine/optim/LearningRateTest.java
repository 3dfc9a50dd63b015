package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.trainscope.engine.optim.Quadratics.assertRelative;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import org.junit.jupiter.api.Test;

/**
 * Learning-rate schedules against hand-computed values, and GD under a schedule against the product closed form
 * x_t = Π_{s<t}(1 − 2η_s a)·x_0 on a·x².
 *
 * <p>Tolerances: schedule values 1e-14 relative (one Math.pow, ≤ 1 ulp, against decimal literals that are
 * themselves rounded); the GD product 1e-12 as in {@link GradientDescentTest}, the oracle's η_s computed by
 * repeated multiplication rather than Math.pow (≤ t roundings, ≈ 2e-14 at t = 100).
 */
class LearningRateTest {
    @Test
    void constantIsTheSameAtEveryStep() {
        LearningRate lr = new LearningRate.Constant(0.03);
        for (long t : new long[] {0, 1, 7, 1_000_000}) {
            assertEquals(0.03, lr.at(t), 0.0);
        }
    }

    @Test
    void stepDecayMultipliesByGammaEveryKSteps() {
        LearningRate lr = new LearningRate.StepDecay(0.1, 0.5, 3); // η₀γ^⌊t/3⌋
        double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125};
        for (int t = 0; t < expected.length; t++) {
            assertRelative(expected[t], lr.at(t), 1e-14, "η_" + t);
        }
        assertThrows(IllegalArgumentException.class, () -> new LearningRate.StepDecay(0.1, 0.5, 0));
    }

    @Test
    void exponentialDecaysForNegativeCAndGrowsForPositiveC() {
        LearningRate decay = new LearningRate.Exponential(0.1, -0.1); // 0.1·0.9^t
        LearningRate grow = new LearningRate.Exponential(0.1, 0.1);   // 0.1·1.1^t
        double[] down = {0.1, 0.09, 0.081, 0.0729};
        double[] up = {0.1, 0.11, 0.121, 0.1331};
        for (int t = 0; t < down.length; t++) {
            assertRelative(down[t], decay.at(t), 1e-14, "decaying η_" + t);
            assertRelative(up[t], grow.at(t), 1e-14, "growing η_" + t);
        }
        assertThrows(IllegalArgumentException.class, () -> new LearningRate.Exponential(0.1, -1.0));
    }

    @Test
    void gradientDescentUnderAnExponentialScheduleFollowsTheProduct() {
        for (double c : new double[] {-0.03, 0.02}) {
            checkProduct(new LearningRate.Exponential(0.05, c), c);
        }
    }

    @Test
    void gradientDescentUnderStepDecayFollowsTheProduct() {
        double a = 2.0;
        double x0 = 0.9;
        LearningRate lr = new LearningRate.StepDecay(0.1, 0.5, 10);
        double[][] x = {{x0}};
        Optimizer gd = config(lr).create(Vector.join(x));
        double expected = x0;
        for (int t = 1; t <= 50; t++) {
            double eta = t <= 10 ? 0.1 : t <= 20 ? 0.05 : t <= 30 ? 0.025 : t <= 40 ? 0.0125 : 0.00625; // η_{t−1}
            expected *= 1 - 2 * eta * a;
            gd.step(quadratic(a));
            assertRelative(expected, x[0][0], 1e-12, "x_" + t);
        }
    }

    private static void checkProduct(LearningRate lr, double c) {
        double a = 1.0;
        double x0 = -1.4;
        double[][] x = {{x0}};
        Optimizer gd = config(lr).create(Vector.join(x));
        double eta = 0.05;
        double expected = x0;
        for (int t = 1; t <= 100; t++) {
            expected *= 1 - 2 * eta * a; // uses η_{t−1}
            eta *= 1 + c;
            gd.step(quadratic(a));
            assertRelative(expected, x[0][0], 1e-12, "c=" + c + ": x_" + t);
        }
    }

    private static OptimizerConfig config(LearningRate lr) {
        return new OptimizerConfig("gd", lr, 0.9, 0.9, 0.9, 0.999, 1e-8, 0.0);
    }
}
