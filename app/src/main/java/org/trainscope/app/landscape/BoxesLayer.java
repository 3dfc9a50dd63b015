package org.trainscope.app.landscape;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.landscape.LandscapeExperiment;

/**
 * The adaptive rules' accumulators as lilipads' gradient_descent_viz draws them: at each AdaGrad, RMSprop and Adam
 * racer's point a box √G₁ wide and √G₂ tall, G its second-moment accumulator per coordinate (AdaGrad's Σg², RMSprop's
 * E, Adam's v, the frames' {@code acc1, acc2}). The step divides by √G, so a long side is an axis the rule slows down
 * along. √G is in the units of the gradient, not of x: every box is drawn at one scale, a power of ten of pixels per
 * unit chosen so that the largest side is readable; the key says which. A pure function of the frame shown.
 */
final class BoxesLayer {
    /** The largest side is scaled to at most this many pixels (and to more than a tenth of it). */
    static final double LARGEST_PX = 90;

    private BoxesLayer() {
    }

    /**
     * Draws the boxes; {@code points} holds each racer's (px, py) as the markers draw it (the key goes below the
     * arrows' key).
     */
    static void draw(GraphicsContext g, Frame frame, List<String> racers, double[] points, double lineScale,
                     double typeScale) {
        if (frame == null) {
            return;
        }
        double[] sides = sides(frame, racers);
        double largest = 0;
        for (double s : sides) {
            largest = Double.isFinite(s) ? Math.max(largest, s) : largest;
        }
        if (!(largest > 0)) {
            return;
        }
        double scale = scale(largest);
        for (int r = 0; r < racers.size(); r++) {
            double w = scale * sides[2 * r];
            double h = scale * sides[2 * r + 1];
            double px = points[2 * r];
            double py = points[2 * r + 1];
            if (!Double.isFinite(w) || !Double.isFinite(h) || !Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            Color c = Palette.of(racers.get(r)).colour();
            g.setFill(c.deriveColor(0, 1, 1, 0.18));
            g.fillRect(px - w / 2, py - h / 2, w, h);
            g.setStroke(c);
            g.setLineWidth(1.5 * lineScale);
            g.strokeRect(px - w / 2, py - h / 2, w, h);
        }
        ArrowsLayer.key(g, "boxes: √G per axis, ×" + java.math.BigDecimal.valueOf(scale).round(java.math.MathContext.DECIMAL32)
                .stripTrailingZeros().toPlainString() + " px", 1, typeScale);
    }

    /**
     * Pixels per unit of √G: the largest of 1, 2 or 5 times a power of ten that keeps the largest side within
     * {@link #LARGEST_PX} (so it is drawn at 40–100 % of that), a step the key can name and that changes seldom.
     */
    static double scale(double largest) {
        double decade = ArrowsLayer.powerOfTen(largest, LARGEST_PX);   // largest·decade in (LARGEST_PX/10, LARGEST_PX]
        for (double k : new double[] {5, 2}) {
            if (largest * decade * k <= LARGEST_PX) {
                return decade * k;
            }
        }
        return decade;
    }

    /** (√G₁, √G₂) per racer, NaN for a racer without an accumulator or that diverged. */
    static double[] sides(Frame frame, List<String> racers) {
        double[] out = new double[2 * racers.size()];
        for (int r = 0; r < racers.size(); r++) {
            String name = racers.get(r);
            boolean diverged = frame.scalar(LandscapeExperiment.DIVERGED.of(name), 0) != 0;
            out[2 * r] = diverged ? Double.NaN : Math.sqrt(frame.scalar(LandscapeExperiment.ACC1.of(name), Double.NaN));
            out[2 * r + 1] = diverged ? Double.NaN
                    : Math.sqrt(frame.scalar(LandscapeExperiment.ACC2.of(name), Double.NaN));
        }
        return out;
    }
}
