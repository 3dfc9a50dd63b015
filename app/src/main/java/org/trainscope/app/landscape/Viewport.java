package org.trainscope.app.landscape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.stream.DoubleStream;

/**
 * Which part of the (x₁, x₂) plane the map shows, and where: a plot rectangle inside the canvas (margins for the
 * axes), a centre and one scale for both axes, so that a circle looks round. Pure: no node, no drawing.
 * <p>
 * Pixel ↔ coordinate: px = left + w/2 + (x₁ − c₁)/u, py = top + h/2 − (x₂ − c₂)/u, with u the units per pixel (the
 * y axis points up on the map and down on the screen). Until {@link #fit} is called the viewport is not fitted
 * ({@link #isFitted()} is false) and maps nothing.
 */
public final class Viewport {
    /** Margins around the plot, in pixels: room for the tick labels. */
    public static final double LEFT = 56;
    public static final double BOTTOM = 34;
    public static final double TOP = 10;
    public static final double RIGHT = 12;

    private static final double MIN_UNITS_PER_PIXEL = 1e-9;
    private static final double MAX_UNITS_PER_PIXEL = 1e6;

    private double width;
    private double height;
    private double centerX;
    private double centerY;
    private double unitsPerPixel = Double.NaN;

    /** The size of the whole canvas, margins included. */
    public void setSize(double newWidth, double newHeight) {
        width = newWidth;
        height = newHeight;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double plotWidth() {
        return Math.max(0, width - LEFT - RIGHT);
    }

    public double plotHeight() {
        return Math.max(0, height - TOP - BOTTOM);
    }

    public boolean isFitted() {
        return !Double.isNaN(unitsPerPixel);
    }

    /** Forgets the view: the next {@link #fit} decides it. */
    public void unfit() {
        unitsPerPixel = Double.NaN;
    }

    public double unitsPerPixel() {
        return unitsPerPixel;
    }

    /**
     * Shows at least the data rectangle {@code view} = {x1min, x1max, x2min, x2max}, centred, with one scale for
     * both axes; does nothing while the plot has no area.
     */
    public void fit(double[] view) {
        if (plotWidth() <= 0 || plotHeight() <= 0) {
            return;
        }
        centerX = (view[0] + view[1]) / 2;
        centerY = (view[2] + view[3]) / 2;
        unitsPerPixel = Math.max((view[1] - view[0]) / plotWidth(), (view[3] - view[2]) / plotHeight());
    }

    /** Scales the view by {@code factor} (above 1 zooms out) so that the point under (px, py) stays where it is. */
    public void zoomAbout(double px, double py, double factor) {
        if (!isFitted()) {
            return;
        }
        double x1 = toX1(px);
        double x2 = toX2(py);
        unitsPerPixel = Math.max(MIN_UNITS_PER_PIXEL, Math.min(MAX_UNITS_PER_PIXEL, unitsPerPixel * factor));
        centerX = x1 - (px - LEFT - plotWidth() / 2) * unitsPerPixel;
        centerY = x2 + (py - TOP - plotHeight() / 2) * unitsPerPixel;
    }

    /** Moves the picture by (dx, dy) pixels, as a drag does: the point under the pointer follows it. */
    public void panBy(double dx, double dy) {
        centerX -= dx * unitsPerPixel;
        centerY += dy * unitsPerPixel;
    }

    /** The data rectangle shown: {x1min, x1max, x2min, x2max}. */
    public double[] bounds() {
        double w = plotWidth();
        double h = plotHeight();
        return new double[] {centerX - w / 2 * unitsPerPixel, centerX + w / 2 * unitsPerPixel,
                centerY - h / 2 * unitsPerPixel, centerY + h / 2 * unitsPerPixel};
    }

    public boolean insidePlot(double px, double py) {
        return px >= LEFT && px <= LEFT + plotWidth() && py >= TOP && py <= TOP + plotHeight();
    }

    public double toPx(double x1) {
        return LEFT + plotWidth() / 2 + (x1 - centerX) / unitsPerPixel;
    }

    public double toPy(double x2) {
        return TOP + plotHeight() / 2 - (x2 - centerY) / unitsPerPixel;
    }

    public double toX1(double px) {
        return centerX + (px - LEFT - plotWidth() / 2) * unitsPerPixel;
    }

    public double toX2(double py) {
        return centerY - (py - TOP - plotHeight() / 2) * unitsPerPixel;
    }

    /** Rounds a coordinate to the decimals that the scale resolves (about 4 pixels), e.g. a clicked start point. */
    public double roundToResolution(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(unitsPerPixel * 4)));
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** The nice step (1, 2 or 5 times a power of ten) nearest above or below {@code raw}. */
    public static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    /** The multiples of {@code step} in [min, max], ascending (none for a step that is not positive). */
    public static double[] ticks(double min, double max, double step) {
        DoubleStream.Builder out = DoubleStream.builder();
        if (step > 0) {
            for (double v = Math.ceil(min / step) * step; v <= max; v += step) {
                out.add(v); // accumulated, as the axes always did, so that no line or label moves
            }
        }
        return out.build().toArray();
    }

    /** A tick's label with as many decimals as the step needs ("-0.0" printed as "0.0"). */
    public static String tickLabel(double v, double step) {
        if (Math.abs(v) < step * 1e-9) {
            v = 0;
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** How many view spans the sane region reaches beyond the view on each side. */
    static final double SANE_SPANS = 5;

    /**
     * The sane region {x1min, x1max, x2min, x2max}: the view widened by {@link #SANE_SPANS} of its span on every side
     * (11× the span). A path is drawn only while it stays inside, so a diverging run never streaks across the map.
     */
    public double[] saneBounds() {
        double[] b = bounds();
        double w = b[1] - b[0];
        double h = b[3] - b[2];
        return new double[] {b[0] - SANE_SPANS * w, b[1] + SANE_SPANS * w, b[2] - SANE_SPANS * h, b[3] + SANE_SPANS * h};
    }

    /** True if (x₁, x₂) is finite and inside {@code box} = {x1min, x1max, x2min, x2max}. */
    public static boolean inside(double[] box, double x1, double x2) {
        return x1 >= box[0] && x1 <= box[1] && x2 >= box[2] && x2 <= box[3]; // false for NaN
    }

    /**
     * Where the segment from (ax, ay) to (bx, by), pixels, leaves the plot rectangle: (bx, by) itself if it is
     * inside, the exit point if (ax, ay) is inside and (bx, by) is not, else (bx, by) clamped onto the rectangle.
     * A path that ends off the plot gets its end mark on the edge, where the reader last saw it go.
     */
    public double[] exitPoint(double ax, double ay, double bx, double by) {
        double x0 = LEFT;
        double y0 = TOP;
        double x1 = LEFT + plotWidth();
        double y1 = TOP + plotHeight();
        boolean aInside = ax >= x0 && ax <= x1 && ay >= y0 && ay <= y1;
        if (bx >= x0 && bx <= x1 && by >= y0 && by <= y1) {
            return new double[] {bx, by};
        }
        if (!aInside) {
            return new double[] {Math.max(x0, Math.min(x1, bx)), Math.max(y0, Math.min(y1, by))};
        }
        double t = 1; // the largest t in [0, 1] with a + t (b − a) inside the rectangle
        double dx = bx - ax;
        double dy = by - ay;
        if (dx > 0) {
            t = Math.min(t, (x1 - ax) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (x0 - ax) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (y1 - ay) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (y0 - ay) / dy);
        }
        return new double[] {ax + t * dx, ay + t * dy};
    }
}
