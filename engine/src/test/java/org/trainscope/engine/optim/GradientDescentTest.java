package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainscope.engine.optim.Quadratics.assertRelative;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import org.junit.jupiter.api.Test;

/**
 * Gradient descent against its closed form on a quadratic (lecture 003): on f = a·x², x ← x − η·2a·x, so
 * x_t = (1−2ηa)^t x_0.
 *
 * <p>Tolerance 1e-12 relative over 100 steps: each step rounds three times (2a·x, η·g, x − ηg), so the iterate
 * drifts by at most ~3ε ≈ 7e-16 relative per step, and the oracle's (1−2ηa) carries one rounding that
 * Math.pow raises to the t-th power (t·ε): about 100·4ε ≈ 1e-13 in all. A wrong rule (η instead of 2η, an
 * off-by-one in t) is off by O(1).
 */
class GradientDescentTest {
    private static final double TOL = 1e-12;

    @Test
    void followsGeometricSequenceOnAQuadratic() {
        double a = 1.5;
        double eta = 0.01;
        double x0 = -1.3;
        double[][] x = {{x0}};
        Optimizer gd = OptimizerConfig.of("gd", eta).create(Vector.join(x));
        for (int t = 1; t <= 100; t++) {
            gd.step(quadratic(a));
            assertRelative(Math.pow(1 - 2 * eta * a, t) * x0, x[0][0], TOL, "x_" + t);
        }
        assertEquals(100, gd.t());
    }

    @Test
    void oscillatesAndGrowsWhenTheStepIsTooLarge() {
        // 1−2ηa = −1.2: the closed form also holds past the stability limit η < 1/a
        double a = 1.0;
        double eta = 1.1;
        double x0 = 0.5;
        double[][] x = {{x0}};
        Optimizer gd = OptimizerConfig.of("gd", eta).create(Vector.join(x));
        for (int t = 1; t <= 100; t++) {
            gd.step(quadratic(a));
            assertRelative(Math.pow(1 - 2 * eta * a, t) * x0, x[0][0], TOL, "x_" + t);
        }
        assertTrue(Math.abs(x[0][0]) > 1e7);
    }

    @Test
    void updatesEveryArrayOfAMultiArrayParameterList() {
        // two parameter arrays of different lengths, a different curvature per coordinate
        double[][] a = {{1.0, 2.0, 3.0}, {0.5, 4.0}};
        double[][] x0 = {{1.0, -2.0, 0.5}, {3.0, -0.25}};
        double eta = 0.02;
        double[][] x = {x0[0].clone(), x0[1].clone()};
        Optimizer gd = OptimizerConfig.of("gd", eta).create(Vector.join(x));
        for (int t = 1; t <= 100; t++) {
            gd.step(quadratic(a));
            for (int p = 0; p < x.length; p++) {
                for (int i = 0; i < x[p].length; i++) {
                    assertRelative(Math.pow(1 - 2 * eta * a[p][i], t) * x0[p][i], x[p][i], TOL,
                            "x[" + p + "][" + i + "]_" + t);
                }
            }
        }
    }

    @Test
    void stepReturnsTheObjectiveWhereTheGradientWasTaken() {
        double[][] x = {{2.0}};
        Optimizer gd = OptimizerConfig.of("gd", 0.1).create(Vector.join(x));
        assertEquals(3.0 * 4.0, gd.step(quadratic(3.0)), 0.0); // f(x_0) = 3·2², before the step
        assertEquals((1 - 2 * 0.1 * 3.0) * 2.0, x[0][0], 1e-15);
    }

    @Test
    void unknownRuleIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.of("sgdx", 0.1));
        assertTrue(e.getMessage().contains("sgdx"), e.getMessage());
    }

    @Test
    void everyRuleNameCreatesAnOptimizerOfThatRule() {
        for (String rule : OptimizerConfig.RULES) {
            Optimizer o = OptimizerConfig.of(rule, 0.1).create(Vector.of(0.0));
            assertEquals(rule, o.config().rule());
            assertEquals(0, o.t());
        }
    }
}
