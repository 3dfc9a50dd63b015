package org.trainscope.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/**
 * The look of a {@link Chart}: theme colours, and one scale factor (presenter mode) applied to the title, axis labels,
 * tick labels, legend, line widths, dashes, markers and paddings alike.
 */
final class ChartStyle {
    private static final String FAMILY = "SansSerif";
    /** Where legends are measured, with the text metrics they are drawn with (FX thread only). */
    private static javafx.scene.canvas.Canvas measureCanvas;

    private final JFreeChart chart;
    private final XYLineAndShapeRenderer renderer;
    private final ValueMarker cursor;
    private boolean dark;
    private float scale = 1f;
    private RectangleEdge legendEdge = RectangleEdge.BOTTOM;

    ChartStyle(JFreeChart chart, XYLineAndShapeRenderer renderer, ValueMarker cursor) {
        this.chart = chart;
        this.renderer = renderer;
        this.cursor = cursor;
        restyle(List.of(), true);
    }

    void setDark(boolean on) {
        dark = on;
    }

    void setScale(float s) {
        scale = s;
    }

    /**
     * Puts the legend below the plot or right of it, whichever leaves the better plot of a {@code width}×{@code height}
     * chart: the larger of min(plot height, plot width / 2), since a plot much flatter than 2:1 reads badly. The legend
     * is measured with the canvas's own text metrics. Returns true if it moved.
     */
    boolean placeLegend(double width, double height) {
        if (width <= 0 || height <= 0 || !chart.getLegend().isVisible()) {
            return false;
        }
        LegendTitle probe = new LegendTitle(chart.getXYPlot()); // a copy no chart listens to: measuring draws nothing
        probe.setItemFont(chart.getLegend().getItemFont());
        probe.setItemLabelPadding(chart.getLegend().getItemLabelPadding());
        probe.setLegendItemGraphicPadding(chart.getLegend().getLegendItemGraphicPadding());
        java.awt.Graphics2D g2 = new org.jfree.fx.FXGraphics2D(measure().getGraphicsContext2D());
        double plotW = width - 70 * scale;                        // the y axis's labels
        double plotH = height - 80 * scale;                       // title, x axis, paddings
        probe.setPosition(RectangleEdge.BOTTOM);
        double below = probe.arrange(g2, new RectangleConstraint(width, null, LengthConstraintType.FIXED,
                0, new Range(0, height), LengthConstraintType.RANGE)).getHeight() + 6 * scale;
        probe.setPosition(RectangleEdge.RIGHT);
        double beside = probe.arrange(g2, new RectangleConstraint(0, new Range(0, width), LengthConstraintType.RANGE,
                height, null, LengthConstraintType.FIXED)).getWidth() + 10 * scale;
        double bottomScore = Math.min(plotH - below, plotW / 2);
        double rightScore = Math.min(plotH, (plotW - beside) / 2);
        boolean right = legendEdge == RectangleEdge.RIGHT;
        // a few pixels of hysteresis, so that a legend whose labels change with the frame does not flip back and forth
        if ((right ? bottomScore - rightScore : rightScore - bottomScore) <= 4 * scale) {
            return false;
        }
        legendEdge = right ? RectangleEdge.BOTTOM : RectangleEdge.RIGHT;
        return true;
    }

    private static javafx.scene.canvas.Canvas measure() {
        if (measureCanvas == null) {
            measureCanvas = new javafx.scene.canvas.Canvas(1, 1);
        }
        return measureCanvas;
    }

    private Color background() {
        return dark ? new Color(0x16, 0x1B, 0x22) : Color.WHITE;
    }

    private Color ink() {
        return dark ? new Color(0xC9, 0xD1, 0xDC) : new Color(0x24, 0x29, 0x2F);
    }

    private Color grid() {
        return dark ? new Color(0x30, 0x36, 0x3D) : new Color(0xD8, 0xDE, 0xE4);
    }

    private Font font(int style, float size) {
        return new Font(FAMILY, style, Math.round(size * scale));
    }

    private RectangleInsets insets(double top, double left, double bottom, double right) {
        return new RectangleInsets(top * scale, left * scale, bottom * scale, right * scale);
    }

    /** Applies theme and scale to the chart, its axes and legend, and (if {@code all}) to every series; one redraw. */
    void restyle(List<Chart.Series> series, boolean all) {
        quietly(() -> restyleNow(series, all));
    }

    private void quietly(Runnable changes) {
        quietly(chart, changes);
    }

