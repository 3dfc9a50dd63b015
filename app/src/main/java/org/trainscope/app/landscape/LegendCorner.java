package org.trainscope.app.landscape;

/**
 * Which corner of the plot the legend box goes in: the one whose box lies farthest from the points it must not
 * hide (the start cross-hair and the racers' current points, in pixels). Pure: no node, no drawing.
 */
final class LegendCorner {
    /** The four corners, in the order ties are broken. */
    enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    static final double INSET = 10; // pixels between the plot's edge and the box

    private LegendCorner() {
    }

    /**
     * The corner whose box ({@code boxW} × {@code boxH}, {@link #INSET} inside the plot {@code left, top, w, h})
     * has the largest distance to its nearest point; {@code points} holds (px, py) pairs, non-finite ones ignored.
     */
    static Corner choose(double left, double top, double w, double h, double boxW, double boxH, double... points) {
        Corner best = Corner.TOP_LEFT;
        double bestDistance = -1;
        for (Corner c : Corner.values()) {
            double[] box = box(c, left, top, w, h, boxW, boxH);
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 1 < points.length; i += 2) {
                if (Double.isFinite(points[i]) && Double.isFinite(points[i + 1])) {
                    nearest = Math.min(nearest, distance(box, points[i], points[i + 1]));
                }
            }
            if (nearest > bestDistance) {
                bestDistance = nearest;
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
