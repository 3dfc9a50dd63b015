package org.trainscope.app.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.paint.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainscope.engine.experiment.Recording;

/**
 * A JFreeChart line chart of named scalars against step, with a vertical marker at the frame shown. The y axis is
 * logarithmic while no value is negative (exact zeros are left out) and linear otherwise (a saddle's loss goes
 * negative).
 * Series are rebuilt from the recording at most {@value #REFRESH_MS} ms apart and down-sampled to
 * {@value #MAX_POINTS} points, so drawing stays cheap however long the run.
 */
public final class LineChart {
    private static final int MAX_POINTS = 1000;
    private static final long REFRESH_MS = 200;

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final ValueMarker marker = new ValueMarker(0);
    private final String yLabel;
    private List<String> scalars = List.of();
    private Recording comparison;
    private int comparisonSeries;
    private boolean logScale = true;
    private int builtCount = -1;
    private Recording builtFor;
    private long builtGeneration = -1;
    private long lastBuildMillis;

    public LineChart(String title, String xLabel, String yLabel) {
        this.yLabel = yLabel;
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(true);
        x.setAutoRangeMinimumSize(10);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot = new XYPlot(dataset, x, logAxis(), new XYLineAndShapeRenderer(true, false));
        plot.addDomainMarker(marker);
        chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        viewer = new ChartViewer(chart);
        viewer.getStyleClass().add("line-chart");
        setDark(false);
    }

    /** The FX node. */
    public ChartViewer viewer() {
        return viewer;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Which scalars to plot (series named after them, coloured by {@link Palette}). */
    public void setScalars(List<String> names, List<String> labels) {
        scalars = List.copyOf(names);
        comparison = null;
        comparisonSeries = 0;
        dataset.removeAllSeries();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < names.size(); i++) {
            dataset.addSeries(new XYSeries(labels.get(i), false, true));
            r.setSeriesStroke(i, new BasicStroke(2.2f * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        recolour();
        builtCount = -1;
    }

    /**
     * Draws another run's scalars too (dashed, same colours), for comparison; null removes them. The legend shows
     * one entry, "pinned run: {@code label} (dashed)".
     */
    public void setComparison(Recording recording, String label) {
        while (dataset.getSeriesCount() > scalars.size()) {
            dataset.removeSeries(dataset.getSeriesCount() - 1);
        }
        comparison = recording;
        comparisonSeries = 0;
        if (recording != null) {
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            for (int i = 0; i < scalars.size(); i++) {
                int k = scalars.size() + i;
                dataset.addSeries(new XYSeries(i == 0 ? "pinned run: " + label + " (dashed)" : "pinned " + scalars.get(i),
                        false, true));
                r.setSeriesStroke(k, new BasicStroke(1.8f * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                        10f, new float[] {6f * scale, 4f * scale}, 0f));
                r.setSeriesVisibleInLegend(k, i == 0);
            }
            comparisonSeries = scalars.size();
            recolour();
        }
        builtCount = -1;
    }

    /**
     * Updates series from the recording's first {@code count} frames and moves the marker to {@code step}; while
     * {@code playing}, at most once per {@value #REFRESH_MS} ms (a chart redraw is the costliest thing on screen).
     *
     * @return true if the chart was redrawn
     */
    public boolean update(Recording recording, int count, long step, boolean playing) {
        long now = System.currentTimeMillis();
        if (playing && now - lastBuildMillis < REFRESH_MS) {
            return false;
        }
        chart.setNotify(false);
        marker.setValue(step);
        rebuild(recording, count);
        chart.setNotify(true);
        lastBuildMillis = now;
        return true;
    }

    private void rebuild(Recording recording, int count) {
        boolean stale = recording != builtFor || recording.generation() != builtGeneration || count < builtCount;
        if (count == builtCount && !stale) {
            return;
        }
        builtFor = recording;
        builtGeneration = recording.generation();
        builtCount = count;
        boolean noNegative = true;
        for (int s = 0; s < scalars.size() && noNegative; s++) {
            for (int i = 0; i < count; i += Math.max(1, count / MAX_POINTS)) {
                double v = recording.get(i).scalar(scalars.get(s), Double.NaN);
                if (Double.isFinite(v) && v < 0) { // zeros (a minimum reached exactly) are just left out of a log plot
                    noNegative = false;
                    break;
                }
            }
        }
        if (noNegative != logScale) {
            logScale = noNegative;
            plot.setRangeAxis(logScale ? logAxis() : linearAxis());
            applyAxisColours();
        }
        for (int s = 0; s < scalars.size(); s++) {
            SeriesSampler.fill(dataset.getSeries(s), recording, count, scalars.get(s), MAX_POINTS, logScale);
        }
        for (int s = 0; s < comparisonSeries; s++) {
            SeriesSampler.fill(dataset.getSeries(scalars.size() + s), comparison, comparison.size(), scalars.get(s),
                    MAX_POINTS, logScale);
        }
    }

    public boolean isLogScale() {
        return logScale;
    }

    /** Number of points currently in series {@code i}. */
    public int pointCount(int i) {
        return dataset.getSeries(i).getItemCount();
    }

    private boolean dark;
    private float scale = 1f;

    /** Presenter mode: thicker lines, larger type. */
    public void setPresenter(boolean on) {
        scale = on ? 1.8f : 1f;
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < scalars.size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(2.2f * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, Math.round(15 * scale)));
        applyAxisColours();
    }

    /** Matches the app theme. */
    public void setDark(boolean isDark) {
        dark = isDark;
        java.awt.Color bg = isDark ? new java.awt.Color(0x16, 0x1B, 0x22) : java.awt.Color.WHITE;
        chart.setBackgroundPaint(bg);
        plot.setBackgroundPaint(bg);
        chart.getLegend().setBackgroundPaint(bg);
        applyAxisColours();
        recolour();
    }

    private void applyAxisColours() {
        java.awt.Color fg = dark ? new java.awt.Color(0xC9, 0xD1, 0xDC) : new java.awt.Color(0x24, 0x29, 0x2F);
        java.awt.Color grid = dark ? new java.awt.Color(0x30, 0x36, 0x3D) : new java.awt.Color(0xD0, 0xD7, 0xDE);
        chart.getTitle().setPaint(fg);
        chart.getLegend().setItemPaint(fg);
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, Math.round(13 * scale)));
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelPaint(fg);
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(fg);
            a.setTickMarkPaint(fg);
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(13 * scale)));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(12 * scale)));
        }
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
        marker.setPaint(dark ? new java.awt.Color(255, 255, 255, 140) : new java.awt.Color(0, 0, 0, 110));
        marker.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    }

    private void recolour() {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < scalars.size(); i++) {
            String name = scalars.get(i).contains(".") ? scalars.get(i).substring(0, scalars.get(i).indexOf('.')) : scalars.get(i);
            Color c = dark ? Palette.of(name, i) : Palette.onLight(name, i);
            r.setSeriesPaint(i, Palette.awt(c));
            if (i < comparisonSeries) {
                r.setSeriesPaint(scalars.size() + i, Palette.awt(c.deriveColor(0, 0.8, 1, 0.75)));
            }
        }
    }

    private ValueAxis logAxis() {
        LogAxis axis = new LogAxis(yLabel);
        axis.setBase(10);
        axis.setSmallestValue(1e-300);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // ticks at whole powers of ten
        return axis;
    }

    private ValueAxis linearAxis() {
        NumberAxis axis = new NumberAxis(yLabel);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** Names of the plotted scalars. */
    public List<String> scalars() {
        return new ArrayList<>(scalars);
    }
}
