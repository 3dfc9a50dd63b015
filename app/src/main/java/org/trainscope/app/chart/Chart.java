package org.trainscope.app.chart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The one chart of the app: every chart of every view is one of these, so they all follow one policy.
 * <ul>
 * <li><b>Axes</b> of a kind the view declares ({@link Axis}): ranges from {@link Ranges}, ticks from {@link Ticks}.</li>
 * <li><b>Robust ranges:</b> a diverged series ({@link #set(int, double[], double[], double)} with the step it diverged
 * at) ends at its last finite point, marked ✕ "diverged at step k", and no longer sets the range, so the series still
 * running keep their scale. Charts side by side can share their y range ({@link #shareY}).</li>
 * <li><b>Colours</b> by identity ({@link Palette}), the same on every chart and on the map.</li>
 * <li><b>Legend</b> outside the plot, never over the data: below it, or right of it where that takes a smaller share
 * of the chart; padding so that no tick label or title is clipped.</li>
 * <li><b>Theme and presenter mode:</b> one scale factor for type, lines and markers ({@link ChartStyle}).</li>
 * </ul>
 * Values are kept as given and mapped to axis units ({@link Scale}) when drawn. FX thread only.
 */
public final class Chart {
    /** The factor presenter mode scales type, lines and markers by: the window's one factor. */
    public static final float PRESENTER_SCALE = (float) org.trainscope.app.view.ExperimentView.PRESENTER_SCALE;

    /** How a series is drawn. */
    public enum Style {
        LINE, DASHED, DOTTED, MARKERS, LINE_MARKERS, HALO, PINNED;

        /** Drawn with a marker at every point. */
        boolean markers() {
            return this == MARKERS || this == LINE_MARKERS;
        }
    }

    /** One series: what it is, and its values as given. */
    static final class Series {
        final String identity;
        String label;
        final Style style;
        boolean inLegend = true;
        float weight = 1;
        double[] x = new double[0];
        double[] y = new double[0];
        double divergedAt = Double.NaN;

        Series(String identity, String label, Style style) {
            this.identity = identity;
            this.label = label;
            this.style = style;
        }

        boolean diverged() {
            return !Double.isNaN(divergedAt);
        }
    }

    private final DefaultXYDataset dataset = new DefaultXYDataset();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    private final ScaledAxis xAxis;
    private final ScaledAxis yAxis;
    private final Axis xKind;
    private final Axis yKind;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final ValueMarker cursor = new ValueMarker(0);
    private final List<Series> series = new ArrayList<>();
    private double[] xMarks = new double[0];
    private List<String> xMarkIdentities = List.of();
    private final ChartStyle style;
    private List<Chart> yGroup = new ArrayList<>(List.of(this));
    private double[] xFixed;
    private double[] yFixed;
    private double xReach = Double.NaN;
    private double cursorX = Double.NaN;
    private boolean batching;

    public Chart(String title, Axis x, String xLabel, Axis y, String yLabel) {
        xKind = x;
        yKind = y;
        xAxis = new ScaledAxis(xLabel);
        yAxis = new ScaledAxis(yLabel);
        plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        chart = new JFreeChart(title, plot);
        renderer.setLegendItemLabelGenerator((d, i) -> series.get(i).label);
        viewer = new ChartViewer(chart);
        viewer.getStyleClass().add("line-chart");
        viewer.getProperties().put(Chart.class, this);
        style = new ChartStyle(chart, renderer, cursor);
        viewer.widthProperty().subscribe(this::placeLegend);
        viewer.heightProperty().subscribe(this::placeLegend);
        apply();
    }

    /** Adds a series of the given identity (its colour), legend label and style; returns its index. */
    public int add(String identity, String label, Style how) {
        Series s = new Series(identity, label, how);
        series.add(s);
        ChartStyle.quietly(chart, () -> {
            dataset.addSeries(series.size() - 1, new double[2][0]);
            style.styleSeries(series.size() - 1, s);
        });
        return series.size() - 1;
    }

    /** Removes every series. */
    public void clear() {
        ChartStyle.quietly(chart, () -> {
            for (int i = series.size() - 1; i >= 0; i--) {
                dataset.removeSeries(i);
            }
            series.clear();
            apply();
        });
    }

    /** A new legend label for series {@code i}. */
    public void setLabel(int i, String label) {
        series.get(i).label = label;
    }

    /** Keeps series {@code i} out of the legend. */
    public void hideFromLegend(int i) {
        series.get(i).inLegend = false;
        style.styleSeries(i, series.get(i));
    }

    /** Line width (or marker size) of series {@code i} relative to its style's. */
    public void setWeight(int i, float weight) {
        series.get(i).weight = weight;
        style.styleSeries(i, series.get(i));
    }

    /** Replaces series {@code i} by the points (x_k, y_k); points the axes cannot show are left out. */
    public void set(int i, double[] x, double[] y) {
        set(i, x, y, Double.NaN);
    }

    /**
     * Replaces series {@code i}; {@code divergedAt} is the step at which it diverged (NaN: it did not), the points
     * being those before it.
     */
    public void set(int i, double[] x, double[] y, double divergedAt) {
        Series s = series.get(i);
        int n = Math.min(x.length, y.length);
        s.x = x.length == n ? x : java.util.Arrays.copyOf(x, n);
        s.y = y.length == n ? y : java.util.Arrays.copyOf(y, n);
        s.divergedAt = divergedAt;
        apply();
    }

    /** Runs several changes and redraws once. */
    public void batch(Runnable changes) {
        boolean outer = !batching;
        batching = true;
        try {
            changes.run();
        } finally {
            if (outer) {
                batching = false;
                apply();
            }
        }
    }

    /** The vertical cursor at x (the frame shown); NaN hides it. */
    public void setCursor(double x) {
        cursorX = x;
        apply();
    }

    /** The x axis reaches at least to x (e.g. the last step recorded, while an earlier frame is shown). */
    public void reachX(double x) {
        xReach = x;
        apply();
    }

    /** A fixed x range [lo, hi] in values (null: from the data). */
    public void fixX(double lo, double hi) {
        xFixed = new double[] {lo, hi};
        apply();
    }

    /** A fixed y range [lo, hi] in values. */
    public void fixY(double lo, double hi) {
        yFixed = new double[] {lo, hi};
        apply();
    }

    /** Dashed vertical reference lines at {@code xs}, each in the colour of its identity. */
    public void setXMarks(double[] xs, List<String> identities) {
        xMarks = xs.clone();
        xMarkIdentities = List.copyOf(identities);
        apply();
    }

    /** These charts show one common y range (comparable panels side by side). */
    public static void shareY(Chart... charts) {
        List<Chart> group = new ArrayList<>(List.of(charts));
        for (Chart c : charts) {
            c.yGroup = group;
        }
        charts[0].apply();
    }

    public void setTitle(String title) {
        chart.setTitle(title);
        style.restyle(series, false);
    }

    public void setXLabel(String label) {
        xAxis.setLabel(label);
    }

    public void setYLabel(String label) {
        yAxis.setLabel(label);
    }

    /** The legend goes where it takes the smaller share of the chart: below, or right of a wide, low chart. */
    private void placeLegend() {
        if (style.placeLegend(viewer.getWidth(), viewer.getHeight())) {
            style.restyle(series, false);
        }
    }

    /** Matches the app theme. */
    public void setDark(boolean dark) {
        style.setDark(dark);
        style.restyle(series, true);
        apply();
    }

    /** Presenter mode: larger type, thicker lines and markers. */
    public void setPresenter(boolean on) {
        style.setScale(on ? PRESENTER_SCALE : 1f);
        style.restyle(series, true);
        apply();
    }

    private void apply() {
        if (batching) {
            return;
        }
        AxisRange y = yRangeOfGroup();
        placeLegend();
        draw(y);
        for (Chart c : yGroup) {
            if (c != this && !y.equals(c.yAxis.shown())) {
                c.draw(y);
            }
        }
    }

    private AxisRange yRangeOfGroup() {
        if (yFixed != null) {
            Scale s = Scale.of(yKind);
            return new AxisRange(s, s.forward(yFixed[0]), s.forward(yFixed[1]));
        }
        List<double[]> running = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (Chart c : yGroup) {
            for (Series s : c.series) {
                all.add(s.y);
                if (!s.diverged()) {
                    running.add(s.y);
                }
            }
        }
        return Ranges.of(yKind, hasValues(running) ? running : all);
    }

    private static boolean hasValues(Collection<double[]> values) {
        return values.stream().flatMapToDouble(java.util.Arrays::stream).anyMatch(Double::isFinite);
    }

    private void draw(AxisRange yRange) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        AxisRange xRange;
        if (xFixed != null) {
            Scale s = Scale.of(xKind);
            xRange = new AxisRange(s, s.forward(xFixed[0]), s.forward(xFixed[1]));
        } else {
            List<double[]> xs = new ArrayList<>();
            for (Series s : series) {
                xs.add(s.x);
            }
            xs.add(new double[] {xReach, cursorX});
            xRange = Ranges.of(xKind, xs);
        }
        xAxis.show(xRange);
        yAxis.show(yRange);
        Scale sx = xRange.scale();
        Scale sy = yRange.scale();
        plot.clearAnnotations();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double[][] data = Scale.project(s.x, s.y, sx, sy);
            dataset.addSeries(i, data);
            int n = data[0].length;
            // a line through one point draws nothing: right after Home (frame 0) each series shows its marker
            renderer.setSeriesShapesVisible(i, s.style.markers() || n == 1 && s.style != Style.HALO);
            if (s.diverged() && s.style != Style.PINNED && n > 0) {
                plot.addAnnotation(style.divergedMark(data[0][n - 1], data[1][n - 1],
                        String.format(java.util.Locale.ROOT, "%s diverged at step %d", s.label, (long) s.divergedAt),
                        Palette.of(s.identity)), false);
            }
        }
        plot.clearDomainMarkers();
        for (int i = 0; i < xMarks.length; i++) {
            plot.addDomainMarker(0, style.referenceLine(sx.forward(xMarks[i]), Palette.of(xMarkIdentities.get(i))),
                    Layer.BACKGROUND, false);
        }
        if (!Double.isNaN(cursorX)) {
            cursor.setValue(sx.forward(cursorX));
            plot.addDomainMarker(0, cursor, Layer.FOREGROUND, false);
        }
        chart.getLegend().setVisible(series.stream().anyMatch(s -> s.inLegend));
        chart.setNotify(notify);
    }

    /** The chart a viewer shows, if it is one of these (null otherwise): lets tests and export find every chart. */
    public static Chart of(javafx.scene.Node viewer) {
        return viewer.getProperties().get(Chart.class) instanceof Chart c ? c : null;
    }

    /** The FX node. */
    public ChartViewer viewer() {
        return viewer;
    }

    public JFreeChart chart() {
        return chart;
    }

    public int seriesCount() {
        return series.size();
    }

    /** Points drawn in series {@code i}. */
    public int pointCount(int i) {
        return dataset.getItemCount(i);
    }

    /** The y axis as shown: its scale and range. */
    public AxisRange yRange() {
        return yAxis.shown();
    }

    public AxisRange xRange() {
        return xAxis.shown();
    }

    /** True if series {@code i} is drawn with markers at its points. */
    public boolean markersShown(int i) {
        return Boolean.TRUE.equals(renderer.getSeriesShapesVisible(i));
    }

    /** The colour series {@code i} is drawn in. */
    public java.awt.Paint paint(int i) {
        return renderer.getSeriesPaint(i);
    }

    /**
     * True if a series still running has a value above the automatic y range (or below it, on a linear axis; a log
     * axis may cut decades off at the bottom on purpose).
     */
    public boolean runningSeriesClipped() {
        AxisRange r = yAxis.shown();
        if (yFixed != null || r == null) {
            return false;
        }
        double eps = (r.upper() - r.lower()) * 1e-9;
        for (Series s : series) {
            if (s.diverged() || s.style == Style.PINNED) {
                continue;
            }
            for (double v : s.y) {
                double t = r.scale().forward(v);
                if (t > r.upper() + eps || !yKind.logarithmic() && t < r.lower() - eps) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The labels of the ✕ marks shown. */
    public List<String> divergedLabels() {
        List<String> out = new ArrayList<>();
        for (Object a : plot.getAnnotations()) {
            if (a instanceof DivergedMark d) {
                out.add(d.label());
            }
        }
        return out;
    }
}
