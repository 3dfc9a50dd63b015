package org.trainscope.engine.spectrum;

import java.util.Arrays;
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
 * The paper's headline comparison (Arora et al. 2019, Fig. 1): test error against the number of observed entries
 * for depth-1, 2 and 3 factorizations trained by gradient descent and for nuclear-norm minimization, all on the
 * same M (same seed). Ω grows by nesting: the first |Ω| draws of one shuffle, so a larger set contains the smaller.
 * Each step is one (observed count, method) cell — a whole training run or soft-impute path — so the sweep runs
 * as a background job whose progress is the step count and which can be abandoned between cells.
 * Frame: the outputs declared below; NaN stands for a value not computed yet.
 */
public final class CompletionSweepExperiment extends AbstractExperiment {
    public static final Output PROGRESS = Output.scalar("progress", "fraction of the cells computed");
    public static final Output OBSERVED = Output.scalar("observed", "observed entries of the last cell computed", "entries");
    public static final Output TEST_ERROR = Output.scalar("test_error",
            "test error of the last cell computed: ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F");
    public static final Output METHOD_TEST_ERROR = Output.scalar("test_error.{method}",
            "test error of the method (depth1 … nuclear) at the last cell's number of observed entries");
    public static final Output COUNTS = Output.series("observed", "the numbers of observed entries swept", "entries");
    public static final Output DEPTH1 = Output.series("depth1", "test error of depth-1 gradient descent at each count");
    public static final Output DEPTH2 = Output.series("depth2", "test error of depth-2 gradient descent at each count");
    public static final Output DEPTH3 = Output.series("depth3", "test error of depth-3 gradient descent at each count");
    public static final Output NUCLEAR = Output.series("nuclear", "test error of nuclear-norm minimization at each count");

    // defaultSteps: One step per cell: 5 counts × 4 methods.
    public static final ExperimentDef TYPE = new ExperimentDef(
            "completion-sweep",
            "Sweep: test error vs observed entries (depth 1, 2, 3, nuclear norm)",
            new ExperimentDef.Explanation(
                    "For each number of observed entries, the same rank-5 matrix is completed four ways: gradient "
                            + "descent (or the rule chosen) on a product of 1, 2 or 3 matrices from a small start, and "
                            + "nuclear-norm minimization. With few observations depth 3 is far better than the convex "
                            + "method — and depth 1 cannot complete anything. Each step computes one cell in the "
                            + "background.",
                    "test error = ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F  against |Ω|",
                    "Arora, Cohen, Hu & Luo, NeurIPS 2019, Fig. 1 (matrix completion, n = 100, rank 5); lecture 001.")
                    .withEquations(
                            "\\text{test error} = \\frac{\\|P_{\\Omega^c}(W - M)\\|_F}{\\|P_{\\Omega^c}(M)\\|_F},\\qquad |\\Omega| = \\val{observed}",
                            "N = 1:\\ \\val{test_error.depth1},\\quad N = 2:\\ \\val{test_error.depth2},\\quad N = 3:\\ \\val{test_error.depth3},\\quad \\|\\cdot\\|_*:\\ \\val{test_error.nuclear}"),
            ParamSpec.join(List.of(
                    new ParamSpec.Int("n", "Size of the n×n matrix (at most 250: a nuclear-norm cell is 400 SVDs "
                            + "of n×n, ~10 s at 250)", 100, 4, 250),
                    new ParamSpec.Int("rank", "Rank r of the ground truth M", 5, 1, 250),
                    new ParamSpec.Int("observed_from", "Fewest observed entries", 1000, 1, 62_500),
                    new ParamSpec.Int("observed_to", "Most observed entries (at most n²)", 5000, 1, 62_500),
                    new ParamSpec.Int("points", "Numbers of observed entries tried", 5, 1, 50),
                    new ParamSpec.Int("gd_steps", "Gradient steps per factorization run (at most ~10 s of work a cell: "
                            + "about 11,000 at n = 100)", 1000, 1, 100_000),
                    new ParamSpec.Real("init", "Initial size of the factorizations", 1e-3, 1e-9, 1)),
                    DeepMatrixFactorizationExperiment.optimizerSpecs("Learning rate of the factorizations")),
            List.of(PROGRESS, OBSERVED, TEST_ERROR, METHOD_TEST_ERROR, COUNTS, DEPTH1, DEPTH2, DEPTH3, NUCLEAR),
            20, CompletionSweepExperiment::new);

