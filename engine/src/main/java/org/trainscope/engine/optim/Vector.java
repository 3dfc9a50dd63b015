package org.trainscope.engine.optim;

import java.util.List;

import org.trainscope.engine.linalg.DenseMatrix;

/**
 * n numbers that an optimizer reads and updates in place, as one flat vector: the parameters x, the gradient ∇f(x)
 * and the rule's state (velocities, moments) share one layout. The storage is the model's own, live, never copied:
 * <ul>
 *   <li>{@link #of(double...)}: a Java {@code double[]} (the landscape's two coordinates, small networks);</li>
 *   <li>{@link #floats(long, int)}, {@link #doubles(long, int)}, {@link #of(DenseMatrix)}: FLOAT or DOUBLE native
 *       memory at an address (the MLP's parameter vector θ, a factor of a deep factorization);</li>
 *   <li>{@link #join}: several of these end to end (one vector for a list of layers or factors).</li>
 * </ul>
 *
 * <p>The rules see only four whole-vector operations — y ← y + a·x, x ← a·x, copy, xᵀy — and, for their
 * elementwise parts, {@link Chunks}. On native memory of {@value #BLAS_FROM} or more elements each operation is one
 * OpenBLAS call; below that, and on heap arrays, a plain Java loop (a JNA call costs ~200 ns, measured here, a loop
 * ~0.5 ns per element: on two numbers the call would be the whole cost). Both paths round alike — y + a·x as one
 * fused multiply-add ({@link Math#fma}), as OpenBLAS's kernels compute every element of axpy (checked by VectorTest),
 * a·x as one product — so a rule gives the same bits on a small and a large DOUBLE vector.
 */
public abstract sealed class Vector permits HeapVector, NativeVector, JoinedVector {
    /** From this length on, native vectors go through BLAS. */
    static final int BLAS_FROM = 512;

    private long writes;   // of a leaf; a join sums its parts'

    Vector() {
    }

    /** The array itself, live: the optimizer's writes are the caller's. */
    public static Vector of(double... values) {
        return new HeapVector(values);
    }

    /** The arrays end to end, live (a list of parameter arrays, one per layer). */
    public static Vector join(double[]... arrays) {
        Vector[] parts = new Vector[arrays.length];
        for (int p = 0; p < arrays.length; p++) {
            parts[p] = of(arrays[p]);
        }
        return join(parts);
    }

    /** The vectors end to end, as one; all parts of the layouts the rules combine must match part by part. */
    public static Vector join(Vector... parts) {
        return parts.length == 1 ? parts[0] : new JoinedVector(parts);
    }

    /** {@code length} FLOATs at a native address (e.g. {@code Mlp.parameterAddress()}); the memory must outlive it. */
    public static Vector floats(long address, int length) {
        return NativeVector.at(true, address, length, null);
    }

    /** {@code length} DOUBLEs at a native address; the memory must outlive the vector. */
    public static Vector doubles(long address, int length) {
        return NativeVector.at(false, address, length, null);
    }

    /** The matrix's column-major entries, live (the vector keeps the matrix reachable). */
    public static Vector of(DenseMatrix m) {
        return NativeVector.at(false, m.address(), m.rows() * m.cols(), m);
    }

    /** {@code length} zero FLOATs in fresh native memory. */
    public static Vector floats(int length) {
        return NativeVector.allocate(true, length);
    }

    /** {@code length} zero DOUBLEs in fresh native memory. */
    public static Vector doubles(int length) {
        return NativeVector.allocate(false, length);
    }

    public abstract int length();

    /** Element i (FLOAT widened, exactly). */
    public abstract double get(int i);

    /** Sets element i (rounded to FLOAT if the storage is FLOAT). */
    public abstract void set(int i, double value);

    /** this ← source, exactly; the layouts must match. */
    public abstract void copyFrom(Vector source);

    /**
     * A count that changes whenever elements may have been written through this vector — by the optimizer (its
     * update, Nesterov's look-ahead swapped in by {@link Objective#atParameters} and put back) or by
     * {@link #set}/{@link #copyFrom}. A model that keeps something computed at θ (a forward pass) compares it with
     * the version it computed at to know whether θ moved. Writes to the underlying array or memory by other means
     * are not counted: the model makes those itself.
     */
    public long version() {
        return writes;
    }

    /** Counts a write (see {@link #version()}). */
    final void written() {
        writes++;
    }

    /** A copy of every element, in order (FLOAT widened, exactly). */
    public double[] toArray() {
        double[] out = new double[length()];
        int off = 0;
        for (Vector part : parts()) {
            for (int i = 0; i < part.length(); i++) {
                out[off + i] = part.get(i);
            }
            off += part.length();
        }
        return out;
    }

    /** Sets every element from {@code values} (of this length), rounded to FLOAT where the storage is FLOAT. */
    public void set(double[] values) {
        if (values.length != length()) {
            throw new IllegalArgumentException("expected " + length() + " values, got " + values.length);
        }
        int off = 0;
        for (Vector part : parts()) {
            for (int i = 0; i < part.length(); i++) {
                part.set(i, values[off + i]);
            }
            off += part.length();
        }
    }

    // ---- what the rules use ----

    /** this ← this + a·x, each element rounded once (a fused multiply-add). */
    abstract void axpy(double a, Vector x);

    /** this ← p + a·d, each element rounded once (as a copy and an axpy, fused into one pass on the loop path). */
    abstract void setToSum(Vector p, double a, Vector d);

    /** this ← a·this. */
    abstract void scale(double a);

    /** thisᵀx (summation order depends on the path: use for reporting, not for the trajectory). */
    abstract double dot(Vector x);

    /** Every element ← v. */
    abstract void fill(double v);

    /** A new vector of zeros with this layout (the same storage kind, precision and parts). */
    abstract Vector zerosLike();

    /** True if some element is stored in FLOAT. */
    abstract boolean isFloat();

    /** The storage pieces, in order: this vector itself unless it is a {@link #join}. */
    List<Vector> parts() {
        return List.of(this);
    }

    /** True if {@code other} is stored like this (kind, precision and length, part by part). */
    abstract boolean sameLayout(Vector other);

    final IllegalArgumentException layoutMismatch(Vector other) {
        return new IllegalArgumentException("vector layouts differ: " + this + " vs " + other);
    }
}
