package org.trainscope.engine.optim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.trainscope.engine.linalg.Blas;

/**
 * A {@link Vector} of FLOATs or DOUBLEs in native memory at a fixed address: the model's own memory (the MLP's θ and
 * ∇L, a {@code DenseMatrix}), or memory allocated here for an optimizer's state. From {@link Vector#BLAS_FROM}
 * elements on, each operation is one OpenBLAS call on the address; below, a loop over a {@link FloatBuffer} or
 * {@link DoubleBuffer} view of the same memory, rounding as OpenBLAS does (axpy fused, scal one product).
 */
final class NativeVector extends Vector {
    private final boolean single;      // FLOAT, else DOUBLE
    private final long address;
    private final int n;
    private final FloatBuffer floats;  // the memory as FLOAT (single) …
    private final DoubleBuffer doubles; // … or as DOUBLE
    private final Object owner;        // keeps the memory reachable as long as this vector (null: the caller does)

    private NativeVector(boolean single, long address, int n, Object owner) {
        if (address == 0 || n < 1) {
            throw new IllegalArgumentException("a native vector needs an address and n ≥ 1, got " + address + ", " + n);
        }
        Blas.load();
        this.single = single;
        this.address = address;
        this.n = n;
        this.owner = owner;
        ByteBuffer bytes = new com.sun.jna.Pointer(address).getByteBuffer(0, (long) n * (single ? Float.BYTES : Double.BYTES))
                .order(ByteOrder.nativeOrder());
        this.floats = single ? bytes.asFloatBuffer() : null;
        this.doubles = single ? null : bytes.asDoubleBuffer();
    }

    static NativeVector at(boolean single, long address, int n, Object owner) {
        return new NativeVector(single, address, n, owner);
    }

    /** n zeros in fresh native memory (JavaCPP, as the MLP allocates; freed when the vector is collected). */
    static NativeVector allocate(boolean single, int n) {
        Pointer memory = single ? new FloatPointer(n) : new DoublePointer(n);
        memory.fill(0);
        return new NativeVector(single, memory.address(), n, memory);
    }

    @Override
    public int length() {
        return n;
    }

    @Override
    public double get(int i) {
        return single ? floats.get(i) : doubles.get(i);
    }

    @Override
    public void set(int i, double value) {
        written();
        if (single) {
            floats.put(i, (float) value);
        } else {
            doubles.put(i, value);
        }
    }

    @Override
    public void copyFrom(Vector source) {
        written();
        NativeVector x = same(source);
        if (n >= BLAS_FROM) {
            if (single) {
                Blas.cblas_scopy(n, x.address, 1, address, 1);
            } else {
                Blas.cblas_dcopy(n, x.address, 1, address, 1);
            }
        } else if (single) {
            floats.put(0, x.floats, 0, n);
        } else {
            doubles.put(0, x.doubles, 0, n);
        }
    }

    @Override
    void axpy(double a, Vector v) {
        written();
        NativeVector x = same(v);
        if (n >= BLAS_FROM) {
            if (single) {
                Blas.cblas_saxpy(n, (float) a, x.address, 1, address, 1);
            } else {
                Blas.cblas_daxpy(n, a, x.address, 1, address, 1);
            }
        } else if (single) {
            float af = (float) a;
            for (int i = 0; i < n; i++) {
                floats.put(i, Math.fma(af, x.floats.get(i), floats.get(i)));
            }
        } else {
            for (int i = 0; i < n; i++) {
                doubles.put(i, Math.fma(a, x.doubles.get(i), doubles.get(i)));
            }
        }
    }

    @Override
    void setToSum(Vector p, double a, Vector d) {
        written();
        NativeVector x = same(p);
        NativeVector y = same(d);
        if (n >= BLAS_FROM) {
            copyFrom(x);
            axpy(a, y);
        } else if (single) {
            float af = (float) a;
            for (int i = 0; i < n; i++) {
                floats.put(i, Math.fma(af, y.floats.get(i), x.floats.get(i)));
            }
        } else {
            for (int i = 0; i < n; i++) {
                doubles.put(i, Math.fma(a, y.doubles.get(i), x.doubles.get(i)));
            }
        }
    }

    @Override
    void scale(double a) {
        written();
        if (n >= BLAS_FROM) {
            if (single) {
                Blas.cblas_sscal(n, (float) a, address, 1);
            } else {
                Blas.cblas_dscal(n, a, address, 1);
            }
        } else if (single) {
            float af = (float) a;
            for (int i = 0; i < n; i++) {
                floats.put(i, af * floats.get(i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                doubles.put(i, a * doubles.get(i));
            }
        }
    }

    @Override
    double dot(Vector v) {
        NativeVector x = same(v);
        if (n >= BLAS_FROM) {
            return single ? Blas.cblas_dsdot(n, x.address, 1, address, 1) : Blas.cblas_ddot(n, x.address, 1, address, 1);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += get(i) * x.get(i);
        }
        return s;
    }

    @Override
    void fill(double v) {
        written();
        for (int i = 0; i < n; i++) {
            set(i, v);
        }
    }

    /** dst[0 … len) ← elements from … from+len−1 (FLOAT widened, exactly). */
    void read(int from, double[] dst, int len) {
        if (single) {
            for (int k = 0; k < len; k++) {
                dst[k] = floats.get(from + k);
            }
        } else {
            doubles.get(from, dst, 0, len);
        }
    }

    /** Elements from … from+len−1 ← src[0 … len) (rounded to FLOAT if FLOAT). */
    void write(int from, double[] src, int len) {
        written();
        if (single) {
            for (int k = 0; k < len; k++) {
                floats.put(from + k, (float) src[k]);
            }
        } else {
            doubles.put(from, src, 0, len);
        }
    }

    @Override
    Vector zerosLike() {
        return allocate(single, n);
    }

    @Override
    boolean isFloat() {
        return single;
    }

    @Override
    boolean sameLayout(Vector other) {
        return other instanceof NativeVector v && v.single == single && v.n == n;
    }

    private NativeVector same(Vector other) {
        if (other instanceof NativeVector v && v.single == single && v.n == n) {
            return v;
        }
        throw layoutMismatch(other);
    }

    @Override
    public String toString() {
        return (single ? "native FLOAT[" : "native DOUBLE[") + n + "]";
    }
}
