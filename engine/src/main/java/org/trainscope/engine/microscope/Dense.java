package org.trainscope.engine.microscope;

/**
 * The products of a dense layer on a batch, on row-major arrays: W (out × in), a batch of columns o (in × B), so
 * that the layer's formulas read as the slides write them. Small nets only: plain loops, no allocation but the result.
 */
final class Dense {
    private Dense() {
    }

    /** z = W o + b 1ᵀ (out × B). */
    static double[] affine(double[] w, double[] b, double[] o, int out, int in, int batch) {
        double[] z = new double[out * batch];
        for (int i = 0; i < out; i++) {
            for (int k = 0; k < batch; k++) {
                z[i * batch + k] = b[i];
            }
            for (int j = 0; j < in; j++) {
                double wij = w[i * in + j];
                for (int k = 0; k < batch; k++) {
                    z[i * batch + k] += wij * o[j * batch + k];
                }
            }
        }
        return z;
    }

    /** Wᵀ δ (in × B), what flows back through the linear part of a layer. */
    static double[] transposeTimes(double[] w, double[] delta, int out, int in, int batch) {
        double[] r = new double[in * batch];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                double wij = w[i * in + j];
                for (int k = 0; k < batch; k++) {
                    r[j * batch + k] += wij * delta[i * batch + k];
                }
            }
        }
        return r;
    }

    /** δ oᵀ (out × in): the gradient of W, summed over the batch's columns. */
    static double[] outer(double[] delta, double[] o, int out, int in, int batch) {
        double[] g = new double[out * in];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                double s = 0;
                for (int k = 0; k < batch; k++) {
                    s += delta[i * batch + k] * o[j * batch + k];
                }
                g[i * in + j] = s;
            }
        }
        return g;
    }

    /** δ 1 (out): the gradient of b, the rows of δ summed over the batch. */
    static double[] rowSums(double[] delta, int out, int batch) {
        double[] g = new double[out];
        for (int i = 0; i < out; i++) {
            for (int k = 0; k < batch; k++) {
                g[i] += delta[i * batch + k];
            }
        }
        return g;
    }

    /** σ applied to each entry. */
    static double[] map(Sigma sigma, double[] z) {
        double[] o = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            o[i] = sigma.value(z[i]);
        }
        return o;
    }

    /** a ⊙ σ′(z). */
    static double[] timesDerivative(double[] a, Sigma sigma, double[] z) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * sigma.derivative(z[i]);
        }
        return r;
    }

    /** True if every entry is finite. */
    static boolean finite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
