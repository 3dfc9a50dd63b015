package org.trainscope.app.landscape;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.landscape.Surface;

/**
 * Arrows at each racer's point (as lilipads' gradient_descent_viz draws them): solid, the step plain gradient descent
 * would take from there, −η∇f; dashed, the racer's own last step x_t − x_{t−1} — its velocity, which momentum
 * carries on. Both magnified by one power of ten, the same for every racer, chosen so that the longest arrow is
 * readable; the key says by how much. FX thread only.
 */
final class ArrowsLayer {
    /** The longest arrow is magnified to at most this many pixels (and to at least a tenth of it). */
    static final double LONGEST_PX = 90;

    void draw(GraphicsContext g, Viewport v, Surface surface, List<String> racers, Frame now, Frame before,
              double lineScale, double typeScale) {
        if (surface == null || now == null || racers.isEmpty()) {
            return;
        }
        double eta = now.scalar(LandscapeExperiment.LR.key(), Double.NaN);
        int n = racers.size();
        double[][] steps = new double[2 * n][];
        double[] at = new double[2 * n];
        double[] grad = new double[2];
        double longest = 0;
        for (int r = 0; r < n; r++) {
            String name = racers.get(r);
            double x1 = now.scalar(LandscapeExperiment.X1.of(name), Double.NaN);
            double x2 = now.scalar(LandscapeExperiment.X2.of(name), Double.NaN);
            if (!Double.isFinite(x1) || !Double.isFinite(x2) || now.scalar(LandscapeExperiment.DIVERGED.of(name), 0) != 0) {
                continue;
            }
            at[2 * r] = x1;
            at[2 * r + 1] = x2;
            surface.gradient(x1, x2, grad);
            steps[2 * r] = new double[] {-eta * grad[0], -eta * grad[1]};                       // −η∇f
            if (before != null) {
                steps[2 * r + 1] = new double[] {x1 - before.scalar(LandscapeExperiment.X1.of(name), x1),
                        x2 - before.scalar(LandscapeExperiment.X2.of(name), x2)};              // x_t − x_{t−1}
            }
            for (int k = 0; k < 2; k++) {
                double[] s = steps[2 * r + k];
                if (s != null && Double.isFinite(s[0]) && Double.isFinite(s[1])) {
                    longest = Math.max(longest, Math.hypot(s[0], s[1]) / v.unitsPerPixel());
                }
            }
        }
        if (!(longest > 0)) {
            return;
        }
        double magnify = magnification(longest);
        for (int r = 0; r < n; r++) {
            Color c = Palette.of(racers.get(r)).colour();
            for (int k = 0; k < 2; k++) {
                double[] s = steps[2 * r + k];
                if (s == null || !Double.isFinite(s[0]) || !Double.isFinite(s[1])) {
                    continue;
                }
                double px = v.toPx(at[2 * r]);
                double py = v.toPy(at[2 * r + 1]);
                arrow(g, px, py, px + magnify * s[0] / v.unitsPerPixel(), py - magnify * s[1] / v.unitsPerPixel(), c,
                        k == 1, lineScale);
            }
        }
        g.setLineDashes((double[]) null);
        key(g, "arrows: −η∇f (solid), last step (dashed), ×" + format(magnify), 0, typeScale);
    }

    /** A key in the plot's top left corner, on line {@code line} (0, 1, …) of the keys. */
    static void key(GraphicsContext g, String key, int line, double typeScale) {
        double size = 11 * typeScale;
        g.setFont(javafx.scene.text.Font.font(size));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        javafx.scene.text.Text probe = new javafx.scene.text.Text(key);
        probe.setFont(g.getFont());
        double x = Viewport.LEFT + 6;
        double y = Viewport.TOP + 6 + line * (size + 12);
        g.setFill(Color.color(0.1, 0.1, 0.12, 0.75));
        g.fillRoundRect(x - 4, y - 3, probe.getLayoutBounds().getWidth() + 8, size + 8, 6, 6);
        g.setFill(Color.web("#E6E6E6"));
        g.fillText(key, x, y);
    }

    /** The power of ten that brings the longest arrow to (LONGEST_PX/10, LONGEST_PX] pixels; 1 when it already is. */
    static double magnification(double longestPx) {
        return powerOfTen(longestPx, LONGEST_PX);
    }

    /** The power of ten m that brings {@code longest} to (limit/10, limit]: longest·m in that range. */
    static double powerOfTen(double longest, double limit) {
        double m = 1;
        while (longest * m * 10 <= limit) {
            m *= 10;
        }
        while (longest * m > limit) {
            m /= 10;
        }
        return m;
    }

    /** 0.1, 1, 100, or 10⁷: a power of ten beyond three digits is written as one. */
    static String format(double m) {
        int k = (int) Math.round(Math.log10(m));   // m is a power of ten (see magnification)
        return Math.abs(k) >= 3 ? org.trainscope.app.chart.Ticks.power(10, k, "")
                : java.math.BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString();
    }

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color c, boolean dashed,
                              double lineScale) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 2) {
            return;
        }
        g.setStroke(c);
        g.setLineWidth(2 * lineScale);
        g.setLineDashes(dashed ? new double[] {5 * lineScale, 4 * lineScale} : null);
        g.strokeLine(x0, y0, x1, y1);
        g.setLineDashes((double[]) null);
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(9 * lineScale, len / 2);
        g.strokeLine(x1, y1, x1 - head * (ux * 0.87 - uy * 0.5), y1 - head * (uy * 0.87 + ux * 0.5));
        g.strokeLine(x1, y1, x1 - head * (ux * 0.87 + uy * 0.5), y1 - head * (uy * 0.87 - ux * 0.5));
    }
}
