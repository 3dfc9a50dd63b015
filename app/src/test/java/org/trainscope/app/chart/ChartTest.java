package org.trainscope.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The chart policy on real charts (on the FX thread, headless): ranges, divergence marks, colours, presenter scale. */
class ChartTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** A loss-like chart (steps, log y) with one line per identity, labelled by it; built on the FX thread. */
    private static Chart logChart(String... identities) {
        Chart chart = new Chart("Loss", Axis.STEPS, "step", Axis.LOG, "f");
        for (String id : identities) {
            chart.add(id, id, Chart.Style.LINE);
        }
        return chart;
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    @Test
    void aDivergedSeriesIsMarkedAndTheOthersKeepTheirScale() throws Exception {
        Chart c = onFx(() -> {
            Chart chart = logChart("gd", "adam");
            chart.batch(() -> {
                chart.set(0, steps(6), new double[] {5, 1e4, 1e20, 1e60, 1e100, 1e140}, 6);   // blew up, then ✕
                chart.set(1, steps(50), java.util.stream.IntStream.range(0, 50).mapToDouble(i -> 6.0 / (1 + i)).toArray());
            });
            return chart;
        });
        double top = c.yRange().upperValue();
        assertTrue(top < 6 * 10 && top >= 6, "the axis ends near adam's largest value (6), not at 1e140: " + top);
        assertEquals(List.of("gd diverged at step 6"), c.divergedLabels());
        assertEquals(6, c.pointCount(0), "gd is drawn up to its last finite value");
    }

    @Test
    void whenEverySeriesDivergedTheyStillShow() throws Exception {
        Chart c = onFx(() -> {
            Chart chart = logChart("gd");
            chart.set(0, steps(3), new double[] {1, 10, 100}, 3);
            return chart;
        });
        assertTrue(c.yRange().upperValue() >= 100, "" + c.yRange());
    }

    @Test
    void panelsSideBySideShareTheirYRange() throws Exception {
        List<Chart> charts = onFx(() -> {
            Chart a = logChart("σ1");
            Chart b = logChart("σ1");
            Chart.shareY(a, b);
            a.set(0, steps(3), new double[] {1, 2, 3});
            b.set(0, steps(3), new double[] {1e-2, 1, 1e4});
            return List.of(a, b);
        });
        assertEquals(charts.get(1).yRange(), charts.get(0).yRange());
        assertTrue(charts.get(0).yRange().upperValue() >= 1e4 && charts.get(0).yRange().lowerValue() <= 1e-2);
    }

    @Test
    void theSameIdentityHasTheSameColourInTwoCharts() throws Exception {
        List<Chart> charts = onFx(() -> {
            Chart a = logChart("adam");
            Chart b = new Chart("b", Axis.LINEAR, "x", Axis.LINEAR, "y");
            b.add("gd", "gd", Chart.Style.LINE);
            b.add("adam", "Adam", Chart.Style.LINE_MARKERS);
            b.setDark(true);                                        // the theme does not change a series' colour
            return List.of(a, b);
        });
        assertEquals(charts.get(0).paint(0), charts.get(1).paint(1));
        assertEquals(Palette.of("adam").awt(1), charts.get(0).paint(0));
    }

    @Test
    void aSeriesOfOnePointShowsItsMarkerUntilItIsALine() throws Exception {
        Chart c = onFx(() -> {
            Chart chart = logChart("gd");
            chart.set(0, steps(1), new double[] {3});   // frame 0, as right after Home
            return chart;
        });
        assertTrue(c.markersShown(0), "a lone point is drawn as a marker, or the chart looks empty");
        onFx(() -> {
            c.set(0, steps(2), new double[] {3, 2});
            return null;
        });
        assertEquals(false, c.markersShown(0), "a line series has no markers once it has two points");
    }

    @Test
    void anEmptyStepAxisRunsFromZero() throws Exception {
        Chart c = onFx(ChartTest::logChart);
        assertEquals(0, c.xRange().lower());
        assertTrue(c.xRange().upper() > 0 && c.xRange().upper() <= 10, "" + c.xRange());
    }

    @Test
    void presenterModeScalesTypeAndLinesByOneFactor() throws Exception {
        Chart c = onFx(() -> logChart("gd"));
        float tick = c.chart().getXYPlot().getRangeAxis().getTickLabelFont().getSize2D();
        float title = c.chart().getTitle().getFont().getSize2D();
        float legend = c.chart().getLegend().getItemFont().getSize2D();
        float line = ((BasicStroke) c.chart().getXYPlot().getRenderer().getSeriesStroke(0)).getLineWidth();
        onFx(() -> {
            c.setPresenter(true);
            return null;
        });
        float k = Chart.PRESENTER_SCALE;
        assertEquals(Math.round(tick * k), c.chart().getXYPlot().getRangeAxis().getTickLabelFont().getSize2D(), 0.01);
        assertEquals(Math.round(title * k), c.chart().getTitle().getFont().getSize2D(), 0.01);
        assertEquals(Math.round(legend * k), c.chart().getLegend().getItemFont().getSize2D(), 0.01);
        assertEquals(line * k, ((BasicStroke) c.chart().getXYPlot().getRenderer().getSeriesStroke(0)).getLineWidth(), 1e-4);
    }
}
