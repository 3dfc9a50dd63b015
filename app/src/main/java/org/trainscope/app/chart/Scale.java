package org.trainscope.app.chart;

/**
 * How values map to axis units: the identity on linear axes; log_b v on a logarithmic one; or, when the values cross
 * zero, the signed log sign(v)·log_b(1 + |v|/c) with {@code threshold} c &gt; 0 (linear within about ±c, logarithmic
 * beyond). Charts hold axis units, so JFreeChart only ever draws linear axes.
 */
public record Scale(Axis axis, double threshold) {
    static Scale of(Axis axis) {
        return new Scale(axis, 0);
    }

    public boolean signed() {
        return axis.logarithmic() && threshold > 0;
    }

    /** Axis units of value v; NaN where the axis cannot show it (v ≤ 0 on a plain log axis, non-finite v). */
    public double forward(double v) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        if (!axis.logarithmic()) {
            return v;
        }
        if (signed()) {
            return Math.signum(v) * Math.log1p(Math.abs(v) / threshold) / Math.log(axis.base());
        }
        return v > 0 ? Math.log(v) / Math.log(axis.base()) : Double.NaN;
    }

    /** The value at axis units t. */
    public double inverse(double t) {
        if (!axis.logarithmic()) {
            return t;
        }
        if (signed()) {
            return Math.signum(t) * threshold * Math.expm1(Math.abs(t) * Math.log(axis.base()));
        }
        return Math.pow(axis.base(), t);
    }

    /** The points (x_k, y_k) in axis units, leaving out those the axes cannot show. */
    static double[][] project(double[] x, double[] y, Scale sx, Scale sy) {
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int m = 0;
        for (int k = 0; k < x.length; k++) {
            double a = sx.forward(x[k]);
            double b = sy.forward(y[k]);
            if (Double.isFinite(a) && Double.isFinite(b)) {
                px[m] = a;
                py[m] = b;
                m++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(px, m), java.util.Arrays.copyOf(py, m)};
    }
}
