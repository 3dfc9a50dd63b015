package org.trainscope.engine.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The heatmap grid: layout, coordinates, and the NumPy reference checksum of shared/peers. */
class GridTest {
    /** sum_f of numpy/float64 in shared/peers/results/w3_landscape.json (1024² valley over [−2, 2]², linspace). */
    private static final double NUMPY_SUM_F = 8565098.987848915;

    /**
     * Tolerance 1e-9 relative, 100× stricter than the 7 significant digits asked for: both sides evaluate the same
     * formula at the same linspace points (a few ulps apart per point), and summing 2²⁰ positive terms one by one
     * errs by at most n·ε ≈ 2.3e-10 relative (NumPy's pairwise sum less). A wrong grid (off by one point, x₁ and
     * x₂ swapped, one end point dropped) changes the sum by ≥ 1e-4 relative.
     */
    @Test
    void valleyGridSumMatchesTheNumpyReference() {
        Grid g = Grid.evaluate(Surface.of("valley", 1, 1), -2, 2, -2, 2, 1024, 1024);
        assertEquals(1024 * 1024, g.values().length);
        double sum = 0;
        for (double v : g.values()) {
            sum += v;
        }
        assertEquals("8.565099e+06", String.format(Locale.ROOT, "%.6e", sum));
        assertEquals(NUMPY_SUM_F, sum, 1e-9 * NUMPY_SUM_F);
    }

    @Test
    void valuesAreRowMajorFromTheBottomAndMatchTheCoordinates() {
        Surface f = Surface.of("himmelblau", 1, 1);
        Grid g = Grid.evaluate(f, -3.3, 1.9, -0.7, 4.1, 37, 23);
        assertEquals(-3.3, g.x1(0), 0.0);
        assertEquals(1.9, g.x1(36), 0.0);
        assertEquals(-0.7, g.x2(0), 0.0);
        assertEquals(4.1, g.x2(22), 0.0);
        assertEquals(f.value(-3.3, -0.7), g.values()[0], 0.0);       // row j = 0 is the bottom
        assertEquals(f.value(1.9, -0.7), g.values()[36], 0.0);
        assertEquals(f.value(-3.3, 4.1), g.values()[22 * 37], 0.0);
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                assertEquals(f.value(g.x1(i), g.x2(j)), g.at(i, j), 0.0, "at(" + i + ", " + j + ")");
                if (i > 0) {
                    assertEquals(5.2 / 36, g.x1(i) - g.x1(i - 1), 1e-14); // evenly spaced
                }
            }
        }
    }

    @Test
    void rangeIsTheMinimumAndMaximumValue() {
        Grid g = Grid.evaluate(Surface.of("quadratic", 1, 10), -1, 1, -2, 2, 21, 41);
        assertArrayEquals(new double[] {0.0, 1 + 10 * 4}, g.range(), 0.0);
    }

    @Test
    void refusesAGridWithFewerThanTwoPointsPerSide() {
        assertThrows(IllegalArgumentException.class, () -> Grid.evaluate(Surface.of("saddle", 1, 1), 0, 1, 0, 1, 1, 5));
    }
}
