package org.trainscope.app.chart;

/**
 * What an axis shows, declared by the view; the chart policy derives its scale, range and ticks from it
 * ({@link Ranges}, {@link Ticks}).
 */
public enum Axis {
    /** Any real values: the data's range, padded. */
    LINEAR,
    /** Non-negative shares such as a histogram's heights: from 0 up to the largest value, at most 1. */
    FRACTION,
    /** Accuracies and other values in [0, 1]: always the whole interval, so 0.9 and 1.0 look apart. */
    UNIT_INTERVAL,
    /** Steps, depths, layer numbers: integer ticks from 0 up, never below 0. */
    STEPS,
    /**
     * Positive values over decades (losses, singular values, errors): log₁₀ with a tick every decade. If values
     * below 0 appear (the loss on a saddle), the signed log sign(v)·log₁₀(1 + |v|/c) shows both sides.
     */
    LOG,
    /** Counts that double (widths, pieces): log₂, ticks at 2ᵏ. */
    LOG2;

    boolean logarithmic() {
        return this == LOG || this == LOG2;
    }

    double base() {
        return this == LOG2 ? 2 : 10;
    }
}
