package org.trainscope.engine.spectrum;

import java.util.Arrays;
import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/**
 * The paper's headline comparison (Arora et al. 2019, Fig. 1): test error against the number of observed entries
 * for depth-1, 2 and 3 factorizations trained by gradient descent and for nuclear-norm minimization, all on the
 * same M (same seed). Ω grows by nesting: the first |Ω| draws of one shuffle, so a larger set contains the smaller.
 * Each step is one (observed count, method) cell — a whole training run or soft-impute path — so the sweep runs
 * as a background job whose progress is the step count and which can be abandoned between cells.
 * Frame scalars: {@code progress} (cells done / all), {@code observed} and {@code test_error} of the last cell,
 * {@code test_error.depth1} … {@code test_error.nuclear} of the last cell's count (NaN until computed);
 * series {@code observed} (the counts) and {@code depth1}, {@code depth2}, {@code depth3}, {@code nuclear} (test
 * error per count, NaN where not computed yet).
 */
public final class CompletionSweepExperiment extends AbstractExperiment {

    // defaultSteps: One step per cell: 5 counts × 4 methods.
    public static final ExperimentDef TYPE = new ExperimentDef(
            "completion-sweep",
            "Sweep: test error vs observed entries (depth 1, 2, 3, nuclear norm)",
            new ExperimentDef.Explanation(
                    "For each number of observed entries, the same rank-5 matrix is completed four ways: gradient "
                            + "descent on a product of 1, 2 or 3 matrices from a small start, and nuclear-norm "
                            + "minimization. With few observations depth 3 is far better than the convex method — and "
                            + "depth 1 cannot complete anything. Each step computes one cell in the background.",
                    "test error = ‖P_Ωᶜ(W − M)‖_F / ‖P_Ωᶜ(M)‖_F  against |Ω|",
                    "Arora, Cohen, Hu & Luo, NeurIPS 2019, Fig. 1 (matrix completion, n = 100, rank 5); lecture 001."),
            List.of(
                    new ParamSpec.Int("n", "Size of the n×n matrix", 100, 4, 400),
                    new ParamSpec.Int("rank", "Rank r of the ground truth M", 5, 1, 400),
                    new ParamSpec.Int("observed_from", "Fewest observed entries", 1000, 1, 160_000),
                    new ParamSpec.Int("observed_to", "Most observed entries", 5000, 1, 160_000),
                    new ParamSpec.Int("points", "Numbers of observed entries tried", 5, 1, 50),
                    new ParamSpec.Int("gd_steps", "Gradient steps per factorization run", 1000, 1, 100_000),
                    new ParamSpec.Real("init", "Initial size of the factorizations", 1e-3, 1e-9, 1),
                    new ParamSpec.Real("lr", "Learning rate of the factorizations", 4e-3, 1e-7, 1)),
            List.of(),
            20, CompletionSweepExperiment::new);

    /** The methods, in the order each count runs them. */
    public static final List<String> METHODS = List.of("depth1", "depth2", "depth3", "nuclear");

    private final int[] counts;
    private final double[][] errors; // [method][point]
    private long steps;
    private Frame frame;

    private CompletionSweepExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        int n = params.integer("n");
        int from = params.integer("observed_from");
        int to = params.integer("observed_to");
        if (to > n * n) {
            throw new ParamException("observed_to", "observed_to: " + to + " exceeds the " + n * n + " entries of an n×n matrix");
        }
        if (from > to) {
            throw new ParamException("observed_from", "observed_from: " + from + " is larger than observed_to = " + to);
        }
        int points = params.integer("points");
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

    /** Cells in the whole sweep. */
    public int cells() {
        return counts.length * METHODS.size();
    }

    @Override
    public Frame step() {
        if (steps >= cells()) {
            steps++; // the sweep is complete: nothing left to compute
            frame = measure(frame.scalar("observed"), frame.scalar("test_error"));
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

    /** Depth-N gradient descent for {@code gd_steps} steps, recorded once at the end. */
    private double deep(int observed, int depth) {
        Params p = DeepMatrixFactorizationExperiment.TYPE.defaults()
                .withValue("n", params.integer("n")).withValue("rank", params.integer("rank"))
                .withValue("observed", observed).withValue("depth", depth)
                .withValue("init", params.real("init")).withValue("lr", params.real("lr"))
                .withValue("k", Math.min(10, params.integer("n"))).withValue("every", params.integer("gd_steps"));
        Experiment e = DeepMatrixFactorizationExperiment.TYPE.create(p, seed);
        return e.step().scalar("test_error");
    }

    /** Soft-impute along its default λ path. */
    private double nuclear(int observed) {
        Params p = NuclearNormExperiment.TYPE.defaults()
                .withValue("n", params.integer("n")).withValue("rank", params.integer("rank"))
                .withValue("observed", observed).withValue("k", Math.min(10, params.integer("n")));
        Experiment e = NuclearNormExperiment.TYPE.create(p, seed);
        Frame f = e.frame();
        for (int i = 0; i < NuclearNormExperiment.TYPE.defaultSteps(); i++) {
            f = e.step();
        }
        return f.scalar("test_error");
    }

    private Frame measure(double observed, double error) {
        Frame.Builder b = Frame.builder(steps)
                .scalar("progress", Math.min(1.0, steps / (double) cells()))
                .scalar("observed", observed)
                .scalar("test_error", error);
        int point = (int) Math.max(0, Math.min(counts.length - 1, (Math.min(steps, cells()) - 1) / METHODS.size()));
        for (int m = 0; m < METHODS.size(); m++) {
            b.scalar("test_error." + METHODS.get(m), steps == 0 ? Double.NaN : errors[m][point]); // the current count's row
        }
        b.series("observed", Arrays.stream(counts).asDoubleStream().toArray());
        for (int m = 0; m < METHODS.size(); m++) {
            b.series(METHODS.get(m), errors[m]);
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
                .array("last", new double[] {frame.scalar("observed"), frame.scalar("test_error")});
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
