package org.trainscope.engine.spectrum;

import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
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
 * Frame: the outputs declared below ({@link #ODE_SV} is Theorem 3 integrated over the last interval, see
 * {@link TheoremThree}).
 */
public final class DeepMatrixFactorizationExperiment extends AbstractExperiment {
    // Declared before TYPE, which lists them (static init order). Shared by nuclear-norm and depth-comparison.
    public static final Output ITERATION = Output.scalar("iteration", "gradient steps taken so far", "steps");
    public static final Output LOSS = Output.scalar("loss", "½ Σ over the observed entries of (W − M)²");
    public static final Output TEST_ERROR = Output.scalar("test_error",
            "relative error on the entries never observed: ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F");
    public static final Output MSE = Output.scalar("mse", "mean of (W − M)² over all n² entries");
    public static final Output EFFECTIVE_RANK = Output.scalar("effective_rank",
            "exp of the entropy of σ/Σσ: 1 for rank one, n for an orthogonal matrix");
    public static final Output SV = Output.scalar("sv.{r}", "r-th largest singular value of W (r = 1 … k)");
    public static final Output ODE_SV = Output.scalar("ode.sv.{r}",
            "σ_r by Theorem 3, integrated over the last frame's gradient steps from the measured start (frame 0: measured)");
    public static final Output SPECTRUM = Output.series("sv", "all n singular values of W, largest first");

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
            List.of(ITERATION, LOSS, TEST_ERROR, MSE, EFFECTIVE_RANK, SV, ODE_SV, SPECTRUM),
            1000, DeepMatrixFactorizationExperiment::new);

    /** How each gradient step is scaled. */
    public enum Optimizer {
        /** Plain gradient descent: η. */
        GD,
        /** η/(√v + ε), v the running mean of ‖∇‖². */
        NORMALIZED;

        /** The param's value: {@code gd} or {@code normalized}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optimizer of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The params, read once. */
    public record Config(int n, int rank, int observed, int depth, double init, double lr, Optimizer optimizer, int k,
                         int every) {
        public static Config of(Params p) {
            return new Config(p.integer("n"), p.integer("rank"), p.integer("observed"), p.integer("depth"),
                    p.real("init"), p.real("lr"), Optimizer.of(p.choice("optimizer")), p.integer("k"), p.integer("every"));
        }

        /** These values as params of this experiment (validated: each must lie in its param's range). */
        public Params params() {
            return TYPE.defaults().withValue("n", n).withValue("rank", rank).withValue("observed", observed)
                    .withValue("depth", depth).withValue("init", init).withValue("lr", lr)
                    .withValue("optimizer", optimizer.id()).withValue("k", k).withValue("every", every);
        }
    }

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
        Config c = Config.of(params);
        int n = c.n();
        check(n, c.rank(), c.observed(), c.k());
        this.rng = new Rng(seed);
        this.problem = MatrixCompletion.generate(n, c.rank(), c.observed(), rng);
        this.model = new DeepFactorization(problem, c.depth(), c.init(), rng);
        this.k = c.k();
        double[] start = new double[n * TheoremThree.blockSize(n, k)];
        for (int i = 0; i < start.length; i++) {
            start[i] = rng.nextGaussian();
        }
        this.theory = new TheoremThree(n, k, start);
        this.svd = new Gesdd(n);
        this.every = c.every();
        this.lr = c.lr();
        this.normalized = c.optimizer() == Optimizer.NORMALIZED;
        this.sigma = new double[n];
        this.frame = measure(true);
    }

    /** Refuses what an n×n matrix cannot hold; each message names the params involved and the limit. */
    static void check(int n, int rank, int observed, int k) {
        if (observed > n * n) {
            throw new ParamException("observed", "observed: " + observed + " entries do not fit a " + n + "×" + n
                    + " matrix (n = " + n + "); at most " + n * n);
        }
        if (rank > n) {
            throw new ParamException("rank", "rank: " + rank + " exceeds n = " + n);
        }
        if (k > n) {
            throw new ParamException("k", "k: " + k + " singular values asked, but a " + n + "×" + n
                    + " matrix (n = " + n + ") has at most " + n);
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
                .scalar(ITERATION, iteration)
                .scalar(LOSS, model.loss())
                .scalar(TEST_ERROR, problem.testError(w))
                .scalar(MSE, problem.mse(w))
                .scalar(EFFECTIVE_RANK, Spectra.effectiveRank(sigma));
        for (int r = 0; r < k; r++) {
            b.scalar(SV.of(r + 1), sigma[r]);
        }
        for (int r = 0; r < k; r++) {
            b.scalar(ODE_SV.of(r + 1), initial ? sigma[r] : theory.predicted(r));
        }
        return b.series(SPECTRUM, sigma).build();
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
