package org.trainscope.engine.optimization;

/**
 * Least squares min_β ‖Xβ − y‖² by Householder QR (X = QR, β = R⁻¹Qᵀy), never through the normal equations, so that it
 * is an independent check of what gradient descent converges to (Golub &amp; Van Loan, §5.3).
 */
final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * The least-squares solution for the columns of X (each of length n) and y.
     *
     * @param columns X by columns, copied
     * @throws IllegalArgumentException if X has rank below its column count
     */
    static double[] solve(double[][] columns, double[] y) {
        int p = columns.length;
        int n = y.length;
        double[][] a = new double[p][];
        for (int j = 0; j < p; j++) {
            a[j] = columns[j].clone();
        }
        double[] b = y.clone();
        double[] diag = new double[p];
        for (int k = 0; k < p; k++) {
            double norm = 0;
            for (int i = k; i < n; i++) {
                norm = Math.hypot(norm, a[k][i]);
            }
            if (norm == 0) {
                throw new IllegalArgumentException("the columns are linearly dependent");
            }
            double alpha = a[k][k] > 0 ? -norm : norm;          // R_kk, of the sign that avoids cancellation
            a[k][k] -= alpha;                                   // v = x − αe₁, stored in place
            double vv = 0;
            for (int i = k; i < n; i++) {
                vv += a[k][i] * a[k][i];
            }
            for (int j = k + 1; j < p; j++) {
                reflect(a[k], a[j], k, n, vv);                  // H = I − 2vvᵀ/vᵀv on the later columns
            }
            reflect(a[k], b, k, n, vv);                         // and on y: b ← Qᵀy
            diag[k] = alpha;
        }
        double[] beta = new double[p];
        for (int k = p - 1; k >= 0; k--) {                      // Rβ = (Qᵀy)[0..p)
            double s = b[k];
            for (int j = k + 1; j < p; j++) {
                s -= a[j][k] * beta[j];
            }
            beta[k] = s / diag[k];
        }
        return beta;
    }

    private static void reflect(double[] v, double[] x, int from, int n, double vv) {
        double d = 0;
        for (int i = from; i < n; i++) {
            d += v[i] * x[i];
        }
        double f = 2 * d / vv;
        for (int i = from; i < n; i++) {
            x[i] -= f * v[i];
        }
    }
}
