package org.trainscope.app.landscape;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

import org.trainscope.engine.landscape.Contours;
import org.trainscope.engine.landscape.Grid;
import org.trainscope.engine.landscape.Surface;

/**
 * Renders f over a view into an image: colour by log(f − fmin + δ) — so the floor of a valley and its walls both
 * show — and anti-aliased contour lines at log-spaced levels. Pure and thread-safe: runs on a worker, never on the
 * FX thread.
 */
public final class HeatmapRenderer {
    /** Colour stops from low (dark slate) to high (pale): neutral, so the optimizers' colours stand out. */
    private static final int[] STOPS = {0x0E1320, 0x1F2A3C, 0x34445C, 0x55667F, 0x8390A6, 0xB8C0CE, 0xE9ECF1};
    private static final int CONTOUR_LEVELS = 18;

    private HeatmapRenderer() {
    }

    /** What was rendered: the image and the data rectangle it covers. */
    public record Heatmap(BufferedImage image, double x1min, double x1max, double x2min, double x2max, double fmin, double fmax) {
    }

    /** The fewest grid points along the short side of the view, however small the window. */
    public static final int MIN_SAMPLES = 512;

    /**
     * Renders a {@code outWidth}×{@code outHeight} image of {@code f} over [x1min, x1max]×[x2min, x2max]: f is
     * sampled on a grid of at least {@value #MIN_SAMPLES} points along the short side (more if the image is larger),
     * coloured, resampled bilinearly to the output size, and the contours are drawn at output resolution.
     */
    public static Heatmap render(Surface f, double x1min, double x1max, double x2min, double x2max, int outWidth, int outHeight) {
        double up = Math.max(1.0, MIN_SAMPLES / (double) Math.min(outWidth, outHeight));
        int width = (int) Math.ceil(outWidth * up);
        int height = (int) Math.ceil(outHeight * up);
        // pixel centres: x₁ at (i + ½)/W, x₂ from the top row down
        double dx = (x1max - x1min) / width;
        double dy = (x2max - x2min) / height;
        Grid grid = Grid.evaluate(f, x1min + dx / 2, x1max - dx / 2, x2min + dy / 2, x2max - dy / 2, width, height);
        double[] range = grid.range();
        double fmin = range[0];
        double fmax = range[1];
        double span = Math.max(fmax - fmin, 1e-300);
        double delta = span * 1e-4;
        double logLo = Math.log(delta);
        double logHi = Math.log(span + delta);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int j = 0; j < height; j++) {
            int gridRow = height - 1 - j; // image row 0 is the top: x₂ = x2max
            for (int i = 0; i < width; i++) {
                double v = grid.at(i, gridRow);
                double t = Double.isFinite(v) ? (Math.log(v - fmin + delta) - logLo) / (logHi - logLo) : 1.0;
                row[i] = colour(t);
            }
            image.setRGB(0, j, width, 1, row, 0, width);
        }
        BufferedImage out = image;
        if (width != outWidth || height != outHeight) {
            out = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, outWidth, outHeight, null);
            g.dispose();
        }
        drawContours(out, f, x1min, x1max, x2min, x2max, fmin, fmax);
        return new Heatmap(out, x1min, x1max, x2min, x2max, fmin, fmax);
    }

    private static void drawContours(BufferedImage image, Surface f, double x1min, double x1max, double x2min,
                                     double x2max, double fmin, double fmax) {
        int w = image.getWidth();
        int h = image.getHeight();
        // a coarser lattice gives smoother lines; 3 px per cell is below what the eye resolves
        int nx = Math.max(8, w / 3);
        int ny = Math.max(8, h / 3);
        Grid coarse = Grid.evaluate(f, x1min, x1max, x2min, x2max, nx, ny);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setStroke(new BasicStroke(1.0f));
        double sx = w / (x1max - x1min);
        double sy = h / (x2max - x2min);
        Line2D.Double line = new Line2D.Double();
        double[] levels = Contours.logLevels(fmin, fmax, CONTOUR_LEVELS);
        for (int k = 0; k < levels.length; k++) {
            float alpha = 0.22f + 0.18f * k / Math.max(1, levels.length - 1);
            g.setColor(new Color(1f, 1f, 1f, alpha));
            double[] seg = Contours.trace(coarse, levels[k]);
            for (int s = 0; s + 3 < seg.length; s += 4) {
                line.setLine((seg[s] - x1min) * sx, (x2max - seg[s + 1]) * sy, (seg[s + 2] - x1min) * sx, (x2max - seg[s + 3]) * sy);
                g.draw(line);
            }
        }
        g.dispose();
    }

    /** Piecewise-linear interpolation of the colour stops at t ∈ [0, 1]. */
    static int colour(double t) {
        double u = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int k = Math.min(STOPS.length - 2, (int) u);
        double a = u - k;
        int c0 = STOPS[k];
        int c1 = STOPS[k + 1];
        int r = (int) Math.round(((c0 >> 16) & 255) * (1 - a) + ((c1 >> 16) & 255) * a);
        int gr = (int) Math.round(((c0 >> 8) & 255) * (1 - a) + ((c1 >> 8) & 255) * a);
        int b = (int) Math.round((c0 & 255) * (1 - a) + (c1 & 255) * a);
        return (r << 16) | (gr << 8) | b;
    }
}
