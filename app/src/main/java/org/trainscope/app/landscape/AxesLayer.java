package org.trainscope.app.landscape;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Ticks at nice steps (about six on x₁, five on x₂), their labels, the axis names and the plot's frame. */
final class AxesLayer {
    private static final Color INK = Color.web("#C9D1DC");

    private AxesLayer() {
    }

    /** {@code typeScale}: the presenter factor for the labels (1 otherwise). */
    static void draw(GraphicsContext g, Viewport v, double typeScale) {
        double[] b = v.bounds();
        double bottom = Viewport.TOP + v.plotHeight();
        g.setFill(INK);
        g.setFont(Font.font("System", 12 * typeScale));
        g.setStroke(INK);
        g.setLineWidth(1);
        double stepX = Viewport.niceStep((b[1] - b[0]) / 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : Viewport.ticks(b[0], b[1], stepX)) {
            double px = v.toPx(t);
            g.strokeLine(px, bottom, px, bottom + 4);
            g.fillText(Viewport.tickLabel(t, stepX), px, bottom + 6);
        }
        double stepY = Viewport.niceStep((b[3] - b[2]) / 5);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : Viewport.ticks(b[2], b[3], stepY)) {
            double py = v.toPy(t);
            g.strokeLine(Viewport.LEFT - 4, py, Viewport.LEFT, py);
            g.fillText(Viewport.tickLabel(t, stepY), Viewport.LEFT - 6, py);
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * typeScale));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("x₁", Viewport.LEFT + v.plotWidth(), v.height() - 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("x₂", 4, Viewport.TOP);
        g.strokeRect(Viewport.LEFT, Viewport.TOP, v.plotWidth(), v.plotHeight());
    }
}
