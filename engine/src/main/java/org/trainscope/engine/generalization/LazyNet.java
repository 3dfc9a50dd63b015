package org.trainscope.engine.generalization;

import org.trainscope.engine.experiment.Rng;

/**
 * A depth-2 ReLU net in the NTK parameterization (Jacot, Gabriel & Hongler 2018):
 * f(x) = (1/√m) Σ_j a_j·relu(w_jᵀx), w_j ~ N(0, I_d), a_j ~ N(0, 1), with x already carrying a constant coordinate
 * for the bias. θ = (w_1 … w_m, a) lives in {@link #w} (m×d row-major) and {@link #a}, which an optimizer updates in
 * place. Plain Java: at d ≤ 11 and n ≤ 100 points a BLAS call would cost more than the arithmetic.
 */
final class LazyNet {
    final int m;
    final int d;
    final double[] w;
    final double[] a;
    private final double scale;

    LazyNet(int width, int dim, Rng rng) {
        m = width;
        d = dim;
        w = new double[m * d];
        a = new double[m];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
        }
        for (int j = 0; j < m; j++) {
            a[j] = rng.nextGaussian();
        }
        scale = 1 / Math.sqrt(m);
    }

    private double z(int j, double[] x, int off) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += w[j * d + k] * x[off + k];
        }
        return s;
    }

    /** f(x) = (1/√m) Σ_j a_j relu(w_jᵀx), x at {@code xs[off … off+d−1]}. */
    double f(double[] xs, int off) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += a[j] * Math.max(0, z(j, xs, off));
        }
        return s * scale;
    }

    /** f at every row of a row-major n×d array. */
    double[] f(double[] xs) {
        double[] out = new double[xs.length / d];
        for (int i = 0; i < out.length; i++) {
            out[i] = f(xs, i * d);
        }
        return out;
    }

    /**
     * Adds c·∇_θ f(x) into (gw, ga): ∂f/∂a_j = relu(w_jᵀx)/√m, ∂f/∂w_j = a_j·1[w_jᵀx > 0]·x/√m.
     */
    void addGradient(double[] xs, int off, double c, double[] gw, double[] ga) {
        for (int j = 0; j < m; j++) {
            double zj = z(j, xs, off);
            if (zj > 0) {
                ga[j] += c * zj * scale;
                double g = c * a[j] * scale;
                for (int k = 0; k < d; k++) {
                    gw[j * d + k] += g * xs[off + k];
                }
            }
        }
    }

    /**
     * The empirical NTK Θ(x, x') = ⟨∇_θ f(x), ∇_θ f(x')⟩ = (1/m) Σ_j [relu(z_j) relu(z'_j) + a_j²·1[z_j > 0]·1[z'_j > 0]·xᵀx']
     * between the rows of two row-major arrays: |p| × |q|, row-major.
     */
    double[] kernel(double[] p, double[] q) {
        int np = p.length / d;
        int nq = q.length / d;
        double[] zp = new double[np * m];
        double[] zq = new double[nq * m];
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < m; j++) {
                zp[i * m + j] = z(j, p, i * d);
            }
        }
        for (int i = 0; i < nq; i++) {
            for (int j = 0; j < m; j++) {
                zq[i * m + j] = z(j, q, i * d);
            }
        }
        double[] out = new double[np * nq];
        for (int i = 0; i < np; i++) {
            for (int k = 0; k < nq; k++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += p[i * d + c] * q[k * d + c];
                }
                double s = 0;
                for (int j = 0; j < m; j++) {
                    double u = zp[i * m + j];
                    double v = zq[k * m + j];
                    if (u > 0 && v > 0) {
                        s += u * v + a[j] * a[j] * dot;
                    }
                }
                out[i * nq + k] = s / m;
            }
        }
        return out;
    }

    /** ‖θ‖² = Σ w² + Σ a². */
    double normSquared() {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    /**
     * The infinite-width NTK of this parameterization, from the arc-cosine kernels (Cho & Saul 2009):
     * Θ∞(x, x') = ‖x‖‖x'‖(sin φ + (π − φ) cos φ)/(2π) + xᵀx'·(π − φ)/(2π), φ the angle between x and x'.
     */
    static double analytic(double[] p, int i, double[] q, int k, int d) {
        double dot = 0;
        double np = 0;
        double nq = 0;
        for (int c = 0; c < d; c++) {
            dot += p[i * d + c] * q[k * d + c];
            np += p[i * d + c] * p[i * d + c];
            nq += q[k * d + c] * q[k * d + c];
        }
        double norms = Math.sqrt(np * nq);
        if (norms == 0) {
            return 0;
        }
        double phi = Math.acos(Math.max(-1, Math.min(1, dot / norms)));
        return norms * (Math.sin(phi) + (Math.PI - phi) * Math.cos(phi)) / (2 * Math.PI) + dot * (Math.PI - phi) / (2 * Math.PI);
    }
}
