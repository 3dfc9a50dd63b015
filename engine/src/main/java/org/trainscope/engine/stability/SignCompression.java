package org.trainscope.engine.stability;

import org.trainscope.engine.experiment.Rng;

/**
 * Idea 1 of Arora, Ge, Neyshabur &amp; Zhang (ICML 2018; lecture 000, "compression"): compress a matrix A with k
 * random sign matrices M_1 … M_k (entries ±1 with probability ½ each) as Â = (1/k) Σ_t ⟨A, M_t⟩ M_t. Since
 * E[M_ij M_kl] = δ_{ik}δ_{jl}, E⟨A, M⟩M = A: the estimate is unbiased, and E‖Â − A‖_F² = (mn − 1)‖A‖_F²/k, so
 * the Frobenius error falls like 1/√k. What makes a layer compressible is that its inputs see much less: for an
 * input x the error ‖(Â − A)x‖ is ≈ √(m/k)·‖A‖_F‖x‖, small against ‖A x‖ = μ‖A‖_F‖x‖ when the cushion μ is large.
 */
public final class SignCompression {
    private SignCompression() {
    }

    /** Â for a row-major A with {@code a.length} entries, from k sign matrices drawn with {@code rng}. */
    public static double[] compress(double[] a, int k, Rng rng) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        }
        int n = a.length;
        long[] signs = new long[(n + 63) / 64];                    // bit = 1 ⇔ M_ij = −1
        double[] out = new double[n];
        for (int t = 0; t < k; t++) {
            for (int w = 0; w < signs.length; w++) {
                signs[w] = rng.nextLong();
            }
            double dot = 0;                                          // ⟨A, M_t⟩
            for (int i = 0; i < n; i++) {
                dot += ((signs[i >>> 6] >>> (i & 63)) & 1L) == 0 ? a[i] : -a[i];
            }
            for (int i = 0; i < n; i++) {
                out[i] += ((signs[i >>> 6] >>> (i & 63)) & 1L) == 0 ? dot : -dot;   // Σ_t ⟨A, M_t⟩ M_t
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] /= k;                                             // Â = (1/k) Σ_t ⟨A, M_t⟩ M_t
        }
        return out;
    }

    /** ‖Â − A‖_F / ‖A‖_F. */
    public static double relativeError(double[] a, double[] aHat) {
        double diff = 0;
        double ref = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (aHat[i] - a[i]) * (aHat[i] - a[i]);
            ref += a[i] * a[i];
        }
        return Math.sqrt(diff / ref);
    }
}
