package org.trainscope.app.depth;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;

import javafx.scene.paint.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainscope.app.chart.Palette;

/**
 * A small JFreeChart of y against x for the depth views: a fixed list of series (line, dashed line, or markers),
 * each replaced wholesale from a frame's arrays on the FX thread. Fonts are sized for a projector.
 */
final class XYChart {
    /** How a series is drawn. */
    enum Style { LINE, DASHED, MARKERS, LINE_MARKERS, HALO }

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;

    XYChart(String title, ValueAxis x, ValueAxis y) {
        plot = new XYPlot(dataset, x, y, renderer);
        chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font("SansSerif", Font.PLAIN, 13));
        for (ValueAxis a : new ValueAxis[] {x, y}) {
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, 14));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 13));
        }
        viewer = new ChartViewer(chart);
        setDark(false);
    }

    static NumberAxis linear(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** A logarithmic axis with ticks at whole powers of {@code base}. */
    static LogAxis log(String label, double base) {
        LogAxis a = new LogAxis(label);
        a.setBase(base);
        a.setSmallestValue(1e-300);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (base == 2) {
            a.setBaseSymbol("2");                                    // ticks read 2^k
        }
        return a;
    }

    /** Splits a grid into two equal columns and two equal rows that grow with the window. */
    static void halves(javafx.scene.layout.GridPane root) {
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(javafx.scene.layout.Priority.ALWAYS);
            root.getColumnConstraints().add(cc);
            javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(javafx.scene.layout.Priority.ALWAYS);
            root.getRowConstraints().add(rc);
        }
        root.setHgap(6);
        root.setVgap(6);
    }

    /** Adds a series; returns its index. */
    int add(String label, Color colour, Style style) {
        int i = dataset.getSeriesCount();
        dataset.addSeries(new XYSeries(label, false, true));
        renderer.setSeriesPaint(i, Palette.awt(style == Style.HALO ? colour.deriveColor(0, 1, 1, 0.35) : colour));
        boolean lines = style != Style.MARKERS;
        boolean shapes = style == Style.MARKERS || style == Style.LINE_MARKERS;
        renderer.setSeriesLinesVisible(i, lines);
        renderer.setSeriesShapesVisible(i, shapes);
        renderer.setSeriesStroke(i, style == Style.HALO ? new BasicStroke(9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : style == Style.DASHED
                ? new BasicStroke(2.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Shape dot = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
        renderer.setSeriesShape(i, dot);
        return i;
    }

    /** A solid line of the given width for series i (thin lines let dense curves show what lies beneath). */
    void setLineWidth(int i, float width) {
        renderer.setSeriesStroke(i, new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** Replaces series i by the points (x_k, y_k); non-finite and (on a log axis) non-positive y are left out. */
    void set(int i, double[] x, double[] y) {
        XYSeries s = dataset.getSeries(i);
        s.setNotify(false);
        s.clear();
        boolean logY = plot.getRangeAxis() instanceof LogAxis;
        for (int k = 0; k < Math.min(x.length, y.length); k++) {
            if (Double.isFinite(y[k]) && (!logY || y[k] > 0)) {
                s.add(x[k], y[k], false);
            }
        }
        s.setNotify(true);
    }

    /** Batches several {@link #set} calls into one redraw. */
    void batch(Runnable changes) {
        chart.setNotify(false);
        changes.run();
        chart.setNotify(true);
    }

    int pointCount(int i) {
        return dataset.getSeries(i).getItemCount();
    }

    XYPlot plot() {
        return plot;
    }

    JFreeChart chart() {
        return chart;
    }

    ChartViewer viewer() {
        return viewer;
    }

    void setDark(boolean dark) {
        java.awt.Color bg = dark ? new java.awt.Color(0x16, 0x1B, 0x22) : java.awt.Color.WHITE;
        java.awt.Color fg = dark ? new java.awt.Color(0xC9, 0xD1, 0xDC) : new java.awt.Color(0x24, 0x29, 0x2F);
        java.awt.Color grid = dark ? new java.awt.Color(0x30, 0x36, 0x3D) : new java.awt.Color(0xD0, 0xD7, 0xDE);
        chart.setBackgroundPaint(bg);
        plot.setBackgroundPaint(bg);
        chart.getLegend().setBackgroundPaint(bg);
        chart.getLegend().setItemPaint(fg);
        chart.getTitle().setPaint(fg);
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelPaint(fg);
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(fg);
            a.setTickMarkPaint(fg);
        }
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
    }
}