    /** The methods, in the order each count runs them. */
    public static final List<String> METHODS = List.of("depth1", "depth2", "depth3", "nuclear");
    /** The test-error series of each method, in the order of {@link #METHODS}. */
    public static final List<Output> ERRORS = List.of(DEPTH1, DEPTH2, DEPTH3, NUCLEAR);
    /** {@code every} of the factorization runs is at most this (its param's limit); longer runs take several steps. */
    static final int MAX_EVERY = 1000;
    /**
     * Multiply-adds one cell may take, about 10 s here: a cell is one step, computed in the background, and Cancel
     * waits for it (a nuclear-norm cell is 400 SVDs of n×n, hence n ≤ 250).
     */
    static final double CELL_WORK = 1.5e11;

    /**
     * The params, read once.
     *
     * @param optimizer the rule of the factorizations, with its hyper-parameters
     */
    public record Config(int n, int rank, int observedFrom, int observedTo, int points, int gdSteps, double init,
                         OptimizerConfig optimizer) {
        public static Config of(Params p) {
            return new Config(p.integer("n"), p.integer("rank"), p.integer("observed_from"), p.integer("observed_to"),
                    p.integer("points"), p.integer("gd_steps"), p.real("init"), OptimizerConfig.from(p));
        }
    }

    private final Config config;

    private final int[] counts;
    private final double[][] errors; // [method][point]
    private long steps;
    private Frame frame;

