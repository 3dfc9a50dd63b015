package org.trainscope.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * ✕ at the last finite point of a diverged series, with a label such as "gd diverged at step 12". A point beyond the
 * range (the others keep their scale) is marked at the edge of the plot, so the mark always shows.
 */
final class DivergedMark extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    private final double x;
    private final double y;
    private final String label;
    private final Color colour;
    private final Font font;
    private final float scale;

    /** At (x, y) in axis units. */
    DivergedMark(double x, double y, String label, Color colour, Font font, float scale) {
        this.x = x;
        this.y = y;
        this.label = label;
        this.colour = colour;
        this.font = font;
        this.scale = scale;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        double a = 6 * scale;
        double px = domainAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = rangeAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
        px = clamp(px, area.getMinX() + a, area.getMaxX() - a);
        py = clamp(py, area.getMinY() + a, area.getMaxY() - a);
        g2.setPaint(colour);
        g2.setStroke(new BasicStroke(2.6f * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(new Line2D.Double(px - a, py - a, px + a, py + a));
        g2.draw(new Line2D.Double(px - a, py + a, px + a, py - a));
        g2.setFont(font);
        FontMetrics fm = g2.getFontMetrics(font);
        double w = fm.stringWidth(label);
        double tx = px + 2 * a;
        if (tx + w > area.getMaxX()) {
            tx = px - 2 * a - w;     // near the right edge: the label goes on the left
        }
        double ty = clamp(py + fm.getAscent() / 2.0 - 1, area.getMinY() + fm.getAscent(), area.getMaxY() - fm.getDescent());
        g2.drawString(label, (float) Math.max(area.getMinX(), tx), (float) ty);
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }

    String label() {
        return label;
    }
}
