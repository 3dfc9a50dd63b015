package org.trainscope.app.landscape;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.trainscope.app.chart.Palette;

/** The current point of each racer (a dot, or ✕ if it diverged; the selected one ringed) and the start marker (a cross-hair), on the overlay. */
final class MarkersLayer {
    private MarkersLayer() {
    }

    /**
     * Draws each racer's point: {@code points} holds (px, py) per racer (NaN: left out), a dot while it runs, a ✕
     * where its path ended if {@code ended[r]}; the {@code selected} racer (−1: none) with a white ring around it.
     */
    static void drawRacers(GraphicsContext g, List<String> racers, double[] points, boolean[] ended, int selected,
                           double lineScale) {
        for (int r = 0; r < racers.size(); r++) {
            double px = points[2 * r];
            double py = points[2 * r + 1];
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            Color c = Palette.of(racers.get(r)).colour();
            double a = 6 * lineScale;
            if (r == selected) {
                double ring = a + 5 * lineScale;
                g.setStroke(Color.WHITE);
                g.setLineWidth(2.5 * lineScale);
                g.strokeOval(px - ring, py - ring, 2 * ring, 2 * ring);
            }
            if (ended[r]) {
                g.setStroke(c);
                g.setLineWidth(3 * lineScale);
                g.strokeLine(px - a, py - a, px + a, py + a);
                g.strokeLine(px - a, py + a, px + a, py - a);
            } else {
                g.setFill(c);
                g.setStroke(Color.BLACK);
                g.setLineWidth(1.5 * lineScale);
                g.fillOval(px - a, py - a, 2 * a, 2 * a);
                g.strokeOval(px - a, py - a, 2 * a, 2 * a);
            }
        }
    }

    /** The start point (x₁, x₂): a white ring with four ticks. */
    static void drawStart(GraphicsContext g, Viewport v, double x1, double x2) {
        double px = v.toPx(x1);
        double py = v.toPy(x2);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeOval(px - 9, py - 9, 18, 18);
        g.strokeLine(px - 13, py, px - 5, py);
        g.strokeLine(px + 5, py, px + 13, py);
        g.strokeLine(px, py - 13, px, py - 5);
        g.strokeLine(px, py + 5, px, py + 13);
    }
}
