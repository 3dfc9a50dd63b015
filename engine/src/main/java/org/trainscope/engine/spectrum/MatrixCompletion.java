package org.trainscope.engine.spectrum;

import java.util.Arrays;

import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.DenseMatrix;

/**
 * A matrix completion problem as in Arora, Cohen, Hu &amp; Luo (NeurIPS 2019) and their public code (gen_gt.py,
 * gen_obs.py): a rank-r ground truth M = U Vᵀ with U, V ∈ ℝ^{n×r} i.i.d. N(0, 1), rescaled to ‖M‖_F = n, and a set
 * Ω of observed entries drawn uniformly without replacement. Immutable; matrices are column-major (entry (i, j) at
 * {@code i + j·n}).
 */
public final class MatrixCompletion {
    private final int n;
    private final int rank;
    private final double[] truth;
    private final int[] observed;     // linear indices, ascending
    private final boolean[] isObserved;
    private final double unobservedNorm;

    private MatrixCompletion(int n, int rank, double[] truth, int[] observed) {
        this.n = n;
        this.rank = rank;
        this.truth = truth;
        this.observed = observed;
        this.isObserved = new boolean[n * n];
        for (int idx : observed) {
            isObserved[idx] = true;
        }
        double s = 0;
        for (int i = 0; i < n * n; i++) {
            if (!isObserved[i]) {
                s += truth[i] * truth[i];
            }
        }
        this.unobservedNorm = Math.sqrt(s);
    }

    /**
     * Draws M, then Ω, from {@code rng} (in that order, so that the same seed gives the same problem whatever model
     * is trained on it afterwards).
     */
    public static MatrixCompletion generate(int n, int rank, int observedCount, Rng rng) {
        if (observedCount > n * n) {
            throw new IllegalArgumentException("cannot observe " + observedCount + " of " + n * n + " entries");
        }
        double[] u = gaussian(n * rank, rng);
        double[] v = gaussian(n * rank, rng);
        double[] m = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int c = 0; c < rank; c++) {
                    s += u[i + c * n] * v[j + c * n]; // M = U Vᵀ
                }
                m[i + j * n] = s;
            }
        }
        double norm = 0;
        for (double x : m) {
            norm += x * x;
        }
        double scale = n / Math.sqrt(norm); // ‖M‖_F = n
        for (int i = 0; i < m.length; i++) {
            m[i] *= scale;
        }
        // Ω: the first |Ω| entries of a partial Fisher–Yates shuffle of 0 … n²−1 (uniform, without replacement)
        int[] all = new int[n * n];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int i = 0; i < observedCount; i++) {
            int j = i + rng.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] omega = Arrays.copyOf(all, observedCount);
        Arrays.sort(omega);
        return new MatrixCompletion(n, rank, m, omega);
    }

    private static double[] gaussian(int count, Rng rng) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = rng.nextGaussian();
        }
        return out;
    }

    public int n() {
        return n;
    }

    public int rank() {
        return rank;
    }

    /** M, column-major (a copy). */
    public double[] truth() {
        return truth.clone();
    }

    /** M_idx for a column-major linear index. */
    public double truth(int idx) {
        return truth[idx];
    }

    /** Ω as ascending column-major linear indices (a copy). */
    public int[] observed() {
        return observed.clone();
    }

    public int observedCount() {
        return observed.length;
    }

    public boolean isObserved(int idx) {
        return isObserved[idx];
    }

    /**
     * G = P_Ω(W − M) written on Ω only: the entries of {@code g} off Ω are left as they are (zero, if g started at
     * zero). Returns the loss ℓ = ½ Σ_Ω (W − M)².
     */
    public double residual(DenseMatrix w, DenseMatrix g) {
        java.nio.DoubleBuffer wb = w.buffer();
        java.nio.DoubleBuffer gb = g.buffer();
        double loss = 0;
        for (int idx : observed) {
            double r = wb.get(idx) - truth[idx];
            gb.put(idx, r);
            loss += r * r;
        }
        return 0.5 * loss;
    }

    /** ℓ(W) = ½ Σ_{(i,j)∈Ω} (W − M)²_ij, on column-major data. */
    public double loss(double[] w) {
        double s = 0;
        for (int idx : observed) {
            double r = w[idx] - truth[idx];
            s += r * r;
        }
        return 0.5 * s;
    }

    /** ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F: the relative error on the entries not observed. */
    public double testError(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (!isObserved[i]) {
                double r = w[i] - truth[i];
                s += r * r;
            }
        }
        return unobservedNorm == 0 ? 0 : Math.sqrt(s) / unobservedNorm;
    }

    /** (1/n²) Σ_ij (W − M)²_ij over all entries, the measure of the paper's plots. */
    public double mse(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double r = w[i] - truth[i];
            s += r * r;
        }
        return s / w.length;
    }
}
