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
        return new Sum(a, rng.nextLong()).estimate(k);
    }

    /**
     * Â of one A for any k, over one fixed sequence of sign matrices M_0, M_1, … (fixed by {@code seed}): the
     * estimate with k uses the first k. The sum is kept in whole chunks of {@value #CHUNK} matrices, added in order,
     * plus the rest computed afresh: so a ladder of k (k_min, 2k_min, 4k_min, …) costs about its last rung, not the
     * sum of all, and the bits of Â depend on (A, seed, k) only, never on the k asked for before.
     */
    public static final class Sum {
        private static final int CHUNK = 2048;
        private final double[] a;
        private final long seed;
        private final double[] chunks;   // Σ_{t < CHUNK·done} ⟨A, M_t⟩ M_t
        private int done;

        public Sum(double[] a, long seed) {
            this.a = a;
            this.seed = seed;
            this.chunks = new double[a.length];
        }

        /** Â = (1/k) Σ_{t<k} ⟨A, M_t⟩ M_t, a new array. */
        public double[] estimate(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be ≥ 1, got " + k);
            }
            if ((long) done * CHUNK > k) {
                java.util.Arrays.fill(chunks, 0);
                done = 0;
            }
            while ((long) (done + 1) * CHUNK <= k) {
                add(a, seed, done * CHUNK, (done + 1) * CHUNK, chunks);
                done++;
            }
            double[] out = chunks.clone();
            if (k > done * CHUNK) {
                add(a, seed, done * CHUNK, k, out);                         // the rest, afresh
            }
            for (int i = 0; i < out.length; i++) {
                out[i] /= k;                                                // Â = (1/k) Σ_t ⟨A, M_t⟩ M_t
            }
            return out;
        }
    }

    /**
     * sum += Σ_{from ≤ t < to} ⟨A, M_t⟩ M_t. The 64 signs of block β in M_t are draw t + 1 of the block's own
     * SplitMix stream, so any t is reached directly: state = start_β + t·γ.
     */
    private static void add(double[] a, long seed, int from, int to, double[] sum) {
        int n = a.length;
        int count = to - from;
        double[] dot = new double[count];                               // ⟨A, M_t⟩
        double[] tables = new double[GROUP * PATTERNS];                 // group j's table at j·256
        double[] entries = new double[GROUP];
        Rng rng = new Rng(0);
        for (int b = 0; b < n; b += BLOCK) {
            for (int j = 0; j < GROUP; j++) {
                signedSums(a, b + j * GROUP, Math.min(n, b + j * GROUP + GROUP), tables, j * PATTERNS);
            }
            rng.setState(blockStart(seed, b) + from * GAMMA);
            for (int t = 0; t < count; t++) {
                long w = rng.nextLong();                                // the block's 64 signs in M_t
                dot[t] += tables[(int) w & 0xFF] + tables[0x100 | (int) (w >>> 8) & 0xFF]
                        + tables[0x200 | (int) (w >>> 16) & 0xFF] + tables[0x300 | (int) (w >>> 24) & 0xFF]
                        + tables[0x400 | (int) (w >>> 32) & 0xFF] + tables[0x500 | (int) (w >>> 40) & 0xFF]
                        + tables[0x600 | (int) (w >>> 48) & 0xFF] + tables[0x700 | (int) (w >>> 56) & 0xFF];
            }
        }
        for (int b = 0; b < n; b += BLOCK) {
            java.util.Arrays.fill(tables, 0);                           // Σ ⟨A, M_t⟩ over the t that drew each byte
            rng.setState(blockStart(seed, b) + from * GAMMA);           // the same signs again
            for (int t = 0; t < count; t++) {
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
            for (int j = 0; j < GROUP; j++) {
                signed(tables, j * PATTERNS, entries);                  // the group's Σ_t ⟨A, M_t⟩ M_t
                for (int i = b + j * GROUP; i < Math.min(n, b + j * GROUP + GROUP); i++) {
                    sum[i] += entries[i - b - j * GROUP];
                }
            }
        }
    }

    /** The SplitMix increment γ: one draw advances the state by it. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /** The state block b's stream starts from: a hash of (seed, b), so that the blocks' streams do not overlap. */
    private static long blockStart(long seed, int b) {
        return new Rng(seed + (long) b * 0xD1B54A32D192ED03L).nextLong();
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

    /**
     * out[j] = Σ_b ±sums[at + b], minus where bit j of b is set, for the 8 bits j at once: Σ over all b less twice
     * the sum over the b with bit j set, found by folding the table in half bit by bit, top bit first (510 adds, not
     * 8·256). Folds {@code sums} in place: the group's part of it is spent.
     */
    private static void signed(double[] sums, int at, double[] out) {
        double[] upper = new double[GROUP];
        for (int j = GROUP - 1, half = PATTERNS / 2; j >= 0; j--, half /= 2) {
            double s = 0;
            for (int b = 0; b < half; b++) {
                s += sums[at + half + b];                 // the patterns with bit j set (higher bits folded in)
                sums[at + b] += sums[at + half + b];
            }
            upper[j] = s;
        }
        for (int j = 0; j < GROUP; j++) {
            out[j] = sums[at] - 2 * upper[j];             // Σ_b H[b] − 2 Σ_{b: bit j} H[b]
        }
    }
}
