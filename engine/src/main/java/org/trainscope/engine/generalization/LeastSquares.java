package org.trainscope.engine.generalization;

import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.linalg.Svd;

/**
 * Least squares two ways, on row-major m×p design matrices A (entry (i, j) at i·p + j): by Householder QR (the
 * polynomial fits: the normal equations AᵀA c = Aᵀy square the condition number, which reaches 1e8 for a
 * degree-19 Vandermonde matrix, and then fail), and by the SVD's pseudo-inverse (the random-features fits, where
 * p > m makes the least-squares problem underdetermined and the pseudo-inverse picks the minimum-norm interpolant).
 */
final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * argmin_c ‖Ac − y‖² + μ‖c‖², by QR of the stacked [A; √μ·I] against [y; 0] (μ = 0: plain least squares).
     * Needs m + (μ > 0 ? p : 0) ≥ p rows.
     */
    static double[] qr(double[] a, int m, int p, double[] y, double mu) {
        int rows = mu > 0 ? m + p : m;
        if (rows < p) {
            throw new IllegalArgumentException("QR least squares needs at least as many rows as unknowns: " + rows + " < " + p);
        }
        double[][] r = new double[rows][p];           // overwritten by R (upper triangle) and the reflectors
        double[] b = new double[rows];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, i * p, r[i], 0, p);
            b[i] = y[i];
        }
        for (int j = 0; mu > 0 && j < p; j++) {
            r[m + j][j] = Math.sqrt(mu);
        }
        double[] v = new double[rows];
        for (int k = 0; k < p; k++) {
            // Householder reflector H = I − 2vvᵀ/vᵀv that maps column k below the diagonal to (−sign·‖x‖, 0, …, 0)
            double norm = 0;
            for (int i = k; i < rows; i++) {
                norm = Math.hypot(norm, r[i][k]);
            }
            if (norm == 0) {
                continue;
            }
            double alpha = r[k][k] > 0 ? -norm : norm;
            double vv = 0;
            for (int i = k; i < rows; i++) {
                v[i] = r[i][k] - (i == k ? alpha : 0);
                vv += v[i] * v[i];
            }
            for (int j = k; j < p; j++) {
                double dot = 0;
                for (int i = k; i < rows; i++) {
                    dot += v[i] * r[i][j];
                }
                double s = 2 * dot / vv;
                for (int i = k; i < rows; i++) {
                    r[i][j] -= s * v[i];
                }
            }
            double dot = 0;
            for (int i = k; i < rows; i++) {
                dot += v[i] * b[i];
            }
            double s = 2 * dot / vv;
            for (int i = k; i < rows; i++) {
                b[i] -= s * v[i];                      // Qᵀy, one reflector at a time
            }
        }
        double[] c = new double[p];
        for (int k = p - 1; k >= 0; k--) {             // back substitution R c = (Qᵀy)_{1..p}
            double sum = b[k];
            for (int j = k + 1; j < p; j++) {
                sum -= r[k][j] * c[j];
            }
            c[k] = r[k][k] == 0 ? 0 : sum / r[k][k];
        }
        return c;
    }

    /**
     * c = V·diag(σ/(σ² + μ))·Uᵀy from the SVD A = U·diag(σ)·Vᵀ: ridge regression, and at μ = 0 the pseudo-inverse
     * A⁺y, the minimum-norm least-squares solution. Singular values below max(m, p)·ε·σ₁ count as zero (NumPy's
     * {@code lstsq} cut-off), so exactly rank-deficient directions stay out of the solution.
     */
    static double[] pseudoInverse(double[] a, int m, int p, double[] y, double mu) {
        Svd svd = Svd.of(Nd4j.create(a.clone(), new long[] {m, p}, 'c'));
        double[] s = svd.s();
        double cut = Math.max(m, p) * Math.ulp(1.0) * (s.length == 0 ? 0 : s[0]);
        double[] c = new double[p];
        for (int k = 0; k < s.length; k++) {
            if (s[k] <= cut) {
                continue;
            }
            double uy = 0;
            for (int i = 0; i < m; i++) {
                uy += svd.u().getDouble(i, k) * y[i];
            }
            double scale = s[k] / (s[k] * s[k] + mu) * uy;     // σ/(σ² + μ)·u_kᵀy
            for (int j = 0; j < p; j++) {
                c[j] += scale * svd.vt().getDouble(k, j);
            }
        }
        return c;
    }

    /** A·c for row-major m×p A. */
    static double[] times(double[] a, int m, int p, double[] c) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int j = 0; j < p; j++) {
                sum += a[i * p + j] * c[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** (1/m)·Σ (u_i − v_i)². */
    static double mse(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double d = u[i] - v[i];
            sum += d * d;
        }
        return sum / u.length;
    }
}
