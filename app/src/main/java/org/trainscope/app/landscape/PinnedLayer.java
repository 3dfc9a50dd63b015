package org.trainscope.app.landscape;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;

/** The pinned run's paths up to its frame at the step shown: thin, dashed, translucent, with hollow markers. */
final class PinnedLayer {
    private final PathCache paths = new PathCache();
    private Recording recording;
    private List<String> racers = List.of();
    private Frame frame;

    /** A run to compare with (null: none). */
    void setRun(Recording rec, List<String> names) {
        recording = rec;
        racers = List.copyOf(names);
        frame = null;
    }

    /** Its frame at the step shown (null: none). */
    void setFrame(Frame shown) {
        frame = shown;
    }

    /** Draws onto the overlay, inside the plot's clip. */
    void draw(GraphicsContext g, Viewport v, double lineScale) {
        if (recording == null || frame == null) {
            return;
        }
        paths.update(recording, racers, recording.size());
        int n = Math.min(recording.indexOfStep(frame.step()) + 1, paths.count());
        double[] xs = new double[n];
        double[] ys = new double[n];
        g.setLineDashes(5 * lineScale, 5 * lineScale);
        g.setLineWidth(1.6 * lineScale);
        double[] sane = v.saneBounds();
        for (int r = 0; r < racers.size(); r++) {
            int m = 0;
            int drawn = paths.drawable(r, n, sane); // up to its first point that diverged or left the sane region
            for (int i = 0; i < drawn; i++) {
                double px = v.toPx(paths.x1(r, i));
                double py = v.toPy(paths.x2(r, i));
                if (m == 0 || Math.abs(px - xs[m - 1]) + Math.abs(py - ys[m - 1]) >= 0.5) {
                    xs[m] = px;
                    ys[m] = py;
                    m++;
                }
            }
            Color c = Palette.of(racers.get(r)).colour().deriveColor(0, 1, 1, 0.8);
            g.setStroke(c);
            g.strokePolyline(xs, ys, m);
            if (m > 0) {
                double a = 5 * lineScale;
                if (drawn < n) { // it ended: a ✕ at its last drawn point, or where it left the plot
                    int prev = Math.max(0, m - 2);
                    double[] e = v.exitPoint(xs[prev], ys[prev], xs[m - 1], ys[m - 1]);
                    g.strokeLine(e[0] - a, e[1] - a, e[0] + a, e[1] + a);
                    g.strokeLine(e[0] - a, e[1] + a, e[0] + a, e[1] - a);
                } else {
                    g.strokeOval(xs[m - 1] - a, ys[m - 1] - a, 2 * a, 2 * a);
                }
            }
        }
        g.setLineDashes(null);
    }
}
