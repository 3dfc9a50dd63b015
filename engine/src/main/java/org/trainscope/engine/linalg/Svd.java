package org.trainscope.engine.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The singular value decomposition A = U·diag(σ)·Vᵀ of an ND4J matrix by LAPACK's {@code gesvd} through
 * {@link Blas} (ND4J 1.0.0-M2.1's own {@code Svd} op fails for larger matrices, shared/STACK.md). The input is
 * never modified (gesvd overwrites a Fortran-order copy).
 *
 * @param u  m×m left singular vectors (columns), or null if only values were asked for
 * @param s  the min(m, n) singular values, descending
 * @param vt n×n right singular vectors (rows of Vᵀ), or null if only values were asked for
 */
public record Svd(INDArray u, double[] s, INDArray vt) {

    /** σ₁ ≥ σ₂ ≥ … ≥ 0 of a DOUBLE matrix. */
    public static double[] singularValues(INDArray a) {
        return decompose(a, false).s();
    }

    /** The full decomposition. */
    public static Svd of(INDArray a) {
        return decompose(a, true);
    }

    private static Svd decompose(INDArray a, boolean vectors) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("SVD needs a matrix, got rank " + a.rank());
        }
        Nd4jRuntime.init();
        long m = a.rows();
        long n = a.columns();
        INDArray work = a.castTo(DataType.DOUBLE).dup('f'); // gesvd overwrites its input
        INDArray s = Nd4j.create(DataType.DOUBLE, Math.min(m, n));
        INDArray superb = Nd4j.create(DataType.DOUBLE, Math.max(1, Math.min(m, n) - 1));
        INDArray u = vectors ? Nd4j.create(DataType.DOUBLE, new long[] {m, m}, 'f') : null;
        INDArray vt = vectors ? Nd4j.create(DataType.DOUBLE, new long[] {n, n}, 'f') : null;
        int info = Blas.LAPACKE_dgesvd(Blas.COL_MAJOR, (byte) (vectors ? 'A' : 'N'), (byte) (vectors ? 'A' : 'N'),
                (int) m, (int) n, work.data().address(), (int) m, s.data().address(), vectors ? u.data().address() : 0,
                (int) m, vectors ? vt.data().address() : 0, (int) n, superb.data().address());
        if (info != 0) {
            throw new ArithmeticException("gesvd failed, info = " + info + (info > 0 ? " (did not converge)" : ""));
        }
        return new Svd(u, s.toDoubleVector(), vt);
    }

    /** Stable rank ‖A‖_F²/‖A‖₂² = Σσᵢ²/σ₁² from the singular values. */
    public static double stableRank(double[] sigma) {
        double sum = 0;
        for (double v : sigma) {
            sum += v * v;
        }
        return sigma.length == 0 || sigma[0] == 0 ? 0 : sum / (sigma[0] * sigma[0]);
    }
}
