package org.trainscope.engine.optim;

import java.util.Arrays;
import java.util.Objects;

/** A {@link Vector} over a Java {@code double[]}, live; always plain loops (a heap array has no address for BLAS). */
final class HeapVector extends Vector {
    final double[] a;

    HeapVector(double[] a) {
        this.a = Objects.requireNonNull(a, "array");
    }

    @Override
    public int length() {
        return a.length;
    }

    @Override
    public double get(int i) {
        return a[i];
    }

    @Override
    public void set(int i, double value) {
        written();
        a[i] = value;
    }

    @Override
    public void copyFrom(Vector source) {
        written();
        System.arraycopy(same(source).a, 0, a, 0, a.length);
    }

    @Override
    public double[] toArray() {
        return a.clone();
    }

    @Override
    void axpy(double alpha, Vector x) {
        written();
        double[] b = same(x).a;
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.fma(alpha, b[i], a[i]);
        }
    }

    @Override
    void setToSum(Vector p, double alpha, Vector d) {
        written();
        double[] x = same(p).a;
        double[] b = same(d).a;
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.fma(alpha, b[i], x[i]);
        }
    }

    @Override
    void scale(double alpha) {
        written();
        for (int i = 0; i < a.length; i++) {
            a[i] *= alpha;
        }
    }

    @Override
    double dot(Vector x) {
        double[] b = same(x).a;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    void fill(double v) {
        written();
        Arrays.fill(a, v);
    }

    @Override
    Vector zerosLike() {
        return new HeapVector(new double[a.length]);
    }

    @Override
    boolean isFloat() {
        return false;
    }

    @Override
    boolean sameLayout(Vector other) {
        return other instanceof HeapVector h && h.a.length == a.length;
    }

    private HeapVector same(Vector other) {
        if (other instanceof HeapVector h && h.a.length == a.length) {
            return h;
        }
        throw layoutMismatch(other);
    }

    @Override
    public String toString() {
        return "double[" + a.length + "]";
    }
}
