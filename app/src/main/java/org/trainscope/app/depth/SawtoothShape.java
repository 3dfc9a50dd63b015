package org.trainscope.app.depth;

/**
 * The sawtooth s_m drawn exactly: it is piecewise linear with its 2^m + 1 breakpoints at k/2^m, 0 where k is even
 * (x = j/2^(m−1)) and 1 where k is odd (the teeth's tips), so the polyline through them is s_m itself at any zoom.
 * Pure: no node, no drawing.
 */
final class SawtoothShape {
    /** Below this many pixels per tooth the teeth merge into a band and the zoom inset is shown. */
    static final double MIN_TOOTH_PX = 3;
    /** Teeth the inset shows: [0, 8/2^(m−1)] = [0, 1/2^(m−4)]. */
    static final int INSET_TEETH = 8;
    /** Most teeth marked on the full chart; beyond it they are marked in the inset only. */
    static final int MAX_MARKED_TEETH = 256;

    private SawtoothShape() {
    }

    /** {xs, ys}: the 2^m + 1 breakpoints of s_m on [0, 1] (2^m pieces). */
    static double[][] polyline(int m) {
        int n = 1 << m;
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            xs[k] = (double) k / n;   // exact: a dyadic rational
            ys[k] = k % 2;            // 0 at j/2^(m−1), 1 at the midpoints
        }
        return new double[][] {xs, ys};
    }

    /** True if {@code teeth} teeth on a plot {@code plotPx} wide are denser than {@link #MIN_TOOTH_PX}. */
    static boolean needsInset(int teeth, double plotPx) {
        return teeth > INSET_TEETH && plotPx / teeth < MIN_TOOTH_PX;
    }

    /** The inset's x range [0, hi]: the first {@link #INSET_TEETH} teeth, each 1/2^(m−1) wide. */
    static double insetEnd(int m) {
        return Math.min(1, INSET_TEETH / Math.pow(2, m - 1));
    }

    /** The first {@code count} of {@code xs} that are at most {@code hi} (the teeth the inset marks). */
    static double[] upTo(double[] xs, double hi) {
        int n = 0;
        while (n < xs.length && xs[n] <= hi) {
            n++;
        }
        return java.util.Arrays.copyOf(xs, n);
    }
}
