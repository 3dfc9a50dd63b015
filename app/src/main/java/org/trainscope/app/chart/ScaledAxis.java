package org.trainscope.app.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A JFreeChart axis in axis units ({@link Scale}) whose range the chart sets ({@link Ranges}) and whose ticks come from
 * {@link Ticks}, thinned to the labels that fit at the size drawn. No auto-range: zooming with the mouse works until the
 * next frame.
 */
final class ScaledAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    private transient AxisRange shown;

    ScaledAxis(String label) {
        super(label);
        setAutoRange(false);
        setMinorTickMarksVisible(true);
    }

    /** Shows {@code range} (without notifying: the chart redraws once for all its changes). */
    void show(AxisRange range) {
        shown = range;
        setRange(new org.jfree.data.Range(range.lower(), range.upper()), true, false);
    }

    AxisRange shown() {
        return shown;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (shown == null) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        AxisRange range = new AxisRange(shown.scale(), getLowerBound(), getUpperBound()); // a zoom changes the bounds
        FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        List<Ticks.Tick> ticks;
        if (vertical) {
            // decades need a label each; linear steps read better a little further apart
            double spacing = range.scale().axis().logarithmic() ? 1.6 : 2.4;
            // two labels whenever two fit at all: one label alone does not tell the scale
            int fit = (int) (length / (fm.getHeight() * spacing));
            ticks = Ticks.of(range, length >= 2.2 * fm.getHeight() ? Math.max(2, fit) : fit);
        } else {
            // fewer labels until the widest of them fits, with a gap of two letters
            int fit = (int) (length / (fm.getHeight() * 1.5));
            ticks = Ticks.of(range, fit);
            while (fit > 1 && labelled(ticks) * (widest(ticks, fm) + fm.stringWidth("mm")) > length) {
                fit--;
                ticks = Ticks.of(range, fit);
            }
        }
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List out = new ArrayList();
        for (Ticks.Tick t : ticks) {
            out.add(new NumberTick(t.major() ? TickType.MAJOR : TickType.MINOR, t.position(), t.label(), anchor,
                    TextAnchor.CENTER, 0.0));
        }
        return out;
    }

    private static int labelled(List<Ticks.Tick> ticks) {
        return (int) ticks.stream().filter(t -> !t.label().isEmpty()).count();
    }

    private static int widest(List<Ticks.Tick> ticks, FontMetrics fm) {
        int w = 0;
        for (Ticks.Tick t : ticks) {
            w = Math.max(w, fm.stringWidth(t.label()));
        }
        return w;
    }
}
