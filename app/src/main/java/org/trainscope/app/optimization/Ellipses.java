package org.trainscope.app.optimization;

/** Polylines for the map: level sets of a 2-D quadratic, covariance ellipses and arrows, in data coordinates. */
final class Ellipses {
    private static final int POINTS = 97;

    private Ellipses() {
    }

    /** q(d) = dᵀAd with A = [a b; b c] positive definite. */
    record Quadratic(double a, double b, double c) {
        /** The points p + d with q(d) = level: p + Q·diag(√(level/λ))·(cos t, sin t), A = QΛQᵀ. */
        double[][] levelSet(double px, double py, double level) {
            double mean = (a + c) / 2;
            double r = Math.hypot((a - c) / 2, b);
            double l1 = mean + r;
            double l2 = Math.max(mean - r, 1e-300);
            double theta = 0.5 * Math.atan2(2 * b, a - c);       // direction of the eigenvector of l1
            return ellipse(px, py, Math.sqrt(Math.max(level, 0) / l1), Math.sqrt(Math.max(level, 0) / l2), theta);
        }
    }

    /** The 1-σ ellipse of a covariance [c00 c01; c01 c11] around (px, py): its axes √λ along its eigenvectors. */
    static double[][] covariance(double px, double py, double c00, double c01, double c11) {
        double mean = (c00 + c11) / 2;
        double r = Math.hypot((c00 - c11) / 2, c01);
        double theta = 0.5 * Math.atan2(2 * c01, c00 - c11);
        return ellipse(px, py, Math.sqrt(Math.max(mean + r, 0)), Math.sqrt(Math.max(mean - r, 0)), theta);
    }

    private static double[][] ellipse(double px, double py, double major, double minor, double theta) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        for (int k = 0; k < POINTS; k++) {
            double t = 2 * Math.PI * k / (POINTS - 1);
            double u = major * Math.cos(t);
            double v = minor * Math.sin(t);
            x[k] = px + cos * u - sin * v;
            y[k] = py + sin * u + cos * v;
        }
        return new double[][] {x, y};
    }

    /**
     * A line from (x0, y0) to (x1, y1) with a head of two strokes, drawn as one polyline (tip → barb → tip → barb);
     * the head's size is a share of the visible width and height, so it looks the same at any zoom.
     */
    static double[][] arrow(double x0, double y0, double x1, double y1, double width, double height) {
        double dx = (x1 - x0) / width;
        double dy = (y1 - y0) / height;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return new double[][] {{x0}, {y0}};
        }
        double head = Math.min(0.025, 0.5 * len);
        double ux = dx / len;
        double uy = dy / len;
        double[] bx = new double[2];
        double[] by = new double[2];
        for (int s = 0; s < 2; s++) {
            double sign = s == 0 ? 1 : -1;
            double angle = Math.toRadians(150) * sign;     // barbs at ±150° from the direction
            double rx = ux * Math.cos(angle) - uy * Math.sin(angle);
            double ry = ux * Math.sin(angle) + uy * Math.cos(angle);
            bx[s] = x1 + head * rx * width;
            by[s] = y1 + head * ry * height;
        }
        return new double[][] {{x0, x1, bx[0], x1, bx[1]}, {y0, y1, by[0], y1, by[1]}};
    }

    /** Widens [range[0], range[1]] to hold the finite values. */
    static void include(double[] range, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
    }

    /** [lo, hi] of the values, padded by {@code pad} of their span on each side. */
    static double[] span(double[] v, double pad) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double p = (hi - lo) * pad;
        return new double[] {lo - p, hi + p};
    }
}
