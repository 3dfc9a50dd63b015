package org.trainscope.app.landscape;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;

/** The current point of each racer (a dot, or ✕ if it diverged) and the start marker (a cross-hair), on the overlay. */
final class MarkersLayer {
    private MarkersLayer() {
    }

    /** Draws each racer's point in {@code frame}; racers without a finite point are left out. */
    static void drawRacers(GraphicsContext g, Viewport v, Frame frame, List<String> racers, double lineScale) {
        for (int r = 0; r < racers.size(); r++) {
            String name = racers.get(r);
            double x1 = frame.scalar(name + ".x1", Double.NaN);
            double x2 = frame.scalar(name + ".x2", Double.NaN);
            if (!Double.isFinite(x1) || !Double.isFinite(x2)) {
                continue;
            }
            double px = Viewport.clampPx(v.toPx(x1));
            double py = Viewport.clampPx(v.toPy(x2));
            Color c = Palette.of(name).colour();
            double a = 6 * lineScale;
            if (frame.scalar(name + ".diverged", 0) != 0) {
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
