package org.trainscope.engine.linalg;

import java.nio.DoubleBuffer;

import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DOUBLE matrix in Fortran ('f', column-major) order whose ND4J buffer is also reachable as a raw pointer (for
 * OpenBLAS and LAPACK called directly, {@link Blas}) and as a direct {@link DoubleBuffer} (for element loops without per-element
 * native calls). Entry (i, j) lives at {@code i + j·rows}. Preallocate these once and reuse them in hot loops: a
 * 100×100 GEMM through {@link #gemm} costs ~35 µs, the same product through {@code INDArray.mmul} 80–140 µs
 * (shared/STACK.md: 'c' order, allocation per call and two BLAS threads are what made ND4J slow here).
 */
public final class DenseMatrix {
    private final int rows;
    private final int cols;
    private final INDArray array;
    private final DoublePointer pointer;
    private final DoubleBuffer buffer;
    private final long address;

    /** A zero matrix. */
    public DenseMatrix(int rows, int cols) {
        Nd4jRuntime.init();
        this.rows = rows;
        this.cols = cols;
        this.array = Nd4j.create(DataType.DOUBLE, new long[] {rows, cols}, 'f');
        this.pointer = new DoublePointer(array.data().addressPointer()).capacity((long) rows * cols);
        this.buffer = pointer.asBuffer();
        this.address = Blas.address(pointer);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The ND4J view of the same memory (e.g. for {@link Svd#of}); valid as long as this matrix lives. */
    public INDArray array() {
        return array;
    }

    /** The raw column-major data for BLAS/LAPACK. */
    public DoublePointer pointer() {
        return pointer;
    }

    /** The native address of entry (0, 0), for {@link Blas}. */
    public long address() {
        return address;
    }

    /** The same memory as a direct buffer; index {@code i + j·rows}. */
    public DoubleBuffer buffer() {
        return buffer;
    }

    public double get(int i, int j) {
        return buffer.get(i + j * rows);
    }

    public void set(int i, int j, double v) {
        buffer.put(i + j * rows, v);
    }

    /** Copies column-major data in. */
    public void copyFrom(double[] columnMajor) {
        if (columnMajor.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows * cols + " values, got " + columnMajor.length);
        }
        buffer.put(0, columnMajor);
    }

    /** Copies another matrix of the same shape in (BLAS dcopy). */
    public void copyFrom(DenseMatrix other) {
        checkSameShape(other);
        Blas.cblas_dcopy(rows * cols, other.address(), 1, address(), 1);
    }

    /** A column-major copy of the data. */
    public double[] toArray() {
        double[] out = new double[rows * cols];
        buffer.get(0, out);
        return out;
    }

    /** this ← this + α·x (BLAS daxpy). */
    public void addScaled(double alpha, DenseMatrix x) {
        checkSameShape(x);
        Blas.cblas_daxpy(rows * cols, alpha, x.address(), 1, address(), 1);
    }

    /** ‖this‖_F² (BLAS ddot); not finite if any entry is not. */
    public double frobeniusSquared() {
        return Blas.cblas_ddot(rows * cols, address(), 1, address(), 1);
    }

    /**
     * C ← α·op(A)·op(B) + β·C by OpenBLAS dgemm on the three buffers, op = transpose when asked. No allocation.
     */
    public static void gemm(boolean transA, boolean transB, double alpha, DenseMatrix a, DenseMatrix b, double beta,
                            DenseMatrix c) {
        gemmColumns(transA, transB, alpha, a, b, beta, c, 0, c.cols);
    }

    /**
     * Columns c0 … c1−1 of {@link #gemm}: C[:, c0:c1] ← α·op(A)·op(B)[:, c0:c1] + β·C[:, c0:c1], the other columns
     * untouched. Each entry of C is the same sum, in the same order, as in the whole product (dgemm cuts k the same
     * way for any number of columns; a test checks the bits), so two disjoint column ranges may run on two cores.
     */
    public static void gemmColumns(boolean transA, boolean transB, double alpha, DenseMatrix a, DenseMatrix b,
                                   double beta, DenseMatrix c, int c0, int c1) {
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb || c.rows != m || c.cols != n || c0 < 0 || c1 > n || c0 > c1) {
            throw new IllegalArgumentException("gemm shapes: op(A) " + m + "x" + k + ", op(B) " + kb + "x" + n
                    + ", C " + c.rows + "x" + c.cols + ", columns " + c0 + ".." + c1);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("gemm output must not alias an input");
        }
        // op(B)[:, c0:c1] starts at column c0 of B, or at row c0 of B when op transposes it
        long bStart = b.address + (long) Double.BYTES * (transB ? c0 : (long) c0 * b.rows);
        Blas.cblas_dgemm(Blas.COL_MAJOR, transA ? Blas.TRANS : Blas.NO_TRANS, transB ? Blas.TRANS : Blas.NO_TRANS,
                m, c1 - c0, k, alpha, a.address, a.rows, bStart, b.rows, beta,
                c.address + (long) Double.BYTES * c0 * c.rows, c.rows);
    }

    private void checkSameShape(DenseMatrix o) {
        if (o.rows != rows || o.cols != cols) {
            throw new IllegalArgumentException("shape " + o.rows + "x" + o.cols + " vs " + rows + "x" + cols);
        }
    }
}
