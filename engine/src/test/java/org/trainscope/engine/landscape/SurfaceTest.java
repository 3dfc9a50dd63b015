package org.trainscope.engine.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every surface's analytic gradient against central finite differences, its minima, and its name.
 *
 * <p>Why h = 1e-6 and tolerance 1e-6: the central difference (f(x+h) − f(x−h))/2h has truncation error
 * h²/6·|f'''| ≤ 1e-12/6·5000 ≈ 1e-9 (the largest third derivative here is Rosenbrock's 2400·|x₁| on its view) and
 * round-off ≈ ε·|f|/h ≈ 2e-16·2500/1e-6 ≈ 6e-7 at worst (Rosenbrock's corner of the view, where |∇f| ~ 4000, so
 * relative to the gradient it is ~1e-10). The error is taken relative to max(1, |g|, |ĝ|); a wrong term in a
 * gradient (a sign, a factor 2) is off by O(1).
 */
class SurfaceTest {
    private static final double H = 1e-6;
    private static final double TOL = 1e-6;

    static Iterable<String> names() {
        return Surface.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void analyticGradientMatchesCentralDifferences(String name) {
        Surface f = Surface.of(name, 1.7, 6.0);
        double[] view = f.view();
        Random random = new Random(name.hashCode());
        double[] g = new double[2];
        for (int n = 0; n < 200; n++) {
            double x1 = view[0] + (view[1] - view[0]) * random.nextDouble();
            double x2 = view[2] + (view[3] - view[2]) * random.nextDouble();
            f.gradient(x1, x2, g);
            double d1 = (f.value(x1 + H, x2) - f.value(x1 - H, x2)) / (2 * H);
            double d2 = (f.value(x1, x2 + H) - f.value(x1, x2 - H)) / (2 * H);
            assertClose(d1, g[0], name + " ∂f/∂x₁ at (" + x1 + ", " + x2 + ")");
            assertClose(d2, g[1], name + " ∂f/∂x₂ at (" + x1 + ", " + x2 + ")");
        }
    }

    @Test
    void valleyHasItsTwoMinimaAtOneTwoAndMinusOneZero() {
        Surface valley = Surface.of("valley", 1, 1);
        double[] g = new double[2];
        for (double[] m : new double[][] {{1, 2}, {-1, 0}}) {
            assertEquals(0.0, valley.value(m[0], m[1]), 0.0);
            valley.gradient(m[0], m[1], g);
            assertEquals(0.0, g[0], 0.0);
            assertEquals(0.0, g[1], 0.0);
            // a strict local minimum: f > 0 on a small ring around it
            for (int k = 0; k < 16; k++) {
                double angle = 2 * Math.PI * k / 16;
                assertTrue(valley.value(m[0] + 1e-3 * Math.cos(angle), m[1] + 1e-3 * Math.sin(angle)) > 0);
            }
        }
    }

    @Test
    void knownMinimaAndCriticalPointsOfTheOtherSurfaces() {
        double[] g = new double[2];
        Surface rosenbrock = Surface.of("rosenbrock", 1, 1);
        assertEquals(0.0, rosenbrock.value(1, 1), 0.0);
        rosenbrock.gradient(1, 1, g);
        assertEquals(0.0, Math.hypot(g[0], g[1]), 0.0);

        Surface himmelblau = Surface.of("himmelblau", 1, 1);
        assertEquals(0.0, himmelblau.value(3, 2), 0.0);
        himmelblau.gradient(3, 2, g);
        assertEquals(0.0, Math.hypot(g[0], g[1]), 0.0);

        Surface saddle = Surface.of("saddle", 1, 1);
        saddle.gradient(0, 0, g);
        assertEquals(0.0, Math.hypot(g[0], g[1]), 0.0);
        assertTrue(saddle.value(0, 0.1) < 0 && saddle.value(0.1, 0) > 0, "0 is a saddle, not a minimum");

        Surface quadratic = Surface.of("quadratic", 2, 3);
        assertEquals(2 * 0.25 + 3 * 4, quadratic.value(0.5, -2), 0.0);
    }

    @ParameterizedTest
    @MethodSource("names")
    void nameRoundTripsAndViewIsAProperBox(String name) {
        Surface f = Surface.of(name, 1, 10);
        assertEquals(name, f.name());
        double[] v = f.view();
        assertEquals(4, v.length);
        assertTrue(v[0] < v[1] && v[2] < v[3]);
    }

    @Test
    void unknownFunctionIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Surface.of("parabola", 1, 1));
        assertTrue(e.getMessage().contains("parabola"));
    }

    private static void assertClose(double numeric, double analytic, String what) {
        double scale = Math.max(1, Math.max(Math.abs(numeric), Math.abs(analytic)));
        double err = Math.abs(numeric - analytic) / scale;
        assertTrue(err <= TOL, () -> what + ": finite difference " + numeric + ", analytic " + analytic
                + " (relative error " + err + ")");
    }
}
