package org.trainscope.engine.optim;

import static org.trainscope.engine.optim.Quadratics.assertRelative;
import static org.trainscope.engine.optim.Quadratics.assertScaled;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import org.junit.jupiter.api.Test;

/**
 * ℓ2 weight decay λ adds (λ/2)x² to f, so a rule with decay on a·x² is the same rule without decay on
 * (a + λ/2)·x²: for GD, x_t = (1 − 2η(a + λ/2))^t x_0 = (1 − 2ηa − ηλ)^t x_0.
 *
 * <p>Tolerances: 1e-12 relative against the GD closed form, as in {@link GradientDescentTest}. For the other
 * rules the two runs differ only in how the gradient is rounded (2a·x + λ·x versus 2(a + λ/2)·x, one ulp), which
 * these 50 steps on a contracting problem do not amplify beyond ~1e-14; 1e-12 of |x_0| leaves room, while
 * ignoring λ moves x by ~1e-2.
 */
class WeightDecayTest {
    @Test
    void gradientDescentWithDecayFollowsTheShiftedClosedForm() {
        double a = 1.0;
        double lambda = 0.5;
        double eta = 0.02;
        double x0 = 1.2;
        double[][] x = {{x0}};
        Optimizer gd = OptimizerConfig.of("gd", eta).withWeightDecay(lambda).create(Vector.join(x));
        for (int t = 1; t <= 100; t++) {
            gd.step(quadratic(a));
            assertRelative(Math.pow(1 - 2 * eta * (a + lambda / 2), t) * x0, x[0][0], 1e-12, "x_" + t);
        }
    }

    @Test
    void everyRuleWithDecayEqualsTheRuleOnTheShiftedQuadratic() {
        double a = 1.5;
        double lambda = 0.8;
        double[] x0 = {1.2, -0.7};
        for (String rule : OptimizerConfig.RULES) {
            double[][] x = {x0.clone()};
            double[][] y = {x0.clone()};
            Optimizer decayed = OptimizerConfig.of(rule, 0.01).withWeightDecay(lambda).create(Vector.join(x));
            Optimizer shifted = OptimizerConfig.of(rule, 0.01).create(Vector.join(y));
            for (int t = 1; t <= 50; t++) {
                double fx = decayed.step(quadratic(new double[][] {{a, 2 * a}}));
                double fy = shifted.step(quadratic(new double[][] {{a + lambda / 2, 2 * a + lambda / 2}}));
                assertScaled(fy, fx, 1e-12, 1, rule + ": f̃ at step " + t);
                assertScaled(y[0][0], x[0][0], 1e-12, Math.abs(x0[0]), rule + ": x₁ at step " + t);
                assertScaled(y[0][1], x[0][1], 1e-12, Math.abs(x0[1]), rule + ": x₂ at step " + t);
            }
        }
    }
}
