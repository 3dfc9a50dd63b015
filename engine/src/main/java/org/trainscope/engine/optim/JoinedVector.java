package org.trainscope.engine.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Several vectors end to end, as one (the arrays of a network's layers, the factors W_1 … W_N): every operation goes
 * part by part, each on its own path (BLAS or loop). Two joined vectors combine only if their parts match one to one.
 */
final class JoinedVector extends Vector {
    private final Vector[] parts;   // leaves, never joined vectors themselves
    private final int n;

    JoinedVector(Vector... parts) {
        List<Vector> leaves = new ArrayList<>();
        for (Vector p : parts) {
            leaves.addAll(p.parts());
        }
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("join needs at least one part");
        }
        this.parts = leaves.toArray(new Vector[0]);
        int total = 0;
        for (Vector p : this.parts) {
            total = Math.addExact(total, p.length());
        }
        this.n = total;
    }

    @Override
    public int length() {
        return n;
    }

    @Override
    public double get(int i) {
        for (Vector p : parts) {
            if (i < p.length()) {
                return p.get(i);
            }
            i -= p.length();
        }
        throw new IndexOutOfBoundsException(i);
    }

    @Override
    public void set(int i, double value) {
        for (Vector p : parts) {
            if (i < p.length()) {
                p.set(i, value);
                return;
            }
            i -= p.length();
        }
        throw new IndexOutOfBoundsException(i);
    }

    @Override
    public long version() {
        long v = 0;
        for (Vector p : parts) {
            v += p.version();
        }
        return v;
    }

    @Override
    public void copyFrom(Vector source) {
        Vector[] other = same(source).parts;
        for (int p = 0; p < parts.length; p++) {
            parts[p].copyFrom(other[p]);
        }
    }

    @Override
    void axpy(double a, Vector x) {
        Vector[] other = same(x).parts;
        for (int p = 0; p < parts.length; p++) {
            parts[p].axpy(a, other[p]);
        }
    }

    @Override
    void setToSum(Vector p, double a, Vector d) {
        Vector[] x = same(p).parts;
        Vector[] y = same(d).parts;
        for (int k = 0; k < parts.length; k++) {
            parts[k].setToSum(x[k], a, y[k]);
        }
    }

    @Override
    void scale(double a) {
        for (Vector p : parts) {
            p.scale(a);
        }
    }

    @Override
    double dot(Vector x) {
        Vector[] other = same(x).parts;
        double s = 0;
        for (int p = 0; p < parts.length; p++) {
            s += parts[p].dot(other[p]);
        }
        return s;
    }

    @Override
    void fill(double v) {
        for (Vector p : parts) {
            p.fill(v);
        }
    }

    @Override
    Vector zerosLike() {
        Vector[] zeros = new Vector[parts.length];
        for (int p = 0; p < parts.length; p++) {
            zeros[p] = parts[p].zerosLike();
        }
        return new JoinedVector(zeros);
    }

    @Override
    boolean isFloat() {
        for (Vector p : parts) {
            if (p.isFloat()) {
                return true;
            }
        }
        return false;
    }

    @Override
    List<Vector> parts() {
        return List.of(parts);
    }

    @Override
    boolean sameLayout(Vector other) {
        if (!(other instanceof JoinedVector j) || j.parts.length != parts.length) {
            return false;
        }
        for (int p = 0; p < parts.length; p++) {
            if (!parts[p].sameLayout(j.parts[p])) {
                return false;
            }
        }
        return true;
    }

    private JoinedVector same(Vector other) {
        if (sameLayout(other)) {
            return (JoinedVector) other;
        }
        throw layoutMismatch(other);
    }

    @Override
    public String toString() {
        return "join" + List.of(parts);
    }
}
