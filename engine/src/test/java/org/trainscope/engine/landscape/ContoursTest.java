package org.trainscope.engine.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Marching squares and log-spaced levels against geometry we know. */
class ContoursTest {
    /**
     * On f = x₁² + x₂² the level r² is a circle. Along a cell edge f is a convex parabola, and the segment
     * endpoint is where the edge's linear interpolant crosses r²; the interpolant lies above f by at most
     * (x − x₀)(x₁ − x) ≤ h²/4, so every endpoint has r² − h²/4 ≤ f ≤ r² (up to rounding, 1e-12), i.e. it lies
     * at distance r − O(h²/8r) from the centre — never outside. The segments form one closed curve: every endpoint
     * is shared by exactly two segments (neighbouring cells compute a shared edge's crossing from the same two
     * values, so bit for bit), and the points go all the way round.
     */
    @Test
    void circleContourLiesOnTheCircleToSecondOrderAndCloses() {
        int n = 101;
        Grid g = Grid.evaluate(Surface.of("quadratic", 1, 1), -2, 2, -2, 2, n, n);
        double h = 4.0 / (n - 1);
        double r = 1.234567;
        double[] seg = Contours.trace(g, r * r);
        assertTrue(seg.length > 0 && seg.length % 4 == 0);
        Map<String, Integer> uses = new HashMap<>();
        double[] angles = new double[seg.length / 2];
        double worst = 0;
        for (int k = 0; k < seg.length; k += 2) {
            double x = seg[k];
            double y = seg[k + 1];
            double f = x * x + y * y;
            assertTrue(f <= r * r + 1e-12 && f >= r * r - h * h / 4 - 1e-12,
                    "endpoint (" + x + ", " + y + ") has f = " + f + ", level " + r * r);
            worst = Math.max(worst, Math.abs(Math.sqrt(f) - r));
            uses.merge(x + "," + y, 1, Integer::sum);
            angles[k / 2] = Math.atan2(y, x);
        }
        assertTrue(worst <= h * h, "distance error " + worst + " is not O(h²) = " + h * h);
        for (Map.Entry<String, Integer> e : uses.entrySet()) {
            assertEquals(2, e.getValue(), "endpoint " + e.getKey() + " should join exactly two segments");
        }
        Arrays.sort(angles);
        double gap = 2 * Math.PI - (angles[angles.length - 1] - angles[0]);
        for (int k = 1; k < angles.length; k++) {
            gap = Math.max(gap, angles[k] - angles[k - 1]);
        }
        assertTrue(gap < 2 * h / r, "the contour has a hole of " + gap + " rad");
    }

    @Test
    void linearFunctionGivesExactCrossings() {
        // bilinear interpolation of a plane is the plane, so every endpoint satisfies x₁ + 2x₂ = c to rounding
        int nx = 9;
        int ny = 7;
        double[] values = new double[nx * ny];
        Grid shape = new Grid(-1, 1, -1, 2, nx, ny, values);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                values[j * nx + i] = shape.x1(i) + 2 * shape.x2(j);
            }
        }
        double c = 0.3141;
        double[] seg = Contours.trace(shape, c);
        assertTrue(seg.length >= 4 * (nx - 1));
        for (int k = 0; k < seg.length; k += 2) {
            assertEquals(c, seg[k] + 2 * seg[k + 1], 1e-12);
        }
    }

    @Test
    void ambiguousSaddleCellsFollowTheCentreValue() {
        // one cell (values in order 00, 10, 01, 11), corners 00 and 11 above the level 0, 10 and 01 below;
        // the centre value (mean of the corners) is −0.125 in the first grid and +1.125 in the second
        double[] centreBelow = Contours.trace(new Grid(0, 1, 0, 1, 2, 2, new double[] {1, -1.5, -1.5, 1.5}), 0);
        double[] centreAbove = Contours.trace(new Grid(0, 1, 0, 1, 2, 2, new double[] {3, -1, -1, 3.5}), 0);
        assertEquals(8, centreBelow.length);
        assertEquals(8, centreAbove.length);
        // centre below: the two segments cut off the corners that are above, (0,0) and (1,1)
        assertTrue(cutsOffCorner(centreBelow, 0, 0) && cutsOffCorner(centreBelow, 1, 1));
        // centre above: the above corners connect through the middle; the below corners (1,0), (0,1) are cut off
        assertTrue(cutsOffCorner(centreAbove, 1, 0) && cutsOffCorner(centreAbove, 0, 1));
    }

    @Test
    void levelsOutsideTheRangeGiveNoSegments() {
        Grid g = Grid.evaluate(Surface.of("quadratic", 1, 1), -1, 1, -1, 1, 11, 11);
        assertEquals(0, Contours.trace(g, -0.5).length);
        assertEquals(0, Contours.trace(g, 2.5).length);
    }

    @Test
    void logLevelsAreIncreasingAndEvenlySpacedInLog() {
        double fmin = 0.5;
        double fmax = 100.5;
        double[] levels = Contours.logLevels(fmin, fmax, 12);
        assertEquals(12, levels.length);
        assertEquals(fmin + 100 * 1e-4, levels[0], 1e-15);      // δ = span·1e-4 above the minimum
        assertEquals(fmax, levels[11], 1e-12);
        double step = Math.log(levels[1] - fmin) - Math.log(levels[0] - fmin);
        assertEquals(Math.log(1e4) / 11, step, 1e-12);
        for (int k = 1; k < levels.length; k++) {
            assertTrue(levels[k] > levels[k - 1]);
            assertEquals(step, Math.log(levels[k] - fmin) - Math.log(levels[k - 1] - fmin), 1e-12);
        }
    }

    @Test
    void logLevelsOfAnEmptyOrFlatRangeAreEmpty() {
        assertEquals(0, Contours.logLevels(1, 1, 10).length);
        assertEquals(0, Contours.logLevels(2, 1, 10).length);
        assertEquals(0, Contours.logLevels(Double.NaN, 1, 10).length);
        assertEquals(0, Contours.logLevels(0, 1, 0).length);
        assertEquals(1, Contours.logLevels(0, 1, 1).length);
    }

    /** True if some segment joins the two edges that meet at corner (cx, cy) of the unit cell, inside each. */
    private static boolean cutsOffCorner(double[] seg, double cx, double cy) {
        for (int k = 0; k < seg.length; k += 4) {
            double ax = seg[k];
            double ay = seg[k + 1];
            double bx = seg[k + 2];
            double by = seg[k + 3];
            if ((onRow(ax, ay, cy) && onColumn(bx, by, cx)) || (onColumn(ax, ay, cx) && onRow(bx, by, cy))) {
                return true;
            }
        }
        return false;
    }

    private static boolean onRow(double x, double y, double row) {
        return y == row && x > 0 && x < 1;
    }

    private static boolean onColumn(double x, double y, double column) {
        return x == column && y > 0 && y < 1;
    }
}
