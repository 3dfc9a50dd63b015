package org.trainscope.engine.spectrum;

import java.util.Arrays;

import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.linalg.DenseMatrix;
import org.trainscope.engine.linalg.TwoCores;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * A depth-N matrix factorization W = W_N ⋯ W_1 (each n×n) for matrix completion, trained by a rule of
 * {@code optim/} (gradient descent in the paper) over its factors as one vector, with the
 * closed-form gradients of ℓ = ½ Σ_Ω (W − M)² (Arora et al. 2019, eq. (2); lecture 001, "evolution of singular
 * values"):
 * <pre>
 *   G = P_Ω(W − M) = ∇ℓ(W),      ∂ℓ/∂W_j = (W_N ⋯ W_{j+1})ᵀ · G · (W_{j−1} ⋯ W_1)ᵀ
 * </pre>
 * All matrices are preallocated {@link DenseMatrix}es, and the optimizer works on them in place
 * ({@code Vector.of(DenseMatrix)}, joined); a GD step is 2N GEMMs through OpenBLAS (6 at N = 3) and a few BLAS-1
 * calls, no allocation.
 *
 * <p><b>Two cores.</b> At n ≥ {@value #SPLIT_AT} every product is cut into two column halves, the second on the
 * second core ({@link TwoCores}): column c of P_j = W_j P_{j−1} needs column c of P_{j−1} only, and so does column c
 * of back[j] = W_{j+1}ᵀ back[j+1], so the forward chain and the backward chain each run as two independent halves;
 * the gradients back[j]·P_{j−1}ᵀ, which need all of back[j], are a third pair of halves. Three hand-overs a step.
 * A column of a product is the same sum in the same order however the columns are cut, so the numbers are the same
 * bits on one core or two (and as without the cut). Lifecycle: construct (draws the factors, binds the optimizer), then {@link #step()} …
 * (the gradients at the current factors → the rule → {@link #forward()}); {@link #loss()}, {@link #endToEnd()} and
 * {@link #residual()} always describe the current factors.
 */
public final class DeepFactorization {
    /** Matrices at least this wide have their products cut into two column halves (see the class comment). */
    public static final int SPLIT_AT = 64;

    private final MatrixCompletion problem;
    private final int n;
    private final int depth;
    private final DenseMatrix[] factors;   // W_1 … W_N
    private final DenseMatrix[] prefix;    // prefix[j] = W_{j+1} ⋯ W_1 (prefix[0] is W_1 itself)
    private final DenseMatrix[] back;      // back[j] = (W_N ⋯ W_{j+2})ᵀ G, j < N−1; work for the backward pass
    private final DenseMatrix[] grads;     // ∂ℓ/∂W_j
    private final DenseMatrix residual;    // G = P_Ω(W − M), zero off Ω
    private final DenseMatrix[] saved;     // the factors at the last save(), for a rollback
    private final Vector weights;          // W_1 … W_N end to end, live: what the optimizer updates
    private final Optimizer optimizer;
    private final Objective objective;     // ℓ and ∂ℓ/∂W_j at the factors, into grads
    private final TwoCores.Half forwardPart = (half, c0, c1) -> forwardColumns(c0, c1);
    private final TwoCores.Half backPart = (half, c0, c1) -> backColumns(c0, c1);
    private final TwoCores.Half gradientPart = (half, c0, c1) -> gradientColumns(c0, c1);
    private Snapshot savedState;           // the optimizer's state at the last save()
    private long forwardAt;                // weights.version() of the last forward pass
    private double loss;

    /**
     * Draws W_1 … W_N i.i.d. N(0, s²) with s = init^{1/N}·n^{−1/2}, so that E‖W_N⋯W_1‖_F² = n·init² (the product
     * of N independent such factors has entry variance n^{N−1}s^{2N}); binds an optimizer of {@code config} to them.
     */
    public DeepFactorization(MatrixCompletion problem, int depth, double init, Rng rng, OptimizerConfig config) {
        this.problem = problem;
        this.n = problem.n();
        this.depth = depth;
        this.factors = new DenseMatrix[depth];
        this.prefix = new DenseMatrix[depth];
        this.back = new DenseMatrix[depth];
        this.grads = new DenseMatrix[depth];
        this.residual = new DenseMatrix(n, n);
        this.saved = new DenseMatrix[depth];
        double std = Math.pow(init, 1.0 / depth) / Math.sqrt(n);
        for (int j = 0; j < depth; j++) {
            factors[j] = new DenseMatrix(n, n);
            double[] w = new double[n * n];
            for (int i = 0; i < w.length; i++) {
                w[i] = std * rng.nextGaussian();
            }
            factors[j].copyFrom(w);
            saved[j] = new DenseMatrix(n, n);
            prefix[j] = j == 0 ? factors[0] : new DenseMatrix(n, n);
            grads[j] = depth == 1 ? residual : new DenseMatrix(n, n); // N = 1: ∂ℓ/∂W = G itself
            back[j] = j == 0 ? grads[0] : j < depth - 1 ? new DenseMatrix(n, n) : residual;
        }
        this.weights = Vector.join(Arrays.stream(factors).map(Vector::of).toArray(Vector[]::new));
        Vector gradient = Vector.join(Arrays.stream(grads).map(Vector::of).toArray(Vector[]::new));
        this.optimizer = config.create(weights, gradient);
        this.objective = Objective.atParameters(weights, gradient, () -> {
            if (weights.version() != forwardAt) {   // another point swapped in (Nesterov's look-ahead)
                forward();
            }
            gradients();
            return loss;
        });
        forward();
    }

    /** P_j = W_j P_{j−1}, W = P_N, then G = P_Ω(W − M) and ℓ. */
    public void forward() {
        inHalves(forwardPart);
        loss = problem.residual(endToEnd(), residual);
        forwardAt = weights.version();
    }

    /** ∂ℓ/∂W_j for every j, from the current G and prefix products. */
    public void gradients() {
        inHalves(backPart);
        inHalves(gradientPart);
    }

    /** Columns c0 … c1−1 of the prefix products. */
    private void forwardColumns(int c0, int c1) {
        for (int j = 1; j < depth; j++) {
            DenseMatrix.gemmColumns(false, false, 1, factors[j], prefix[j - 1], 0, prefix[j], c0, c1); // P_j = W_j P_{j−1}
        }
    }

    /** Columns c0 … c1−1 of back[j] = W_{j+1}ᵀ back[j+1] (= (W_N⋯W_{j+1})ᵀ G), back[N−1] = G; back[0] = ∂ℓ/∂W_1. */
    private void backColumns(int c0, int c1) {
        for (int j = depth - 2; j >= 0; j--) {
            DenseMatrix.gemmColumns(true, false, 1, factors[j + 1], back[j + 1], 0, back[j], c0, c1);
        }
    }

    /** Columns c0 … c1−1 of ∂ℓ/∂W_j = back[j] · P_{j−1}ᵀ for the factors j ≥ 2 (indices from 1), once back[] is whole. */
    private void gradientColumns(int c0, int c1) {
        for (int j = 1; j < depth; j++) {
            DenseMatrix.gemmColumns(false, true, 1, back[j], prefix[j - 1], 0, grads[j], c0, c1);
        }
    }

    /** {@code part} on all columns, or on two column halves (the second on the second core) when n is large. */
    private void inHalves(TwoCores.Half part) {
        if (n < SPLIT_AT) {
            part.run(0, 0, n);
        } else {
            TwoCores.halves(n, part);
        }
    }

    /**
     * One step of the optimizer — GD: W_j ← W_j − η_t·∂ℓ/∂W_j for every j — with the gradients at the current factors
     * (from the forward pass already done), then the forward pass at the new factors.
     */
    public void step() {
        optimizer.step(objective);
        forward();
    }

    /** The optimizer of the factors (its step count, schedule, step size and state). */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Remembers the current factors (BLAS dcopy) and the optimizer's state. */
    void save() {
        for (int j = 0; j < depth; j++) {
            saved[j].copyFrom(factors[j]);
        }
        savedState = optimizer.state();
    }

    /** Back to the factors and optimizer state of the last {@link #save()}, bit for bit; redoes the forward pass. */
    void rollback() {
        for (int j = 0; j < depth; j++) {
            factors[j].copyFrom(saved[j]);
        }
        optimizer.restore(savedState);
        forward();
    }

    int depth() {
        return depth;
    }

    double loss() {
        return loss;
    }

    /** W = W_N ⋯ W_1 of the current factors (live buffer). */
    public DenseMatrix endToEnd() {
        return prefix[depth - 1];
    }

    /** G = P_Ω(W − M) = ∇ℓ(W) (live buffer). */
    public DenseMatrix residual() {
        return residual;
    }

    /** ∂ℓ/∂W_j of the last {@link #gradients()} (live buffer; j from 0). */
    DenseMatrix gradient(int j) {
        return grads[j];
    }

    /** The factor W_{j+1} (live buffer; j from 0). */
    DenseMatrix factor(int j) {
        return factors[j];
    }

    /** Column-major copies of W_1 … W_N. */
    double[][] saveFactors() {
        double[][] out = new double[depth][];
        for (int j = 0; j < depth; j++) {
            out[j] = factors[j].toArray();
        }
        return out;
    }

    /** Sets W_1 … W_N and recomputes the forward pass. */
    void restoreFactors(double[][] w) {
        for (int j = 0; j < depth; j++) {
            factors[j].copyFrom(w[j]);
        }
        forward();
    }
}
