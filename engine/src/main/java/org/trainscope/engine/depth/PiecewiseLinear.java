package org.trainscope.engine.depth;

import java.util.Arrays;

/**
 * A continuous piecewise-linear function on [x_0, x_n], given by its knots x_0 &lt; … &lt; x_n and values y_i; linear
 * between consecutive knots. Knots may be redundant (equal slopes on both sides): {@link #pieces} counts only real
 * slope changes. Immutable.
 */
public final class PiecewiseLinear {
    /** Relative tolerance for "two slopes differ": far above double rounding of a trained net's slopes (≈1e-16·|s|·depth), far below any real kink. */
    public static final double SLOPE_TOLERANCE = 1e-9;

    private final double[] xs;
    private final double[] ys;

    /** Knots (strictly increasing) and values; the arrays are copied. */
    public PiecewiseLinear(double[] xs, double[] ys) {
        if (xs.length < 2 || xs.length != ys.length) {
            throw new IllegalArgumentException("need ≥ 2 knots and one value per knot, got " + xs.length + ", " + ys.length);
        }
        for (int i = 1; i < xs.length; i++) {
            if (!(xs[i] > xs[i - 1])) {
                throw new IllegalArgumentException("knots must increase: x[" + (i - 1) + "] = " + xs[i - 1] + ", x[" + i + "] = " + xs[i]);
            }
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
    }

    public double[] knots() {
        return xs.clone();
    }

    public double[] values() {
        return ys.clone();
    }

    /** Slope of piece i, (y_{i+1} − y_i)/(x_{i+1} − x_i). */
    private double slope(int i) {
        return (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
    }

    private static boolean differ(double a, double b) {
        return Math.abs(a - b) > SLOPE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** The knots where the slope really changes, plus both ends: the breakpoints of the function. */
    public double[] breakpoints() {
        double[] out = new double[xs.length];
        int n = 0;
        out[n++] = xs[0];
        for (int i = 1; i < xs.length - 1; i++) {
            if (differ(slope(i - 1), slope(i))) {
                out[n++] = xs[i];
            }
        }
        out[n++] = xs[xs.length - 1];
        return Arrays.copyOf(out, n);
    }

    /** Number of maximal linear pieces: 1 + the number of interior knots where the slope changes. */
    public int pieces() {
        return breakpoints().length - 1;
    }

    /** Positions of the teeth: interior local maxima, where the slope turns from rising to falling (flat stretches skipped). */
    public double[] teeth() {
        double[] out = new double[xs.length];
        int n = 0;
        int lastSign = 0;
        int lastTurn = -1;
        for (int i = 0; i < xs.length - 1; i++) {
            double s = slope(i);
            int sign = Math.abs(s) <= SLOPE_TOLERANCE * Math.max(1.0, Math.abs(s)) ? 0 : (s > 0 ? 1 : -1);
            if (sign == 0) {
                continue;
            }
            if (lastSign > 0 && sign < 0) {
                out[n++] = xs[lastTurn];
            }
            lastSign = sign;
            lastTurn = i + 1; // the knot at the end of the last non-flat piece
        }
        return Arrays.copyOf(out, n);
    }

    /** f(x) by linear interpolation (x clamped to the domain). */
    public double at(double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        if (x >= xs[xs.length - 1]) {
            return ys[ys.length - 1];
        }
        int i = Arrays.binarySearch(xs, x);
        if (i >= 0) {
            return ys[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        return ys[lo] + (ys[hi] - ys[lo]) * ((x - xs[lo]) / (xs[hi] - xs[lo]));
    }

    /**
     * sup |f − x²| over the domain, exactly: on a piece where f = ℓ is linear, ℓ − x² is concave with its maximum at
     * x* = ℓ'/2 (clamped to the piece) and its minimum at an end, so the sup of |·| is among those points.
     *
     * @param values f at the knots, e.g. a network's outputs there (replaces the stored values)
     */
    public double supErrorAgainstSquare(double[] values) {
        double sup = 0;
        for (int i = 0; i < xs.length - 1; i++) {
            double a = xs[i];
            double b = xs[i + 1];
            double s = (values[i + 1] - values[i]) / (b - a);
            double star = Math.min(b, Math.max(a, s / 2));             // argmax of ℓ(x) − x² on [a, b]
            double peak = values[i] + s * (star - a) - star * star;     // ℓ(x*) − x*²
            sup = Math.max(sup, Math.max(Math.abs(peak), Math.max(Math.abs(values[i] - a * a), Math.abs(values[i + 1] - b * b))));
        }
        return sup;
    }
}
