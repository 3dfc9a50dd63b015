package org.trainscope.engine.optimization;

import org.trainscope.engine.data.Table;

/**
 * ℓ_p regression ℓ(w) = (1/n) Σ (⟨x_i, w⟩ − y_i)^p, p even, on a table's rows: its value, gradient
 * ∇ℓ = (p/n) Σ r_i^{p−1} x_i and Hessian (p(p−1)/n) Σ r_i^{p−2} x_i x_iᵀ, and its minimum by Newton's method.
 */
final class PowerRegression {
    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;
    private final int p;

    /** The diabetes table as the issue asks: features standardized, the target centred and scaled to unit variance. */
    static PowerRegression diabetes(int p) {
        Table t = Table.diabetes().standardized();
        double[] y = t.targets();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / y.length);
        for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] - mean) / sd;              // y ← (y − ȳ)/sd
        }
        return new PowerRegression(t.features(), y, t.dim(), p);
    }

    PowerRegression(double[] x, double[] y, int d, int p) {
        if (p < 2 || p % 2 != 0) {
            throw new IllegalArgumentException("p must be even and ≥ 2, got " + p);
        }
        this.x = x;
        this.y = y;
        this.n = y.length;
        this.d = d;
        this.p = p;
    }

    int dim() {
        return d;
    }

    /** ℓ(w), and ∇ℓ(w) into {@code grad} if it is not null. */
    double loss(double[] w, double[] grad) {
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r = -y[i];
            for (int j = 0; j < d; j++) {
                r += x[i * d + j] * w[j];                  // r_i = ⟨x_i, w⟩ − y_i
            }
            double rp1 = pow(r, p - 1);
            sum += rp1 * r;
            if (grad != null) {
                for (int j = 0; j < d; j++) {
                    grad[j] += rp1 * x[i * d + j];
                }
            }
        }
        if (grad != null) {
            for (int j = 0; j < d; j++) {
                grad[j] *= (double) p / n;                 // ∇ℓ = (p/n) Σ r_i^{p−1} x_i
            }
        }
        return sum / n;
    }

    /** The minimizer of ℓ (convex): Newton's method with backtracking, until the step stops shrinking the gradient. */
    double[] minimizer() {
        double[] w = new double[d];
        double[] g = new double[d];
        double f = loss(w, g);
        for (int it = 0; it < 200; it++) {
            double[] step = solve(hessian(w), g);
            double t = 1;
            double[] next = new double[d];
            double fn;
            do {
                for (int j = 0; j < d; j++) {
                    next[j] = w[j] - t * step[j];
                }
                fn = loss(next, null);
                t /= 2;
            } while (fn > f && t > 1e-12);
            if (!(fn < f)) {
                break;                                     // no further decrease at double precision
            }
            w = next;
            f = loss(w, g);
        }
        return w;
    }

    private double[][] hessian(double[] w) {
        double[][] h = new double[d][d];
        for (int i = 0; i < n; i++) {
            double r = -y[i];
            for (int j = 0; j < d; j++) {
                r += x[i * d + j] * w[j];
            }
            double c = (double) p * (p - 1) / n * pow(r, p - 2);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    h[a][b] += c * x[i * d + a] * x[i * d + b];   // (p(p−1)/n) Σ r^{p−2} x xᵀ
                }
            }
        }
        return h;
    }

    /** A⁻¹b by Gaussian elimination with partial pivoting (A small and positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int m = b.length;
        double[][] aa = new double[m][];
        for (int i = 0; i < m; i++) {
            aa[i] = java.util.Arrays.copyOf(a[i], m + 1);
            aa[i][m] = b[i];
        }
        for (int k = 0; k < m; k++) {
            int piv = k;
            for (int i = k + 1; i < m; i++) {
                if (Math.abs(aa[i][k]) > Math.abs(aa[piv][k])) {
                    piv = i;
                }
            }
            double[] tmp = aa[k];
            aa[k] = aa[piv];
            aa[piv] = tmp;
            for (int i = k + 1; i < m; i++) {
                double f = aa[i][k] / aa[k][k];
                for (int j = k; j <= m; j++) {
                    aa[i][j] -= f * aa[k][j];
                }
            }
        }
        double[] out = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = aa[i][m];
            for (int j = i + 1; j < m; j++) {
                s -= aa[i][j] * out[j];
            }
            out[i] = s / aa[i][i];
        }
        return out;
    }

    private static double pow(double r, int k) {
        double out = 1;
        for (int i = 0; i < k; i++) {
            out *= r;
        }
        return out;
    }
}
