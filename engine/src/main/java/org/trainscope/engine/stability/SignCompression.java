package org.trainscope.engine.stability;

import org.trainscope.engine.experiment.Rng;

/**
 * Idea 1 of Arora, Ge, Neyshabur &amp; Zhang (ICML 2018; lecture 000, "compression"): compress a matrix A with k
 * random sign matrices M_1 … M_k (entries ±1 with probability ½ each) as Â = (1/k) Σ_t ⟨A, M_t⟩ M_t. Since
 * E[M_ij M_kl] = δ_{ik}δ_{jl}, E⟨A, M⟩M = A: the estimate is unbiased, and E‖Â − A‖_F² = (mn − 1)‖A‖_F²/k, so
 * the Frobenius error falls like 1/√k. What makes a layer compressible is that its inputs see much less: for an
 * input x the error ‖(Â − A)x‖ is ≈ √(m/k)·‖A‖_F‖x‖, small against ‖A x‖ = μ‖A‖_F‖x‖ when the cushion μ is large.
 *
 * <p>How it is computed (the same Â, a k·mn sum, several times faster than entry by entry): the entries are taken
 * eight at a time, and the eight signs of one group in one M_t are one random byte; one random long holds the bytes
 * of eight neighbouring groups (64 entries) in the same M_t. A group's share of ⟨A, M_t⟩ is then one look-up in a
 * table of its 256 signed sums, and its share of Σ_t ⟨A, M_t⟩ M_t comes from the sums of ⟨A, M_t⟩ over the t that
 * drew each byte: two passes of one add per group and t.
 */
public final class SignCompression {
    private static final int GROUP = 8;                // entries per random byte
    private static final int PATTERNS = 1 << GROUP;    // sign patterns of a group
    private static final int BLOCK = 64;               // entries per random long: eight groups

    private SignCompression() {
    }

    /** Â for a row-major A with {@code a.length} entries, from k sign matrices drawn with {@code rng}. */
    public static double[] compress(double[] a, int k, Rng rng) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        }
        int n = a.length;
        long start = rng.state();
        double[] dot = new double[k];                                 // ⟨A, M_t⟩
        double[] tables = new double[GROUP * PATTERNS];               // group j's table at j·256
        for (int from = 0; from < n; from += BLOCK) {
            for (int j = 0; j < GROUP; j++) {
                signedSums(a, from + j * GROUP, Math.min(n, from + j * GROUP + GROUP), tables, j * PATTERNS);
            }
            for (int t = 0; t < k; t++) {
                long w = rng.nextLong();                              // the block's 64 signs in M_t
                dot[t] += tables[(int) w & 0xFF] + tables[0x100 | (int) (w >>> 8) & 0xFF]
                        + tables[0x200 | (int) (w >>> 16) & 0xFF] + tables[0x300 | (int) (w >>> 24) & 0xFF]
                        + tables[0x400 | (int) (w >>> 32) & 0xFF] + tables[0x500 | (int) (w >>> 40) & 0xFF]
                        + tables[0x600 | (int) (w >>> 48) & 0xFF] + tables[0x700 | (int) (w >>> 56) & 0xFF];
            }
        }
        rng.setState(start);                                          // the same signs again
        double[] out = new double[n];
        for (int from = 0; from < n; from += BLOCK) {
            java.util.Arrays.fill(tables, 0);                         // Σ ⟨A, M_t⟩ over the t that drew each byte
            for (int t = 0; t < k; t++) {
                long w = rng.nextLong();
                double d = dot[t];
                tables[(int) w & 0xFF] += d;
                tables[0x100 | (int) (w >>> 8) & 0xFF] += d;
                tables[0x200 | (int) (w >>> 16) & 0xFF] += d;
                tables[0x300 | (int) (w >>> 24) & 0xFF] += d;
                tables[0x400 | (int) (w >>> 32) & 0xFF] += d;
                tables[0x500 | (int) (w >>> 40) & 0xFF] += d;
                tables[0x600 | (int) (w >>> 48) & 0xFF] += d;
                tables[0x700 | (int) (w >>> 56) & 0xFF] += d;
            }
            for (int i = from; i < Math.min(n, from + BLOCK); i++) {
                int j = (i - from) / GROUP;
                out[i] = signed(tables, j * PATTERNS, (i - from) % GROUP) / k;   // Â = (1/k) Σ_t ⟨A, M_t⟩ M_t
            }
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

    /**
     * table[at + b] = Σ_j ±a_{from+j}, minus where bit j of b is set (M = −1), each pattern from one with a bit fewer;
     * entries past {@code to} (the end of A) count as 0.
     */
    private static void signedSums(double[] a, int from, int to, double[] table, int at) {
        double all = 0;
        for (int i = from; i < to; i++) {
            all += a[i];
        }
        table[at] = all;
        for (int b = 1; b < PATTERNS; b++) {
            int j = Integer.numberOfTrailingZeros(b);
            table[at + b] = table[at + (b & (b - 1))] - (from + j < to ? 2 * a[from + j] : 0);
        }
    }

    /** Σ_b ±sums[at + b], minus where bit j of b is set: entry j of the group's Σ_t ⟨A, M_t⟩ M_t. */
    private static double signed(double[] sums, int at, int j) {
        double s = 0;
        for (int b = 0; b < PATTERNS; b++) {
            s += (b >>> j & 1) == 0 ? sums[at + b] : -sums[at + b];
        }
        return s;
    }
}