    /** Runs the changes with the chart's notifications off, then redraws it once. */
    static void quietly(JFreeChart chart, Runnable changes) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            chart.setNotify(notify);
        }
    }

    private void restyleNow(List<Chart.Series> series, boolean all) {
        Color bg = background();
        Color ink = ink();
        XYPlot plot = chart.getXYPlot();
        chart.setBackgroundPaint(bg);
        chart.setPadding(insets(6, 6, 4, 22)); // the last x tick label is centred on the plot's right edge
        plot.setBackgroundPaint(bg);
        plot.setOutlinePaint(grid());
        plot.setDomainGridlinePaint(grid());
        plot.setRangeGridlinePaint(grid());
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(insets(3, 3, 3, 3));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(font(Font.BOLD, 15));
            title.setPaint(ink);
            title.setPadding(insets(2, 4, 10, 4)); // clear of the top tick label, which reaches above the plot
        }
        for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelFont(font(Font.PLAIN, 13));
            a.setTickLabelFont(font(Font.PLAIN, 12));
            a.setLabelPaint(ink);
            a.setTickLabelPaint(ink);
            a.setAxisLinePaint(ink);
            a.setTickMarkPaint(ink);
            a.setTickMarkOutsideLength(4 * scale);
            a.setMinorTickMarkOutsideLength(2 * scale);
            a.setTickLabelInsets(insets(2, 3, 2, 3));
            a.setLabelInsets(insets(3, 3, 3, 3));
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(legendEdge);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(bg);
        legend.setItemPaint(ink);
        legend.setItemFont(font(Font.PLAIN, 13));
        legend.setMargin(legendEdge == RectangleEdge.BOTTOM ? insets(6, 0, 0, 0) : insets(0, 10, 0, 0));
        legend.setItemLabelPadding(insets(2, 3, 2, 18)); // a clear gap before the next entry's line
        legend.setLegendItemGraphicPadding(insets(2, 4, 2, 2));
        renderer.setLegendLine(new Line2D.Double(-14 * scale, 0, 14 * scale, 0));
        cursor.setPaint(dark ? new Color(255, 255, 255, 150) : new Color(0, 0, 0, 120));
        cursor.setStroke(new BasicStroke(1.5f * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f * scale, 4f * scale}, 0f));
        if (all) {
            for (int i = 0; i < series.size(); i++) {
                styleSeriesNow(i, series.get(i));
            }
        }
    }

    /** Colour, stroke and markers of series {@code i} from its identity and style. */
    void styleSeries(int i, Chart.Series s) {
        quietly(() -> styleSeriesNow(i, s));
    }

    private void styleSeriesNow(int i, Chart.Series s) {
        Palette.Look look = Palette.of(s.identity);
        double opacity = s.style == Chart.Style.HALO ? 0.35 : s.style == Chart.Style.PINNED ? 0.75 : 1;
        renderer.setSeriesPaint(i, look.awt(opacity));
        renderer.setSeriesLinesVisible(i, s.style != Chart.Style.MARKERS);
        renderer.setSeriesShapesVisible(i, s.style.markers() || s.x.length == 1 && s.style != Chart.Style.HALO);
        double d = 9 * scale * s.weight;
        renderer.setSeriesShape(i, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        renderer.setSeriesStroke(i, stroke(s.style, look, s.weight));
        renderer.setSeriesVisibleInLegend(i, s.inLegend);
    }

    private Stroke stroke(Chart.Style how, Palette.Look look, float weight) {
        double[] dashes = switch (how) {
            case DASHED, PINNED -> Palette.DASH;
            case DOTTED -> Palette.DOT;
            case HALO -> null;
            default -> look.dashes();
        };
        float width = scale * weight * switch (how) {
            case HALO -> 9f;
            case PINNED -> 1.8f;
            case DOTTED -> 2.6f;
            default -> 2.2f;
        };
        if (dashes == null) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] pattern = new float[dashes.length];
        for (int k = 0; k < dashes.length; k++) {
            pattern[k] = (float) (dashes[k] * scale);
        }
        // dots are round caps on short dashes; longer dashes keep square ends
        int cap = dashes == Palette.DOT || dashes == Palette.DASH_DOT ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT;
        return new BasicStroke(width, cap, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    DivergedMark divergedMark(double x, double y, String label, Palette.Look look) {
        return new DivergedMark(x, y, label, look.awt(1), font(Font.BOLD, 12), scale);
    }

    ValueMarker referenceLine(double x, Palette.Look look) {
        ValueMarker m = new ValueMarker(x);
        m.setPaint(look.awt(1));
        m.setStroke(new BasicStroke(1.6f * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f * scale, 4f * scale}, 0f));
        return m;
    }
}