    private CompletionSweepExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        this.config = Config.of(params);
        int n = config.n();
        int from = config.observedFrom();
        int to = config.observedTo();
        if (to > n * n) {
            throw new ParamException("observed_to", "observed_to: " + to + " entries do not fit a " + n + "×" + n
                    + " matrix (n = " + n + "); at most " + n * n);
        }
        if (from > to) {
            throw new ParamException("observed_from", "observed_from: " + from + " is larger than observed_to = " + to);
        }
        if (config.rank() > n) {
            throw new ParamException("rank", "rank: " + config.rank() + " exceeds n = " + n);
        }
        if (config.gdSteps() > maxGdSteps(n)) {
            throw new ParamException("gd_steps", "gd_steps: " + config.gdSteps() + " gradient steps of a depth-3 " + n
                    + "×" + n + " product (n = " + n + ") take too long for one cell (~10 s); at most " + maxGdSteps(n)
                    + " here");
        }
        int points = config.points();
        this.counts = new int[points];
        for (int i = 0; i < points; i++) {
            counts[i] = points == 1 ? from : (int) Math.round(from + (to - from) * (double) i / (points - 1));
        }
        this.errors = new double[METHODS.size()][points];
        for (double[] row : errors) {
            Arrays.fill(row, Double.NaN);
        }
        this.frame = measure(Double.NaN, Double.NaN);
    }

    /**
     * The most gradient steps a depth-3 cell may take: {@link #CELL_WORK} multiply-adds, with a frame (one SVD) per
     * chunk of {@link #every} steps, counted as in {@link DeepMatrixFactorizationExperiment#FRAME_WORK}.
     */
    static int maxGdSteps(int n) {
        double perStep = DeepMatrixFactorizationExperiment.stepWork(n, 3, shown(n))
                + DeepMatrixFactorizationExperiment.svdWork(n) / every(Integer.MAX_VALUE, n, 3);
        return (int) Math.min(Integer.MAX_VALUE, CELL_WORK / perStep);
    }

    /** Gradient steps per chunk of a depth-{@code depth} run of {@code gd} steps: a frame's worth, at most MAX_EVERY. */
    private static int every(int gd, int n, int depth) {
        return Math.min(gd, Math.min(MAX_EVERY, DeepMatrixFactorizationExperiment.maxEvery(n, depth, shown(n))));
    }

    /** Singular values the single runs track (their k). */
    private static int shown(int n) {
        return Math.min(10, n);
    }

    /** Cells in the whole sweep. */
    public int cells() {
        return counts.length * METHODS.size();
    }

    @Override
    public Frame step() {
        if (steps >= cells()) {
            steps++; // the sweep is complete: nothing left to compute
            frame = measure(frame.scalar(OBSERVED), frame.scalar(TEST_ERROR));
            return frame;
        }
        int point = (int) (steps / METHODS.size());
        int method = (int) (steps % METHODS.size());
        double error = method < 3 ? deep(counts[point], method + 1) : nuclear(counts[point]);
        errors[method][point] = error;
        steps++;
        frame = measure(counts[point], error);
        return frame;
    }

    /**
     * Depth-N gradient descent for {@code gd_steps} steps, recorded once at the end. Runs longer than {@link #MAX_EVERY}
     * take chunks of that many steps and a last run of the rest, forked from the chunks' snapshot: the same
     * gradient steps, in the same order, as one run.
     */
    private double deep(int observed, int depth) {
        int gd = config.gdSteps();
        int every = every(gd, config.n(), depth);
        Experiment e = DeepMatrixFactorizationExperiment.TYPE.create(run(observed, depth, every).params(), seed);
        Frame f = e.frame();
        for (int s = 0; s < gd / every; s++) {
            f = e.step();
        }
        int rest = gd % every;
        if (rest > 0) {
            Experiment tail = DeepMatrixFactorizationExperiment.TYPE.create(run(observed, depth, rest).params(), seed);
            tail.restore(e.snapshot());
            f = tail.step();
        }
        return f.scalar(DeepMatrixFactorizationExperiment.TEST_ERROR);
    }

    private DeepMatrixFactorizationExperiment.Config run(int observed, int depth, int every) {
        return new DeepMatrixFactorizationExperiment.Config(config.n(), config.rank(), observed, depth, config.init(),
                config.optimizer(), shown(config.n()), every);
    }

    /** Soft-impute along its default λ path. */
    private double nuclear(int observed) {
        NuclearNormExperiment.Config d = NuclearNormExperiment.Config.of(NuclearNormExperiment.TYPE.defaults());
        Params p = new NuclearNormExperiment.Config(config.n(), config.rank(), observed, d.lambdaMin(), d.decay(),
                Math.min(10, config.n())).params();
        Experiment e = NuclearNormExperiment.TYPE.create(p, seed);
        Frame f = e.frame();
        for (int i = 0; i < NuclearNormExperiment.TYPE.defaultSteps(); i++) {
            f = e.step();
        }
        return f.scalar(DeepMatrixFactorizationExperiment.TEST_ERROR);
    }

    private Frame measure(double observed, double error) {
        Frame.Builder b = Frame.builder(steps)
                .scalar(PROGRESS, Math.min(1.0, steps / (double) cells()))
                .scalar(OBSERVED, observed)
                .scalar(TEST_ERROR, error);
        int point = (int) Math.max(0, Math.min(counts.length - 1, (Math.min(steps, cells()) - 1) / METHODS.size()));
        for (int m = 0; m < METHODS.size(); m++) {
            b.scalar(METHOD_TEST_ERROR.of(METHODS.get(m)), steps == 0 ? Double.NaN : errors[m][point]); // the current count's row
        }
        b.series(COUNTS, Arrays.stream(counts).asDoubleStream().toArray());
        for (int m = 0; m < METHODS.size(); m++) {
            b.series(ERRORS.get(m), errors[m]);
        }
        return b.build();
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
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps)
                .array("last", new double[] {frame.scalar(OBSERVED), frame.scalar(TEST_ERROR)});
        for (int m = 0; m < METHODS.size(); m++) {
            b.array(METHODS.get(m), errors[m]);
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        for (int m = 0; m < METHODS.size(); m++) {
            errors[m] = s.array(METHODS.get(m));
        }
        double[] last = s.array("last");
        frame = measure(last[0], last[1]);
    }
}
