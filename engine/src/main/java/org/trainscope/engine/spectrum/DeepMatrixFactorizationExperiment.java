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
import org.trainscope.engine.linalg.DenseMatrix;
import org.trainscope.engine.linalg.Gesdd;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;

/**
 * Deep matrix factorization for matrix completion (Arora, Cohen, Hu &amp; Luo, NeurIPS 2019): gradient descent on
 * W = W_N ⋯ W_1 from a small random start, no regulariser, fits the observed entries of a low-rank M — and, the
 * deeper the product, the better it completes the rest, because the singular values of W are learned one after
 * another, largest first. The rule is a param ({@link #optimizerSpecs}: gd by default, any rule of {@code optim/}).
 * Each experiment step is {@code every} gradient steps; each frame takes one full SVD of W.
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
    // Theorem 3's terms at the frame's W, from the frame's SVD (declared last: an old session's frame is a prefix).
    public static final Output THM3_FACTOR = Output.scalar("thm3.factor.{r}",
            "N·(σ_r²)^{1−1/N}, Theorem 3's factor at the frame's W (r = 1 … k)");
    public static final Output THM3_PROJECTION = Output.scalar("thm3.projection.{r}",
            "⟨∇ℓ(W), u_r v_rᵀ⟩ = u_rᵀ ∇ℓ(W) v_r, the gradient along the r-th singular pair of the frame's W");
    public static final Output THM3_RATE = Output.scalar("thm3.rate.{r}",
            "dσ_r/dt = −factor·projection, Theorem 3's rate at the frame's W", "per unit of time (η per step)");

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
                            + "Depth 1 only moves the observed entries: its test error stays at 1. Theorem 3 is about "
                            + "gradient descent: with normalized the dashed lines use its step η/(√v+ε); with momentum "
                            + "or the per-coordinate rules they still assume plain GD at η and part from the solid lines.",
                    "ℓ(W) = ½ Σ_{(i,j)∈Ω} (W_N⋯W_1 − M)²_ij\n"
                            + "dσ_r/dt = −N (σ_r²)^{1−1/N} ⟨∇ℓ(W), u_r v_rᵀ⟩   (Theorem 3)\n"
                            + "test error = ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F",
                    "Lecture 001, \"Evolution of singular values with time\"; Arora, Cohen, Hu & Luo, \"Implicit "
                            + "regularization in deep matrix factorization\", NeurIPS 2019, Theorem 3 and Fig. 3.")
                    .withEquations(
                            "\\ell(W) = \\tfrac12 \\sum_{(i,j)\\in\\Omega} (W_N\\cdots W_1 - M)_{ij}^2 = \\val{loss}",
                            "\\frac{d\\sigma_r}{dt} = -N(\\sigma_r^2)^{1-1/N}\\langle\\nabla\\ell(W),\\, u_r v_r^{\\top}\\rangle\\quad (\\text{Theorem 3})",
                            "\\frac{d\\sigma_1}{dt} = -\\val{thm3.factor.1}\\cdot(\\val{thm3.projection.1}) = \\val{thm3.rate.1},\\quad \\sigma_1 = \\val{sv.1}\\ \\ (\\text{Thm 3: } \\val{ode.sv.1})",
                            "\\frac{d\\sigma_2}{dt} = -\\val{thm3.factor.2}\\cdot(\\val{thm3.projection.2}) = \\val{thm3.rate.2},\\quad \\sigma_2 = \\val{sv.2}\\ \\ (\\text{Thm 3: } \\val{ode.sv.2})",
                            "\\frac{d\\sigma_3}{dt} = -\\val{thm3.factor.3}\\cdot(\\val{thm3.projection.3}) = \\val{thm3.rate.3},\\quad \\sigma_3 = \\val{sv.3}\\ \\ (\\text{Thm 3: } \\val{ode.sv.3})",
                            "\\text{test error} = \\frac{\\|P_{\\Omega^c}(W - M)\\|_F}{\\|P_{\\Omega^c}(M)\\|_F} = \\val{test_error},\\qquad \\text{effective rank } \\val{effective_rank}"),
            ParamSpec.join(List.of(
                    new ParamSpec.Int("n", "Size of the n×n matrix", 100, 4, 400),
                    new ParamSpec.Int("rank", "Rank r of the ground truth M", 5, 1, 400),
                    new ParamSpec.Int("observed", "Number of observed entries |Ω| (the paper: 2000 or 5000 of 10,000)", 2000, 1, 160_000),
                    new ParamSpec.Int("depth", "Depth N of the product W_N⋯W_1 (1 = plain gradient descent on W)", 3, 1, 6),
                    new ParamSpec.Real("init", "Initial size ‖W‖_F/√n (each factor N(0, init^{2/N}/n))", 1e-3, 1e-9, 1),
                    new ParamSpec.Int("k", "Singular values shown (sv.1 … sv.k)", 10, 1, 50),
                    new ParamSpec.Int("every", "Gradient steps per frame (at most what keeps a frame near 200 ms: "
                            + "about 230 at n = 100, depth 3; 1 at n = 400, depth 6)", 1, 1, 1000)),
                    optimizerSpecs("Learning rate η")),
            List.of(ITERATION, LOSS, TEST_ERROR, MSE, EFFECTIVE_RANK, SV, ODE_SV, SPECTRUM, THM3_FACTOR,
                    THM3_PROJECTION, THM3_RATE),
            1000, DeepMatrixFactorizationExperiment::new);

    /**
     * The optimizer params of the factorizations (here and in depth-comparison and completion-sweep): every trained
     * rule, gd by default; {@code lr} in [1e-7, 1] as saved sessions have it, in the experiment's words; ε = 1e-4 by
     * default, the normalized variant's own (v is a mean of ‖∇‖² over all entries, far above one entry's g²).
     */
    static List<ParamSpec> optimizerSpecs(String lrDescription) {
        return OptimizerParams.specs("gd", 4e-3,
                new ParamSpec.Choice("optimizer", "Update rule (Theorem 3's dashed lines assume gd; normalized: "
                        + "η/(√v+ε), v the running mean of ‖∇‖²)", "gd", OptimizerParams.TRAINED_RULES),
                new ParamSpec.Real("lr", lrDescription, 4e-3, 1e-7, 1),
                new ParamSpec.Real("eps", "ε of AdaGrad, RMSprop, Adam, normalized (1e-4: normalized's)", 1e-4, 1e-12, 1));
    }

    /**
     * The params, read once.
     *
     * @param optimizer the update rule of the factors and its hyper-parameters
     */
    public record Config(int n, int rank, int observed, int depth, double init, OptimizerConfig optimizer, int k,
                         int every) {
        public static Config of(Params p) {
            return new Config(p.integer("n"), p.integer("rank"), p.integer("observed"), p.integer("depth"),
                    p.real("init"), OptimizerConfig.from(p), p.integer("k"), p.integer("every"));
        }

        /** These values as params of this experiment (validated: each must lie in its param's range). */
        public Params params() {
            return OptimizerParams.write(TYPE.defaults().withValue("n", n).withValue("rank", rank)
                    .withValue("observed", observed).withValue("depth", depth).withValue("init", init)
                    .withValue("k", k).withValue("every", every), optimizer);
        }
    }

    private final Rng rng;
    private final MatrixCompletion problem;
    private final DeepFactorization model;
    private final TheoremThree theory;
    private final Gesdd svd;
    private final int k;
    private final int every;
    private final double[] sigma;
    private long steps;
    private long iteration;
    private Frame frame;

    private DeepMatrixFactorizationExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Config c = Config.of(params);
        int n = c.n();
        check(n, c.rank(), c.observed(), c.k());
        if (c.every() > maxEvery(n, c.depth(), c.k())) {
            throw new ParamException("every", "every: " + c.every() + " gradient steps of a depth-" + c.depth() + " "
                    + n + "×" + n + " product (n = " + n + ", depth = " + c.depth() + ", k = " + c.k()
                    + ") take too long for one frame (~200 ms); at most " + maxEvery(n, c.depth(), c.k()) + " here");
        }
        this.rng = new Rng(seed);
        this.problem = MatrixCompletion.generate(n, c.rank(), c.observed(), rng);
        this.model = new DeepFactorization(problem, c.depth(), c.init(), rng, c.optimizer());
        this.k = c.k();
        double[] start = new double[n * TheoremThree.blockSize(n, k)];
        for (int i = 0; i < start.length; i++) {
            start[i] = rng.nextGaussian();
        }
        this.theory = new TheoremThree(n, k, start);
        this.svd = new Gesdd(n);
        this.every = c.every();
        this.sigma = new double[n];
        this.frame = measure(true);
    }

    /**
     * Multiply-adds a frame may take: about 200 ms on a core that does ~15·10⁹ a second (DGEMM here). The model
     * below is counted, not timed, so the same params are allowed on every machine.
     */
    static final double FRAME_WORK = 3e9;

    /** Multiply-adds of a frame's full SVD with vectors (gesdd) of an n×n matrix: ≈ 20 n³. */
    static double svdWork(int n) {
        return 20.0 * n * n * n;
    }

    /**
     * Multiply-adds of one gradient step: the product, its gradient and the factors' updates, ≈ 4N n³, and Theorem
     * 3's tracked singular pairs (k + 4 of them), ≈ 8 n²(k + 4).
     */
    static double stepWork(int n, int depth, int k) {
        return 4.0 * depth * n * n * n + 8.0 * n * n * TheoremThree.blockSize(n, k);
    }

    /** The most gradient steps a frame (one SVD and {@code every} steps) may take within {@link #FRAME_WORK}. */
    public static int maxEvery(int n, int depth, int k) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (FRAME_WORK - svdWork(n)) / stepWork(n, depth, k)));
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
        long iterBefore = iteration;
        double[] basisBefore = theory.basis();
        theory.startInterval();
        for (int s = 0; s < every; s++) {
            theory.observe(model.endToEnd(), model.residual(), model.depth()); // dσ_r/dt at W_t
            model.step();                                                      // W_j ← rule(W_j, ∂ℓ/∂W_j); forward
            theory.advance(stepSize());                                        // θ_r += η_t·dσ_r/dt
            iteration++;
            if (!Double.isFinite(model.loss())) {
                model.rollback();
                theory.setBasis(basisBefore);
                theory.setTheta(thetaBefore);
                iteration = iterBefore;
                throw new DivergedException("the loss overflowed at gradient step " + (iterBefore + s + 1)
                        + "; lower lr (the limit shrinks as the singular values grow: η·N·σ₁^{2−2/N} must stay small)");
            }
        }
        steps++;
        frame = measure(false);
        return frame;
    }

    /**
     * The length of the Euler step Theorem 3 takes for the gradient step just made: the rule's own if it moved W
     * along −∇ℓ by one scalar (gd: η_t; normalized: η_t/(√v+ε)), else the schedule's η_t, as if it were gd.
     */
    private double stepSize() {
        Optimizer o = model.optimizer();
        double s = o.stepSize();
        return Double.isNaN(s) ? o.config().lr().at(o.t() - 1) : s;
    }

    /** The frame of the current state: one full SVD of W, with its vectors for Theorem 3's terms. */
    private Frame measure(boolean initial) {
        double[] w = model.endToEnd().toArray();
        svd.decompose(model.endToEnd(), sigma);
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
        b.series(SPECTRUM, sigma);
        int depth = model.depth();
        for (int r = 0; r < k; r++) {
            double factor = depth * StrictMath.pow(sigma[r] * sigma[r], 1.0 - 1.0 / depth); // N (σ_r²)^{1−1/N}
            double projection = pairProjection(model.residual(), r);                      // ⟨∇ℓ(W), u_r v_rᵀ⟩
            b.scalar(THM3_FACTOR.of(r + 1), factor)
                    .scalar(THM3_PROJECTION.of(r + 1), projection)
                    .scalar(THM3_RATE.of(r + 1), -factor * projection);                   // dσ_r/dt
        }
        return b.build();
    }

    /** u_rᵀ G v_r with (u_r, v_r) the r-th pair of the last {@link Gesdd#decompose} (column-major buffers). */
    private double pairProjection(DenseMatrix g, int r) {
        java.nio.DoubleBuffer u = svd.u().buffer();
        java.nio.DoubleBuffer vt = svd.vt().buffer();
        java.nio.DoubleBuffer gb = g.buffer();
        int n = g.rows();
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double vj = vt.get(r + j * n);        // Vᵀ[r][j] = v_r[j]
            double gv = 0;
            for (int i = 0; i < n; i++) {
                gv += u.get(i + r * n) * gb.get(i + j * n);
            }
            sum += gv * vj;
        }
        return sum;
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).longValue("iteration", iteration)
                .longValue("rng", rng.state());
        double[][] w = model.saveFactors();
        for (int j = 0; j < w.length; j++) {
            b.array("W" + (j + 1), w[j]);
        }
        return b.put("opt", model.optimizer().state()).array("basis", theory.basis()).array("theta", theory.theta())
                .build();
    }

    @Override
    public void restore(Snapshot s) {
        double[][] w = new double[model.depth()][];
        for (int j = 0; j < w.length; j++) {
            w[j] = s.array("W" + (j + 1));
        }
        model.restoreFactors(w);
        model.optimizer().restore(s.under("opt"));
        theory.setBasis(s.array("basis"));
        theory.setTheta(s.array("theta"));
        steps = s.longValue("steps");
        iteration = s.longValue("iteration");
        rng.setState(s.longValue("rng"));
        frame = measure(steps == 0);
    }
}
