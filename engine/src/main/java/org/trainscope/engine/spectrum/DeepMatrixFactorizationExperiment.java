package org.trainscope.engine.spectrum;

import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.linalg.Gesdd;

/**
 * Deep matrix factorization for matrix completion (Arora, Cohen, Hu &amp; Luo, NeurIPS 2019): gradient descent on
 * W = W_N ⋯ W_1 from a small random start, no regulariser, fits the observed entries of a low-rank M — and, the
 * deeper the product, the better it completes the rest, because the singular values of W are learned one after
 * another, largest first. Each experiment step is {@code every} gradient steps; each frame takes one full SVD of W.
 * Frame scalars: {@code iteration} (gradient steps so far), {@code loss}, {@code test_error}, {@code mse},
 * {@code effective_rank}, {@code sv.1}…{@code sv.k} (measured) and {@code ode.sv.1}…{@code ode.sv.k} (Theorem 3
 * integrated over the last interval, see {@link TheoremThree}); series {@code sv}: all n singular values.
 */
public final class DeepMatrixFactorizationExperiment extends AbstractExperiment {

    // defaultSteps: 1000 gradient steps at η = 4e-3: depth 3 learns all five values by ~400 and converges by ~800.
    public static final ExperimentDef TYPE = new ExperimentDef(
            "deep-matrix-factorization",
            "Singular values over time: deep matrix factorization",
            new ExperimentDef.Explanation(
                    "Gradient descent fits the observed entries of a rank-5 matrix with a product of N matrices started "
                            + "near zero. The solid lines are the top singular values of the product (log scale); they "
                            + "rise one after another, largest first — \"the rich get richer\" — and the deeper the "
                            + "product, the sharper the staircase and the lower the error on the entries never seen. The "
                            + "dashed lines are Theorem 3 integrated from each frame's measured values with the measured "
                            + "gradient: with every = 1 they lie on the solid lines (a one-step prediction, off by about 1% "
                            + "of the step's change); raise every to integrate over longer stretches and watch the gap. "
                            + "Depth 1 only moves the observed entries: its test error stays at 1.",
                    "ℓ(W) = ½ Σ_{(i,j)∈Ω} (W_N⋯W_1 − M)²_ij\n"
                            + "dσ_r/dt = −N (σ_r²)^{1−1/N} ⟨∇ℓ(W), u_r v_rᵀ⟩   (Theorem 3)\n"
                            + "test error = ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F",
                    "Lecture 001, \"Evolution of singular values with time\"; Arora, Cohen, Hu & Luo, \"Implicit "
                            + "regularization in deep matrix factorization\", NeurIPS 2019, Theorem 3 and Fig. 3."),
            List.of(
                    new ParamSpec.Int("n", "Size of the n×n matrix", 100, 4, 400),
                    new ParamSpec.Int("rank", "Rank r of the ground truth M", 5, 1, 400),
                    new ParamSpec.Int("observed", "Number of observed entries |Ω| (the paper: 2000 or 5000 of 10,000)", 2000, 1, 160_000),
                    new ParamSpec.Int("depth", "Depth N of the product W_N⋯W_1 (1 = plain gradient descent on W)", 3, 1, 6),
                    new ParamSpec.Real("init", "Initial size ‖W‖_F/√n (each factor N(0, init^{2/N}/n))", 1e-3, 1e-9, 1),
                    new ParamSpec.Real("lr", "Learning rate η", 4e-3, 1e-7, 1),
                    new ParamSpec.Choice("optimizer", "gd, or normalized: η/(√v+ε), v the running mean of ‖∇‖²", "gd",
                            List.of("gd", "normalized")),
                    new ParamSpec.Int("k", "Singular values shown (sv.1 … sv.k)", 10, 1, 50),
                    new ParamSpec.Int("every", "Gradient steps per frame", 1, 1, 1000)),
            List.of(),
            1000, DeepMatrixFactorizationExperiment::new);

    /** RMSprop decay of the normalized variant's running mean of ‖∇‖². */
    static final double NORMALIZED_RHO = 0.9;
    /** ε of the normalized variant (as in the issue / the paper's code). */
    static final double NORMALIZED_EPS = 1e-4;

    private final Rng rng;
    private final MatrixCompletion problem;
    private final DeepFactorization model;
    private final TheoremThree theory;
    private final Gesdd svd;
    private final int k;
    private final int every;
    private final double lr;
    private final boolean normalized;
    private final double[] sigma;
    private long steps;
    private long iteration;
    private double meanSquareGradient; // normalized variant: running mean of Σ‖∂ℓ/∂W_j‖²
    private Frame frame;

    private DeepMatrixFactorizationExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        int n = params.integer("n");
        check(params);
        this.rng = new Rng(seed);
        this.problem = MatrixCompletion.generate(n, params.integer("rank"), params.integer("observed"), rng);
        this.model = new DeepFactorization(problem, params.integer("depth"), params.real("init"), rng);
        this.k = params.integer("k");
        double[] start = new double[n * TheoremThree.blockSize(n, k)];
        for (int i = 0; i < start.length; i++) {
            start[i] = rng.nextGaussian();
        }
        this.theory = new TheoremThree(n, k, start);
        this.svd = new Gesdd(n);
        this.every = params.integer("every");
        this.lr = params.real("lr");
        this.normalized = params.choice("optimizer").equals("normalized");
        this.sigma = new double[n];
        this.frame = measure(true);
    }

    static void check(Params p) {
        int n = p.integer("n");
        if (p.integer("observed") > n * n) {
            throw new ParamException("observed", "observed: " + p.integer("observed") + " entries cannot be observed in an "
                    + n + "×" + n + " matrix; expected at most " + n * n);
        }
        if (p.integer("rank") > n) {
            throw new ParamException("rank", "rank: " + p.integer("rank") + " exceeds n = " + n);
        }
        if (p.specs().stream().anyMatch(s -> s.name().equals("k")) && p.integer("k") > n) {
            throw new ParamException("k", "k: " + p.integer("k") + " singular values asked of an " + n + "×" + n + " matrix; expected at most " + n);
        }
    }

    /** The problem being completed (for tests and sweeps). */
    MatrixCompletion problem() {
        return problem;
    }

    DeepFactorization model() {
        return model;
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        return frame;
    }

    @Override
    public Frame step() {
        model.save();
        double[] thetaBefore = theory.theta();
        double msBefore = meanSquareGradient;
        long iterBefore = iteration;
        double[] basisBefore = theory.basis();
        theory.startInterval();
        for (int s = 0; s < every; s++) {
            model.gradients();
            double eta = lr;
            if (normalized) {
                // v ← ρv + (1−ρ) Σ_j‖∂ℓ/∂W_j‖²,  η_t = η / (√v + ε)
                meanSquareGradient = NORMALIZED_RHO * meanSquareGradient + (1 - NORMALIZED_RHO) * model.gradientNormSquared();
                eta = lr / (Math.sqrt(meanSquareGradient) + NORMALIZED_EPS);
            }
            theory.advance(model.endToEnd(), model.residual(), eta, model.depth());
            model.update(eta); // W_j ← W_j − η ∂ℓ/∂W_j
            model.forward();
            iteration++;
            if (!Double.isFinite(model.loss())) {
                model.rollback();
                theory.setBasis(basisBefore);
                theory.setTheta(thetaBefore);
                meanSquareGradient = msBefore;
                iteration = iterBefore;
                throw new DivergedException("the loss overflowed at gradient step " + (iterBefore + s + 1)
                        + "; lower lr (the limit shrinks as the singular values grow: η·N·σ₁^{2−2/N} must stay small)");
            }
        }
        steps++;
        frame = measure(false);
        return frame;
    }

    /** The frame of the current state: one full SVD of W. */
    private Frame measure(boolean initial) {
        double[] w = model.endToEnd().toArray();
        svd.singularValues(model.endToEnd(), sigma);
        Frame.Builder b = Frame.builder(steps)
                .scalar("iteration", iteration)
                .scalar("loss", model.loss())
                .scalar("test_error", problem.testError(w))
                .scalar("mse", problem.mse(w))
                .scalar("effective_rank", Spectra.effectiveRank(sigma));
        for (int r = 0; r < k; r++) {
            b.scalar("sv." + (r + 1), sigma[r]);
        }
        for (int r = 0; r < k; r++) {
            b.scalar("ode.sv." + (r + 1), initial ? sigma[r] : theory.predicted(r));
        }
        return b.series("sv", sigma).build();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).longValue("iteration", iteration)
                .longValue("rng", rng.state());
        double[][] w = model.saveFactors();
        for (int j = 0; j < w.length; j++) {
            b.array("W" + (j + 1), w[j]);
        }
        return b.array("basis", theory.basis()).array("theta", theory.theta())
                .array("mean_square_gradient", new double[] {meanSquareGradient}).build();
    }

    @Override
    public void restore(Snapshot s) {
        double[][] w = new double[model.depth()][];
        for (int j = 0; j < w.length; j++) {
            w[j] = s.array("W" + (j + 1));
        }
        model.restoreFactors(w);
        theory.setBasis(s.array("basis"));
        theory.setTheta(s.array("theta"));
        meanSquareGradient = s.array("mean_square_gradient")[0];
        steps = s.longValue("steps");
        iteration = s.longValue("iteration");
        rng.setState(s.longValue("rng"));
        frame = measure(steps == 0);
    }
}
