package org.trainscope.engine.spectrum;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.OptimizerConfig;

/**
 * Depth 1, 2 and 3 side by side: three {@link DeepMatrixFactorizationExperiment}s with the same params and seed —
 * so the same M, the same Ω — stepped in lockstep. Frame: {@code iteration} and, for d = 1, 2, 3, the outputs
 * declared below, each the depth-d run's own.
 */
public final class DepthComparisonExperiment extends AbstractExperiment {
    public static final Output LOSS = Output.scalar("depth{d}.loss", "loss of the depth-d product: ½ Σ_Ω (W − M)²");
    public static final Output TEST_ERROR = Output.scalar("depth{d}.test_error",
            "test error of the depth-d product: ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F");
    public static final Output EFFECTIVE_RANK = Output.scalar("depth{d}.effective_rank",
            "effective rank exp(H(σ/Σσ)) of the depth-d product");
    public static final Output SV = Output.scalar("depth{d}.sv.{r}", "r-th largest singular value of the depth-d product");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "depth-comparison",
            "Depth 1 vs 2 vs 3 on the same matrix",
            new ExperimentDef.Explanation(
                    "The same rank-5 matrix, the same observed entries, the same start size and optimizer — only "
                            + "the depth differs. Depth 1 raises all its singular values together and never touches "
                            + "the unobserved entries; depth 2 and 3 raise them one at a time, and depth 3's staircase "
                            + "is the sharpest, with the smallest values left near zero: a low-rank answer, and the "
                            + "lowest test error.",
                    "W = W_N ⋯ W_1,  N = 1, 2, 3;   dσ_r/dt = −N (σ_r²)^{1−1/N} ⟨∇ℓ(W), u_r v_rᵀ⟩",
                    "Arora, Cohen, Hu & Luo, NeurIPS 2019, Fig. 3; lecture 001, \"Evolution of singular values with time\".")
                    .withEquations(
                            "W = W_N\\cdots W_1:\\quad \\sigma_1 = \\val{depth1.sv.1},\\ \\val{depth2.sv.1},\\ \\val{depth3.sv.1}\\quad (N = 1, 2, 3)",
                            "\\frac{d\\sigma_r}{dt} = -N(\\sigma_r^2)^{1-1/N}\\langle\\nabla\\ell(W),\\, u_r v_r^{\\top}\\rangle",
                            "\\text{test error: } \\val{depth1.test_error},\\ \\val{depth2.test_error},\\ \\val{depth3.test_error}"),
            ParamSpec.join(List.of(
                    new ParamSpec.Int("n", "Size of the n×n matrix (at most 320: a frame takes three full SVDs, "
                            + "~200 ms at 320)", 100, 4, 320),
                    new ParamSpec.Int("rank", "Rank r of the ground truth M", 5, 1, 400),
                    new ParamSpec.Int("observed", "Number of observed entries |Ω|", 2000, 1, 160_000),
                    new ParamSpec.Real("init", "Initial size ‖W‖_F/√n", 1e-3, 1e-9, 1),
                    new ParamSpec.Int("k", "Singular values shown per depth", 6, 1, 50),
                    new ParamSpec.Int("every", "Gradient steps per frame (at most what keeps a frame near 200 ms: "
                            + "about 110 at n = 100)", 1, 1, 1000)),
                    DeepMatrixFactorizationExperiment.optimizerSpecs("Learning rate η (the same for every depth)")),
            List.of(DeepMatrixFactorizationExperiment.ITERATION, LOSS, TEST_ERROR, EFFECTIVE_RANK, SV),
            1000, DepthComparisonExperiment::new);

    /** The depths compared: 1 … DEPTHS. */
    public static final int DEPTHS = 3;

    /**
     * The params, read once.
     *
     * @param optimizer the rule of every depth, with its hyper-parameters
     */
    public record Config(int n, int rank, int observed, double init, OptimizerConfig optimizer, int k, int every) {
        public static Config of(Params p) {
            return new Config(p.integer("n"), p.integer("rank"), p.integer("observed"), p.real("init"),
                    OptimizerConfig.from(p), p.integer("k"), p.integer("every"));
        }

        /** The params of the depth-d run: these values. */
        DeepMatrixFactorizationExperiment.Config run(int depth) {
            return new DeepMatrixFactorizationExperiment.Config(n, rank, observed, depth, init, optimizer, k, every);
        }
    }

    private final List<Experiment> runs = new ArrayList<>();
    private final int k;
    private long steps;
    private Frame frame;

    private DepthComparisonExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Config c = Config.of(params);
        DeepMatrixFactorizationExperiment.check(c.n(), c.rank(), c.observed(), c.k());
        if (c.every() > maxEvery(c.n(), c.k())) {
            throw new ParamException("every", "every: " + c.every() + " gradient steps of the depth 1, 2 and 3 "
                    + c.n() + "×" + c.n() + " products (n = " + c.n() + ", k = " + c.k()
                    + ") take too long for one frame (~200 ms); at most " + maxEvery(c.n(), c.k()) + " here");
        }
        this.k = c.k();
        for (int d = 1; d <= DEPTHS; d++) {
            runs.add(DeepMatrixFactorizationExperiment.TYPE.create(c.run(d).params(), seed));
        }
        frame = combine();
    }

    /**
     * The most gradient steps a frame may take: three SVDs and {@code every} steps of each depth within
     * {@link DeepMatrixFactorizationExperiment#FRAME_WORK}, counted as there.
     */
    static int maxEvery(int n, int k) {
        double step = 0;
        for (int d = 1; d <= DEPTHS; d++) {
            step += DeepMatrixFactorizationExperiment.stepWork(n, d, k);
        }
        double svds = DEPTHS * DeepMatrixFactorizationExperiment.svdWork(n);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (DeepMatrixFactorizationExperiment.FRAME_WORK - svds) / step));
    }

    @Override
    public Frame step() {
        List<Snapshot> before = new ArrayList<>();
        for (Experiment e : runs) {
            before.add(e.snapshot());
        }
        try {
            for (Experiment e : runs) {
                e.step();
            }
        } catch (RuntimeException ex) {
            for (int d = 0; d < DEPTHS; d++) {
                runs.get(d).restore(before.get(d)); // all three stay at the last common frame
            }
            throw ex;
        }
        steps++;
        frame = combine();
        return frame;
    }

    private Frame combine() {
        Frame.Builder b = Frame.builder(steps).scalar(DeepMatrixFactorizationExperiment.ITERATION,
                runs.get(0).frame().scalar(DeepMatrixFactorizationExperiment.ITERATION));
        for (int d = 1; d <= DEPTHS; d++) {
            Frame f = runs.get(d - 1).frame();
            b.scalar(LOSS.of(d), f.scalar(DeepMatrixFactorizationExperiment.LOSS));
            b.scalar(TEST_ERROR.of(d), f.scalar(DeepMatrixFactorizationExperiment.TEST_ERROR));
            b.scalar(EFFECTIVE_RANK.of(d), f.scalar(DeepMatrixFactorizationExperiment.EFFECTIVE_RANK));
            for (int r = 1; r <= k; r++) {
                b.scalar(SV.of(d, r), f.scalar(DeepMatrixFactorizationExperiment.SV.of(r)));
            }
        }
        return b.build();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps);
        for (int d = 1; d <= DEPTHS; d++) {
            b.put("depth" + d, runs.get(d - 1).snapshot());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        for (int d = 1; d <= DEPTHS; d++) {
            runs.get(d - 1).restore(s.under("depth" + d));
        }
        steps = s.longValue("steps");
        frame = combine();
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        return frame;
    }
}
