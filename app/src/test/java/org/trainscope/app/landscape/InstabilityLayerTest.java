package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.landscape.Surface;

/** The shade of instability: λ_max(∇²f) &gt; 2/η, cell by cell. */
class InstabilityLayerTest {
    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** On a·x₁² + b·x₂² the curvature is 2·max(a, b) = 20 everywhere: all unstable above η = 0.1, none below. */
    @Test
    void aQuadraticIsUnstableEverywhereAboveTwoOverItsCurvatureAndNowhereBelow() {
        Surface q = Surface.of("quadratic", 1, 10);
        double[] bounds = {-2, 2, -2, 2};
        assertTrue(count(InstabilityLayer.mask(q, bounds, 40, 30, 0.11)) == 40 * 30);
        assertTrue(count(InstabilityLayer.mask(q, bounds, 40, 30, 0.09)) == 0);
    }

    /** On the valley the curvature grows with |x₁|: at η = 0.05 (2/η = 40) a part of the view is shaded, not all. */
    @Test
    void theValleyIsShadedInPart() {
        int shaded = count(InstabilityLayer.mask(Surface.of("valley", 1, 1), new double[] {-2, 2, -2, 3}, 50, 50, 0.05));
        assertTrue(shaded > 0 && shaded < 2500, "shaded cells: " + shaded);
    }
}
