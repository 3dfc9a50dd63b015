package org.trainscope.engine.spectrum;

import java.nio.DoubleBuffer;

import org.trainscope.engine.linalg.DenseMatrix;
import org.trainscope.engine.linalg.SubspaceIteration;

/**
 * Theorem 3 of Arora, Cohen, Hu &amp; Luo (2019) integrated alongside training: for gradient flow on a depth-N
 * factorization from a balanced start, each signed singular value of W moves as
 * <pre>
 *   dσ_r/dt = −N · (σ_r²)^{1−1/N} · ⟨∇ℓ(W), u_r v_rᵀ⟩
 * </pre>
 * With the measured gradient G = ∇ℓ(W_t) and the measured top singular pairs (u_r, v_r) of W_t, one Euler step of
 * length η per gradient step predicts σ_r(t+1) ≈ θ_r(t) + η·(−N (θ_r²)^{1−1/N} u_rᵀ G v_r). The prediction θ_r is
 * reset to the measured σ_r at the start of every recorded interval and integrated over the interval's gradient
 * steps; the gap between θ_r and the measured σ_r at the frame is the theory's error over that interval
 * (imbalance of the factors, finite η). The pairs come from a warm-started {@link SubspaceIteration}, never from a
 * full SVD per step.
 */
public final class TheoremThree {
    private final int k;
    private final SubspaceIteration pairs;
    private final DenseMatrix gv;   // G V, n×p
    private final double[] theta;
    private final double[] rate;    // dσ_r/dt at the last observed W
    private boolean reset = true;

    public TheoremThree(int n, int k, double[] startBasis) {
        this.k = k;
        this.pairs = new SubspaceIteration(n, Math.min(n, k + 4), startBasis);
        this.gv = new DenseMatrix(n, pairs.size());
        this.theta = new double[k];
        this.rate = new double[k];
    }

    /** Block size of the subspace iteration (k plus oversampling), for the start basis. */
    public static int blockSize(int n, int k) {
        return Math.min(n, k + 4);
    }

    /** The next {@link #observe} starts a new interval: θ ← measured σ. */
    void startInterval() {
        reset = true;
    }

    /**
     * Refreshes the top pairs of {@code w} and takes dσ_r/dt there, at θ_r: the first half of an Euler step, before
     * the gradient step moves W; {@link #advance} after it, with the step's size, is the second.
     *
     * @param g the gradient ∇ℓ(W) at {@code w}
     */
    public void observe(DenseMatrix w, DenseMatrix g, int depth) {
        pairs.update(w);
        if (reset) {
            for (int r = 0; r < k; r++) {
                theta[r] = pairs.sigma(r);
            }
            reset = false;
        }
        DenseMatrix.gemm(false, false, 1, g, pairs.right(), 0, gv); // G V
        DoubleBuffer u = pairs.left().buffer();
        DoubleBuffer b = gv.buffer();
        int n = w.rows();
        double exponent = 1.0 - 1.0 / depth;
        for (int r = 0; r < k; r++) {
            double inner = 0; // ⟨∇ℓ(W), u_r v_rᵀ⟩ = u_rᵀ G v_r
            for (int i = 0; i < n; i++) {
                inner += u.get(i + r * n) * b.get(i + r * n);
            }
            // dσ_r/dt = −N (θ_r²)^{1−1/N} ⟨∇ℓ(W), u_r v_rᵀ⟩
            rate[r] = -depth * StrictMath.pow(theta[r] * theta[r], exponent) * inner;
        }
    }

    /** θ_r += η·dσ_r/dt at the last {@link #observe}: one Euler step of length η, the gradient step's size. */
    public void advance(double eta) {
        for (int r = 0; r < k; r++) {
            theta[r] += eta * rate[r];
        }
    }

    /** θ_r, r from 0: the prediction for the end of the current interval. */
    double predicted(int r) {
        return theta[r];
    }

    /** The subspace iteration's current σ_r estimate (of W at the last {@link #observe}). */
    double tracked(int r) {
        return pairs.sigma(r);
    }

    double[] theta() {
        return theta.clone();
    }

    void setTheta(double[] values) {
        System.arraycopy(values, 0, theta, 0, k);
    }

    double[] basis() {
        return pairs.basis();
    }

    void setBasis(double[] basis) {
        pairs.setBasis(basis);
    }
}
