package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The map's pixel ↔ coordinate mapping without a screen. Tolerances: a round trip through a few multiplications
 * and additions of numbers near 1e2 loses a few ulps, so 1e-9 pixels (or 1e-12 units) is far above rounding and far
 * below anything visible.
 */
class ViewportTest {
    private static final double PIXEL_TOL = 1e-9;

    private final Viewport v = new Viewport();

    @BeforeEach
    void setUp() {
        v.setSize(868, 644);                    // a plot of 800 × 600 pixels inside the margins
        v.fit(new double[] {-2, 2, -1.5, 1.5}); // 4 × 3 units: 0.005 units per pixel on both axes
    }

    @Test
    void fitShowsTheDefaultViewWithOneScaleForBothAxes() {
        assertEquals(800, v.plotWidth());
        assertEquals(600, v.plotHeight());
        assertEquals(0.005, v.unitsPerPixel(), 1e-15);
        assertArrayEquals(new double[] {-2, 2, -1.5, 1.5}, v.bounds(), 1e-12);
        assertEquals(Viewport.LEFT, v.toPx(-2), PIXEL_TOL, "x1min at the plot's left edge");
        assertEquals(Viewport.TOP, v.toPy(1.5), PIXEL_TOL, "x2max at the top: the x2 axis points up");

        v.setSize(868, 344);                    // a wide plot: the taller side decides the scale
        v.fit(new double[] {-2, 2, -1.5, 1.5});
        assertEquals(0.01, v.unitsPerPixel(), 1e-15);
        double[] b = v.bounds();
        assertEquals(-4, b[0], 1e-12, "more of x1 is shown than asked for, none of x2 is cut");
        assertEquals(-1.5, b[2], 1e-12);
    }

    @Test
    void anUnfittedViewportIsFittedOnlyWhenThePlotHasArea() {
        Viewport fresh = new Viewport();
        assertFalse(fresh.isFitted());
        fresh.setSize(40, 40);                  // smaller than the margins
        fresh.fit(new double[] {0, 1, 0, 1});
        assertFalse(fresh.isFitted(), "no area, no scale");
        v.unfit();
        assertFalse(v.isFitted());
    }

    @Test
    void pixelToCoordinateToPixelIsTheIdentity() {
        v.zoomAbout(123, 456, 0.37);            // an arbitrary view, not the symmetric default
        v.panBy(17.5, -3.25);
        for (double px = 0; px <= 868; px += 31) {
            assertEquals(px, v.toPx(v.toX1(px)), PIXEL_TOL);
        }
        for (double py = 0; py <= 644; py += 29) {
            assertEquals(py, v.toPy(v.toX2(py)), PIXEL_TOL);
        }
        assertEquals(0.25, v.toX1(v.toPx(0.25)), 1e-12, "and coordinate → pixel → coordinate");
    }

    @Test
    void zoomAboutAPointKeepsThatPointFixed() {
        double px = 300;
        double py = 500;
        double x1 = v.toX1(px);
        double x2 = v.toX2(py);
        v.zoomAbout(px, py, 0.5);
        assertEquals(0.0025, v.unitsPerPixel(), 1e-15, "factor 0.5: twice as close");
        assertEquals(px, v.toPx(x1), PIXEL_TOL, "the point under the pointer stays under it");
        assertEquals(py, v.toPy(x2), PIXEL_TOL);
        v.zoomAbout(px, py, 2);
        assertArrayEquals(new double[] {-2, 2, -1.5, 1.5}, v.bounds(), 1e-12, "and back");
    }

    @Test
    void zoomIsBoundedAndNeedsAFittedView() {
        v.zoomAbout(400, 300, 1e-30);
        assertEquals(1e-9, v.unitsPerPixel(), 0);
        v.zoomAbout(400, 300, 1e60);
        assertEquals(1e6, v.unitsPerPixel(), 0);
        Viewport fresh = new Viewport();
        fresh.setSize(868, 644);
        fresh.zoomAbout(400, 300, 2);
        assertFalse(fresh.isFitted(), "nothing to zoom before the first fit");
    }

    @Test
    void panningByAPixelDeltaMovesThePointUnderThePointerWithIt() {
        double x1 = v.toX1(200);
        double x2 = v.toX2(100);
        v.panBy(30, -20);                       // dragged 30 px right and 20 px up
        assertEquals(230, v.toPx(x1), PIXEL_TOL);
        assertEquals(80, v.toPy(x2), PIXEL_TOL);
        double[] b = v.bounds();
        assertEquals(-2 - 30 * 0.005, b[0], 1e-12, "the view moved 0.15 units to the left");
        assertEquals(-1.5 - 20 * 0.005, b[2], 1e-12, "and 0.1 units down");
    }

    @Test
    void insidePlotExcludesTheMargins() {
        assertTrue(v.insidePlot(Viewport.LEFT, Viewport.TOP));
        assertTrue(v.insidePlot(Viewport.LEFT + 800, Viewport.TOP + 600));
        assertFalse(v.insidePlot(Viewport.LEFT - 1, 300));
        assertFalse(v.insidePlot(400, Viewport.TOP + 601));
    }

    @Test
    void aClickedCoordinateIsRoundedToWhatTheScaleResolves() {
        // 4 px = 0.02 units: two decimals
        assertEquals(0.12, v.roundToResolution(0.123456), 0);
        v.zoomAbout(400, 300, 100);             // 2 units per 4 px: no decimals
        assertEquals(3, v.roundToResolution(2.5), 0, "half up");
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, Viewport.niceStep(1.2), 0);
        assertEquals(2, Viewport.niceStep(1.6), 0);
        assertEquals(5, Viewport.niceStep(4), 0);
        assertEquals(10, Viewport.niceStep(8), 0);
        assertEquals(0.05, Viewport.niceStep(0.04), 1e-18);
        assertEquals(200, Viewport.niceStep(310), 1e-12);
    }

    @Test
    void ticksCoverTheRangeAtNiceSteps() {
        double[] b = v.bounds();
        double step = Viewport.niceStep((b[1] - b[0]) / 6);    // 4/6 → 0.5
        assertEquals(0.5, step, 0);
        double[] t = Viewport.ticks(b[0], b[1], step);
        assertEquals(9, t.length, "-2, -1.5, …, 2");
        assertEquals(-2, t[0], 1e-12);
        assertEquals(2, t[t.length - 1], 1e-12);
        for (int i = 0; i < t.length; i++) {
            assertTrue(t[i] >= b[0] - 1e-12 && t[i] <= b[1] + 1e-12, "inside the range");
            assertEquals(0, Math.IEEEremainder(t[i], step), 1e-12, "a multiple of the step");
            if (i > 0) {
                assertEquals(step, t[i] - t[i - 1], 1e-12);
            }
        }
        assertTrue(t[0] - step < b[0] && t[t.length - 1] + step > b[1], "no multiple in range is left out");
        assertEquals(0, Viewport.ticks(0, 1, 0).length, "a zero step gives no ticks, not an endless loop");
    }

    @Test
    void tickLabelsHaveTheDecimalsOfTheStep() {
        assertEquals("0.5", Viewport.tickLabel(0.5, 0.5));
        assertEquals("0.0", Viewport.tickLabel(-1e-17, 0.5), "no -0.0 from an accumulated sum");
        assertEquals("200", Viewport.tickLabel(200, 200));
        assertEquals("0.05", Viewport.tickLabel(0.05, 0.05));
    }
}
