package org.trainscope.engine.linalg;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Preallocated singular value decompositions of one n×n matrix shape by LAPACK's divide-and-conquer {@code dgesdd}
 * (the driver NumPy and PyTorch use), called through {@link Blas} directly on {@link DenseMatrix} buffers: no
 * allocation per call. {@code dgesdd} overwrites its input, so the matrix is first copied into a private work
 * matrix. About 3× faster than {@code gesvd} with vectors at 100×100; values only is cheaper still.
 */
public final class Gesdd {
    private final int n;
    private final DenseMatrix work;
    private final DenseMatrix u;
    private final DenseMatrix vt;
    private final DoublePointer s;

    public Gesdd(int n) {
        this.n = n;
        this.work = new DenseMatrix(n, n);
        this.u = new DenseMatrix(n, n);
        this.vt = new DenseMatrix(n, n);
        this.s = new DoublePointer(n);
    }

    /** σ₁ ≥ … ≥ σ_n of {@code a} into {@code out} (length n); {@code a} is not modified. */
    public void singularValues(DenseMatrix a, double[] out) {
        run(a, (byte) 'N');
        s.get(out, 0, n);
    }

    /**
     * The full decomposition A = U·diag(σ)·Vᵀ: values into {@code out}, vectors readable through {@link #u()} and
     * {@link #vt()} until the next call.
     */
    public void decompose(DenseMatrix a, double[] out) {
        run(a, (byte) 'S');
        s.get(out, 0, n);
    }

    /** Left singular vectors (columns) of the last {@link #decompose}. */
    public DenseMatrix u() {
        return u;
    }

    /** Right singular vectors as rows of Vᵀ, of the last {@link #decompose}. */
    public DenseMatrix vt() {
        return vt;
    }

    private void run(DenseMatrix a, byte job) {
        if (a.rows() != n || a.cols() != n) {
            throw new IllegalArgumentException("expected " + n + "x" + n + ", got " + a.rows() + "x" + a.cols());
        }
        work.copyFrom(a);
        int info = Blas.LAPACKE_dgesdd(Blas.COL_MAJOR, job, n, n, work.address(), n, Blas.address(s), u.address(), n,
                vt.address(), n);
        if (info != 0) {
            throw new ArithmeticException("dgesdd failed, info = " + info + (info > 0 ? " (did not converge)" : ""));
        }
    }
}
