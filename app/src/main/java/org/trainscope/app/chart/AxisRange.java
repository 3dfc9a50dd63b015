package org.trainscope.app.chart;

/** An axis's scale and its visible range in axis units ({@link Scale#forward}). */
public record AxisRange(Scale scale, double lower, double upper) {
    /** The lowest value shown. */
    public double lowerValue() {
        return scale.inverse(lower);
    }

    /** The highest value shown. */
    public double upperValue() {
        return scale.inverse(upper);
    }
}
