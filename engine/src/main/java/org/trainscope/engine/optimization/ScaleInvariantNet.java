package org.trainscope.engine.optimization;

/**
 * A digits classifier whose loss does not change when its weights are scaled: x → h = W₁x → a = leaky ReLU(h) →
 * z = W₂a → logits = g·(z − mean z)/std z (a layer norm without ε or trained gain, g fixed) → softmax cross-entropy.
 * Leaky ReLU is positively homogeneous and the norm divides the scale out, so L(cθ) = L(θ) for every c &gt; 0, hence
 * ∇L(cθ) = ∇L(θ)/c and ⟨∇L(θ), θ⟩ = 0 (Li &amp; Arora 2020, lecture 001 Vignette 3). No biases: a bias would break
 * the invariance. θ = (W₁ row-major, W₂ row-major) in one vector, in double precision.
 */
final class ScaleInvariantNet {
    /** Slope of the leaky ReLU below 0: keeps every unit alive, so std z &gt; 0. */
    static final double LEAK = 0.1;

    private final int in;
    private final int hidden;
    private final int out;
    private final double gain;

    ScaleInvariantNet(int in, int hidden, int out, double gain) {
        this.in = in;
        this.hidden = hidden;
        this.out = out;
        this.gain = gain;
    }

    int parameterCount() {
        return hidden * in + out * hidden;
    }

    /**
     * The mean cross-entropy over the examples (rows of {@code x}, labels {@code y}), its gradient into {@code grad}
     * if not null, and each example's softmax into {@code probs} (n×out) if not null.
     */
    double loss(double[] theta, double[] x, int[] y, double[] grad, double[] probs) {
        int n = y.length;
        int w2 = hidden * in;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
        }
        double[] h = new double[hidden];
        double[] a = new double[hidden];
        double[] z = new double[out];
        double[] u = new double[out];
        double[] p = new double[out];
        double[] du = new double[out];
        double[] dz = new double[out];
        double[] da = new double[hidden];
        double total = 0;
        for (int k = 0; k < n; k++) {
            int xo = k * in;
            for (int i = 0; i < hidden; i++) {
                double s = 0;
                for (int j = 0; j < in; j++) {
                    s += theta[i * in + j] * x[xo + j];         // h = W₁x
                }
                h[i] = s;
                a[i] = s > 0 ? s : LEAK * s;                   // a = leaky ReLU(h)
            }
            double mean = 0;
            for (int c = 0; c < out; c++) {
                double s = 0;
                for (int i = 0; i < hidden; i++) {
                    s += theta[w2 + c * hidden + i] * a[i];     // z = W₂a
                }
                z[c] = s;
                mean += s;
            }
            mean /= out;
            double var = 0;
            for (int c = 0; c < out; c++) {
                var += (z[c] - mean) * (z[c] - mean);
            }
            double sd = Math.sqrt(var / out);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < out; c++) {
                u[c] = (z[c] - mean) / sd;                     // u = (z − mean z)/std z
                max = Math.max(max, gain * u[c]);
            }
            double sum = 0;
            for (int c = 0; c < out; c++) {
                p[c] = Math.exp(gain * u[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < out; c++) {
                p[c] /= sum;                                   // softmax(g·u)
            }
            total += -Math.log(p[y[k]]);
            if (probs != null) {
                System.arraycopy(p, 0, probs, k * out, out);
            }
            if (grad == null) {
                continue;
            }
            double duMean = 0;
            double duDotU = 0;
            for (int c = 0; c < out; c++) {
                du[c] = gain * (p[c] - (c == y[k] ? 1 : 0)) / n;    // ∂L/∂u
                duMean += du[c] / out;
                duDotU += du[c] * u[c] / out;
            }
            for (int c = 0; c < out; c++) {
                dz[c] = (du[c] - duMean - u[c] * duDotU) / sd;  // through the norm: (du − mean du − u·mean(du∘u))/σ
            }
            java.util.Arrays.fill(da, 0);
            for (int c = 0; c < out; c++) {
                for (int i = 0; i < hidden; i++) {
                    grad[w2 + c * hidden + i] += dz[c] * a[i];  // ∂L/∂W₂ = dz·aᵀ
                    da[i] += theta[w2 + c * hidden + i] * dz[c];
                }
            }
            for (int i = 0; i < hidden; i++) {
                double dh = h[i] > 0 ? da[i] : LEAK * da[i];
                for (int j = 0; j < in; j++) {
                    grad[i * in + j] += dh * x[xo + j];         // ∂L/∂W₁ = dh·xᵀ
                }
            }
        }
        return total / n;
    }
}
