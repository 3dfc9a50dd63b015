package org.trainscope.engine.optimization;

import java.util.function.BiConsumer;

/**
 * The extreme eigenvalues of a symmetric operator given only by its products v ↦ Hv: m steps of Lanczos with full
 * reorthogonalization build an orthonormal basis Q of the Krylov space and T = QᵀHQ, tridiagonal; T's eigenvalues
 * (Jacobi rotations) are the Ritz values, which converge to H's extreme eigenvalues first (Golub &amp; Van Loan §10.1).
 * With m = dim H they are H's eigenvalues exactly, to rounding.
 */
final class Lanczos {
    /** Ritz values, largest first, and their Ritz vectors. */
    record Result(double[] values, double[][] vectors) {
    }

    private Lanczos() {
    }

    /**
     * @param operator writes H·v into its second argument
     * @param start    a non-zero start vector (not modified)
     * @param steps    Krylov dimension m (at most the dimension)
     * @param k        how many of the largest Ritz pairs to return
     */
    static Result top(BiConsumer<double[], double[]> operator, double[] start, int steps, int k) {
        int d = start.length;
        int m = Math.min(steps, d);
        double[][] q = new double[m][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] v = start.clone();
        scale(v, 1 / norm(v));
        int built = 0;
        for (int j = 0; j < m; j++) {
            q[j] = v;
            built = j + 1;
            double[] w = new double[d];
            operator.accept(v, w);                                   // w = Hq_j
            alpha[j] = dot(w, v);
            for (int pass = 0; pass < 2; pass++) {                   // w ⊥ q_0..q_j, twice for stability
                for (int i = 0; i <= j; i++) {
                    axpy(-dot(w, q[i]), q[i], w);
                }
            }
            double b = norm(w);
            if (j == m - 1 || b < 1e-12 * Math.max(1, Math.abs(alpha[j]))) {
                break;                                               // the Krylov space is invariant: T is exact
            }
            beta[j] = b;
            scale(w, 1 / b);
            v = w;
        }
        double[][] t = new double[built][built];
        for (int i = 0; i < built; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < built) {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        double[][] s = new double[built][built];
        double[] values = jacobi(t, s);
        Integer[] order = new Integer[built];
        for (int i = 0; i < built; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, r) -> Double.compare(values[r], values[p]));
        int out = Math.min(k, built);
        double[] top = new double[out];
        double[][] vectors = new double[out][d];
        for (int c = 0; c < out; c++) {
            top[c] = values[order[c]];
            for (int i = 0; i < built; i++) {
                axpy(s[i][order[c]], q[i], vectors[c]);              // Ritz vector Q·s
            }
        }
        return new Result(top, vectors);
    }

    /** Eigenvalues of the symmetric matrix a (destroyed) by cyclic Jacobi rotations; eigenvectors into the columns of s. */
    static double[] jacobi(double[][] a, double[][] s) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(s[i], 0);
            s[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-300) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    if (a[p][r] == 0) {
                        continue;
                    }
                    double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
                    double tan = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        tan = 1;
                    }
                    double c = 1 / Math.sqrt(tan * tan + 1);
                    double sn = tan * c;
                    for (int k = 0; k < n; k++) {                    // A ← JᵀAJ
                        double akp = a[k][p];
                        double akr = a[k][r];
                        a[k][p] = c * akp - sn * akr;
                        a[k][r] = sn * akp + c * akr;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double ark = a[r][k];
                        a[p][k] = c * apk - sn * ark;
                        a[r][k] = sn * apk + c * ark;
                    }
                    for (int k = 0; k < n; k++) {
                        double skp = s[k][p];
                        double skr = s[k][r];
                        s[k][p] = c * skp - sn * skr;
                        s[k][r] = sn * skp + c * skr;
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i][i];
        }
        return out;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static void scale(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }
}
