package org.trainscope.app.landscape;

/**
 * Which corner of the plot the legend box goes in. First, it must not hide a key point (the start cross-hair, a
 * racer's current point); then it should hide as little of the trails as it can; among corners still tied, the one
 * farthest from the key points wins. All in pixels. Pure: no node, no drawing.
 */
final class LegendCorner {
    /** The four corners, in the order ties are broken. */
    enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    static final double INSET = 10; // pixels between the plot's edge and the box
    static final double MARGIN = 8;  // a point closer than this to the box counts as covered

    private LegendCorner() {
    }

    /** The corner as {@link #choose(double, double, double, double, double, double, double[], double[])}, no trails. */
    static Corner choose(double left, double top, double w, double h, double boxW, double boxH, double... points) {
        return choose(left, top, w, h, boxW, boxH, points, new double[0]);
    }

    /**
     * The corner whose box ({@code boxW} × {@code boxH}, {@link #INSET} inside the plot {@code left, top, w, h})
     * covers the fewest key points, then the fewest trail points, then lies farthest from its nearest key point.
     * {@code points} and {@code trail} hold (px, py) pairs; non-finite ones are ignored.
     */
    static Corner choose(double left, double top, double w, double h, double boxW, double boxH, double[] points,
                         double[] trail) {
        Corner best = Corner.TOP_LEFT;
        double[] bestScore = null;
        for (Corner c : Corner.values()) {
            double[] box = box(c, left, top, w, h, boxW, boxH);
            double nearest = Double.POSITIVE_INFINITY;
            int keysCovered = 0;
            for (int i = 0; i + 1 < points.length; i += 2) {
                if (Double.isFinite(points[i]) && Double.isFinite(points[i + 1])) {
                    double d = distance(box, points[i], points[i + 1]);
                    nearest = Math.min(nearest, d);
                    keysCovered += d < MARGIN ? 1 : 0;
                }
            }
            int trailCovered = 0;
            for (int i = 0; i + 1 < trail.length; i += 2) {
                trailCovered += distance(box, trail[i], trail[i + 1]) < MARGIN ? 1 : 0;   // NaN compares false
            }
            double[] score = {keysCovered, trailCovered, -nearest};
            if (bestScore == null || java.util.Arrays.compare(score, bestScore) < 0) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** The box's top-left corner and size in that corner: {x, y, w, h}. */
    static double[] box(Corner c, double left, double top, double w, double h, double boxW, double boxH) {
        boolean right = c == Corner.TOP_RIGHT || c == Corner.BOTTOM_RIGHT;
        boolean bottom = c == Corner.BOTTOM_LEFT || c == Corner.BOTTOM_RIGHT;
        double x = right ? left + w - INSET - boxW : left + INSET;
        double y = bottom ? top + h - INSET - boxH : top + INSET;
        return new double[] {x, y, boxW, boxH};
    }

    /** Euclidean distance from (px, py) to the rectangle {x, y, w, h}; 0 inside it. */
    private static double distance(double[] r, double px, double py) {
        double dx = Math.max(0, Math.max(r[0] - px, px - (r[0] + r[2])));
        double dy = Math.max(0, Math.max(r[1] - py, py - (r[1] + r[3])));
        return Math.hypot(dx, dy);
    }
}
