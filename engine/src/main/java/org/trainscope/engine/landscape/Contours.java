package org.trainscope.engine.landscape;

import java.util.Arrays;

/** Level sets of a {@link Grid}: log-spaced levels and marching-squares segments. */
public final class Contours {
    private Contours() {
    }

    /**
     * {@code n} levels spaced evenly in log(f − fmin): fmin + δ·(span/δ)^{k/(n−1)}, k = 0…n−1, with δ = span·1e-4.
     * Log spacing puts many lines near the minima, where a landscape's story is, and still shows the walls.
     */
    public static double[] logLevels(double fmin, double fmax, int n) {
        double span = fmax - fmin;
        if (!(span > 0) || n < 1) {
            return new double[0];
        }
        double delta = span * 1e-4;
        double[] levels = new double[n];
        for (int k = 0; k < n; k++) {
            double frac = n == 1 ? 0.5 : (double) k / (n - 1);
            levels[k] = fmin + delta * Math.pow(span / delta, frac);
        }
        return levels;
    }

    /**
     * The segments where the bilinear interpolant of the grid crosses {@code level}, as
     * {x1a, x2a, x1b, x2b, …} in data coordinates (marching squares; ambiguous saddle cells resolved by the cell's
     * centre value).
     */
    public static double[] trace(Grid g, double level) {
        double[] out = new double[256];
        int n = 0;
        for (int j = 0; j + 1 < g.ny(); j++) {
            for (int i = 0; i + 1 < g.nx(); i++) {
                double v00 = g.at(i, j) - level;
                double v10 = g.at(i + 1, j) - level;
                double v11 = g.at(i + 1, j + 1) - level;
                double v01 = g.at(i, j + 1) - level;
                if (!(Double.isFinite(v00) && Double.isFinite(v10) && Double.isFinite(v11) && Double.isFinite(v01))) {
                    continue;
                }
                int c = (v00 > 0 ? 1 : 0) | (v10 > 0 ? 2 : 0) | (v11 > 0 ? 4 : 0) | (v01 > 0 ? 8 : 0);
                if (c == 0 || c == 15) {
                    continue;
                }
                // Crossing points on the four edges: bottom (00-10), right (10-11), top (01-11), left (00-01).
                double x0 = g.x1(i);
                double x1 = g.x1(i + 1);
                double y0 = g.x2(j);
                double y1 = g.x2(j + 1);
                double[] e = new double[8];
                e[0] = lerp(x0, x1, v00, v10);
                e[1] = y0;
                e[2] = x1;
                e[3] = lerp(y0, y1, v10, v11);
                e[4] = lerp(x0, x1, v01, v11);
                e[5] = y1;
                e[6] = x0;
                e[7] = lerp(y0, y1, v00, v01);
                int[] pairs = edgePairs(c, (v00 + v10 + v11 + v01) / 4 > 0);
                for (int k = 0; k < pairs.length; k += 2) {
                    if (n + 4 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = e[2 * pairs[k]];
                    out[n++] = e[2 * pairs[k] + 1];
                    out[n++] = e[2 * pairs[k + 1]];
                    out[n++] = e[2 * pairs[k + 1] + 1];
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static double lerp(double a, double b, double va, double vb) {
        return a + (b - a) * (va / (va - vb));
    }

    /** Which edges (0 bottom, 1 right, 2 top, 3 left) each case connects. */
    private static int[] edgePairs(int c, boolean centreAbove) {
        return switch (c) {
            case 1, 14 -> new int[] {3, 0};
            case 2, 13 -> new int[] {0, 1};
            case 3, 12 -> new int[] {3, 1};
            case 4, 11 -> new int[] {1, 2};
            case 6, 9 -> new int[] {0, 2};
            case 7, 8 -> new int[] {3, 2};
            // saddles: corners 00 and 11 above (5) or 10 and 01 above (10)
            case 5 -> centreAbove ? new int[] {3, 2, 0, 1} : new int[] {3, 0, 1, 2};
            case 10 -> centreAbove ? new int[] {3, 0, 1, 2} : new int[] {3, 2, 0, 1};
            default -> new int[0];
        };
    }
}
