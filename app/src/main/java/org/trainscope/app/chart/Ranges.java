package org.trainscope.app.chart;

import java.util.Collection;

/**
 * The range of an axis from the values it must show. Pure: the chart passes the values of the series still running
 * (a diverged series is left out, so the others keep their scale) and whatever else the axis must reach.
 */
final class Ranges {
    /** A logarithmic axis spans at most this many decades, cut at the bottom: the top is where curves differ. */
    static final double MAX_DECADES = 30;
    /** Nor less than this many: a flat curve is not blown up into noise. */
    static final double MIN_DECADES = 0.5;
    /** Each end is padded by this share of the span, so no curve runs along the frame. */
    static final double PAD = 0.04;

    private Ranges() {
    }

    /** The range of an axis of kind {@code axis} that shows every finite value in {@code values}. */
    static AxisRange of(Axis axis, Collection<double[]> values) {
        Stats s = new Stats();
        for (double[] a : values) {
            for (double v : a) {
                s.add(v);
            }
        }
        Scale linear = Scale.of(axis);
        return switch (axis) {
            case UNIT_INTERVAL -> new AxisRange(linear, -PAD * 0.75, 1 + PAD * 0.75);
            case FRACTION -> new AxisRange(linear, 0, s.count == 0 || s.max >= 0.93 ? 1 + PAD : Math.max(s.max, 0.01) * (1 + 2 * PAD));
            case STEPS -> new AxisRange(linear, 0, s.count == 0 ? 1 : Math.max(1, s.max) * (1 + PAD / 2));
            case LINEAR -> linear(linear, s);
            case LOG, LOG2 -> s.negative ? signedLog(axis, s) : log(axis, s);
        };
    }

    private static AxisRange linear(Scale scale, Stats s) {
        if (s.count == 0) {
            return new AxisRange(scale, 0, 1);
        }
        double span = s.max - s.min;
        double pad = span > 0 ? span * PAD : s.max != 0 ? Math.abs(s.max) * 0.1 : 1;
        return new AxisRange(scale, s.min - pad, s.max + pad);
    }

    private static AxisRange log(Axis axis, Stats s) {
        Scale scale = Scale.of(axis);
        if (s.positive == 0) {
            return new AxisRange(scale, 0, 1);
        }
        double decade = Math.log(10) / Math.log(axis.base()); // one decade in axis units
        double lo = scale.forward(s.minPositive);
        double hi = scale.forward(s.max);
        lo = Math.max(lo, hi - MAX_DECADES * decade);
        return padded(scale, lo, hi, MIN_DECADES * decade);
    }

    /**
     * Values on both sides of 0 (a saddle's loss): c is the decade of the smallest magnitude, so that every curve keeps
     * its shape however far another one has run off (a hundred decades at most, against underflow).
     */
    private static AxisRange signedLog(Axis axis, Stats s) {
        double b = axis.base();
        double smallest = Math.max(s.minNonZeroAbs, s.maxAbs * 1e-100);
        double c = Math.pow(b, Math.floor(Math.log(smallest) / Math.log(b)));
        Scale scale = new Scale(axis, c);
        double lo = Math.min(0, scale.forward(s.min));
        double hi = Math.max(0, scale.forward(s.max));
        return padded(scale, lo, hi, 1);
    }

    private static AxisRange padded(Scale scale, double lo, double hi, double minSpan) {
        if (hi - lo < minSpan) {
            double mid = (lo + hi) / 2;
            lo = mid - minSpan / 2;
            hi = mid + minSpan / 2;
        }
        double pad = (hi - lo) * PAD;
        return new AxisRange(scale, lo - pad, hi + pad);
    }

    /** One pass over the values: what each kind of range needs. */
    private static final class Stats {
        int count;
        int positive;
        boolean negative;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double minPositive = Double.POSITIVE_INFINITY;
        double minNonZeroAbs = Double.POSITIVE_INFINITY;
        double maxAbs;

        void add(double v) {
            if (!Double.isFinite(v)) {
                return;
            }
            count++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            double a = Math.abs(v);
            maxAbs = Math.max(maxAbs, a);
            if (v > 0) {
                positive++;
                minPositive = Math.min(minPositive, v);
            }
            negative |= v < 0;
            if (a > 0) {
                minNonZeroAbs = Math.min(minNonZeroAbs, a);
            }
        }
    }
}
