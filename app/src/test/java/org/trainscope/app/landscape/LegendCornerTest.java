package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.trainscope.app.landscape.LegendCorner.Corner;

/** Where the map's legend goes, and where a diverging path ends; pure functions, no screen. */
class LegendCornerTest {
    private static final double W = 800;
    private static final double H = 600;
    private static final double BOX_W = 200;
    private static final double BOX_H = 60;

    private static Corner choose(double... points) {
        return LegendCorner.choose(0, 0, W, H, BOX_W, BOX_H, points);
    }

    @Test
    void aStartInEachQuadrantSendsTheLegendToTheOppositeCorner() {
        assertEquals(Corner.BOTTOM_RIGHT, choose(150, 120), "start top left");
        assertEquals(Corner.BOTTOM_LEFT, choose(650, 120), "start top right");
        assertEquals(Corner.TOP_RIGHT, choose(150, 480), "start bottom left");
        assertEquals(Corner.TOP_LEFT, choose(650, 480), "start bottom right");
        // the demos' case: GD vs momentum starts at (-1.8, 1.2), near the top-left corner the legend used to cover
        assertEquals(Corner.BOTTOM_RIGHT, choose(30, 40));
    }

    @Test
    void aRacerNearTheChosenCornerMovesTheLegend() {
        Corner alone = choose(150, 120);
        Corner withRacer = choose(150, 120, 760, 570);
        assertEquals(Corner.BOTTOM_RIGHT, alone);
        assertNotEquals(alone, withRacer);
        double[] box = LegendCorner.box(withRacer, 0, 0, W, H, BOX_W, BOX_H);
        for (double[] p : new double[][] {{150, 120}, {760, 570}}) {
            boolean covered = p[0] >= box[0] && p[0] <= box[0] + box[2] && p[1] >= box[1] && p[1] <= box[1] + box[3];
            assertTrue(!covered, "the box covers no point it avoids");
        }
    }

    @Test
    void theLegendAvoidsAWholeTrailNotOnlyItsEnds() {
        // start top left, current point bottom left: by distance alone the box would go top right — where the path
        // runs, a long arc through the right-hand corners
        double[] keys = {150, 120, 150, 480};
        assertEquals(Corner.TOP_RIGHT, LegendCorner.choose(0, 0, W, H, BOX_W, BOX_H, keys, new double[0]));
        double[][] corners = {{150, 120}, {780, 40}, {780, 560}, {150, 480}};   // out to the right-hand corners
        double[] trail = new double[2 * 3 * 100];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 100; i++) {
                double t = i / 100.0;
                trail[2 * (100 * s + i)] = corners[s][0] + t * (corners[s + 1][0] - corners[s][0]);
                trail[2 * (100 * s + i) + 1] = corners[s][1] + t * (corners[s + 1][1] - corners[s][1]);
            }
        }
        Corner c = LegendCorner.choose(0, 0, W, H, BOX_W, BOX_H, keys, trail);
        double[] box = LegendCorner.box(c, 0, 0, W, H, BOX_W, BOX_H);
        for (int i = 0; i < 300; i++) {
            double x = trail[2 * i];
            double y = trail[2 * i + 1];
            assertTrue(!(x >= box[0] && x <= box[0] + box[2] && y >= box[1] && y <= box[1] + box[3]),
                    c + " covers trail point " + i);
        }
        assertTrue(c == Corner.TOP_LEFT || c == Corner.BOTTOM_LEFT || c == Corner.BOTTOM_RIGHT, "" + c);
    }

    @Test
    void nonFinitePointsAreIgnored() {
        assertEquals(Corner.BOTTOM_RIGHT, choose(150, 120, Double.NaN, Double.NaN));
    }

    @Test
    void aDivergedPathIsDrawnOnlyWhileInsideTheSaneRegion() {
        Viewport v = new Viewport();
        v.setSize(868, 644);
        v.fit(new double[] {-2, 2, -1.5, 1.5});
        double[] sane = v.saneBounds();
        assertEquals(-2 - 5 * 4, sane[0], 1e-12, "the view widened by five spans on each side");
        // a path that blows up geometrically (as GD with too large a step does), then the engine freezes it
        int n = 40;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = 0.5 * Math.pow(-3, i);
            x2[i] = 0.1 * Math.pow(2, i);
        }
        x1[n - 1] = Double.NaN; // the diverged frame, as PathCache records it
        int drawn = PathCache.saneLength(x1, x2, n, sane);
        assertTrue(drawn > 1 && drawn < n, "some of it is drawn, not all: " + drawn);
        for (int i = 0; i < drawn; i++) {
            assertTrue(Viewport.inside(sane, x1[i], x2[i]), "point " + i + " lies inside the sane region");
            assertTrue(Math.abs(v.toPx(x1[i])) < 11 * v.width() && Math.abs(v.toPy(x2[i])) < 11 * v.height(),
                    "so its pixels stay within a few canvas widths");
        }
        assertTrue(!Viewport.inside(sane, x1[drawn], x2[drawn]), "the first point left out is outside");
        assertEquals(0, PathCache.saneLength(new double[] {Double.NaN}, new double[] {0}, 1, sane));
    }

    @Test
    void anEndOffThePlotIsMarkedWhereItsLastSegmentLeavesThePlot() {
        Viewport v = new Viewport();
        v.setSize(868, 644); // plot x in [56, 856], y in [10, 610]
        v.fit(new double[] {-2, 2, -1.5, 1.5});
        assertArrayEquals(new double[] {300, 200}, v.exitPoint(100, 100, 300, 200), 1e-9, "inside: the end itself");
        assertArrayEquals(new double[] {856, 310}, v.exitPoint(456, 110, 1256, 510), 1e-9, "leaves on the right");
        assertArrayEquals(new double[] {56, 10}, v.exitPoint(-50, -50, -1000, -1000), 1e-9, "both off: clamped");
    }
}
