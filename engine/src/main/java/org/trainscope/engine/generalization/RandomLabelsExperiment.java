package org.trainscope.engine.generalization;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.data.Digits;
import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;

/**
 * Zhang, Bengio, Hardt, Recht & Vinyals, ICLR 2017, "Understanding deep learning requires rethinking generalization":
 * five copies of the same MLP (same θ₀, same minibatch order) trained in lockstep on the 8×8 digits, run k with a
 * fraction ρ_k of its training examples corrupted — each of ⌊ρ_k·n⌋ randomly chosen examples gets a uniformly random
 * label ({@code corrupt=labels}, so about a tenth keep their true one) or has its pixels replaced by Gaussian noise
 * of the data's mean and spread ({@code corrupt=pixels}). Every run is scored on its own training labels and on the
 * clean test set. Step = {@code every} minibatch steps of every run.
 */
public final class RandomLabelsExperiment extends AbstractExperiment {
    public static final Output VALUE = Output.scalar("rho{k}.value", "the corrupted fraction ρ_k of run k");
    public static final Output TRAIN_ACC = Output.scalar("rho{k}.train.acc", "run k's accuracy on its own (corrupted) training labels");
    public static final Output TEST_ACC = Output.scalar("rho{k}.test.acc", "run k's accuracy on the clean test set");
    public static final Output LOSS = Output.scalar("rho{k}.loss", "run k's mean cross-entropy on its training set");
    public static final Output FIT_STEP = Output.scalar("rho{k}.fit_step",
            "first frame at which run k fits its training set (train acc = 100 %); NaN until then", "frames");
    public static final Output EPOCH = Output.scalar("epoch", "passes over the training set so far");

    /** The runs: ρ_0 … ρ_4. */
    public static final int RUNS = 5;
    private static final double[] DEFAULT_RHOS = {0, 0.2, 0.5, 0.8, 1.0};

    public static final ExperimentDef TYPE = new ExperimentDef(
            "random-labels",
            "Random labels: memorization without generalization",
            new ExperimentDef.Explanation(
                    "Five copies of the same network, from the same start, see the same digits in the same order; "
                            + "only the labels differ: a fraction ρ of them was replaced by random ones. Every run "
                            + "drives its training accuracy to 100 % — the net can memorize pure noise — but the test "
                            + "accuracy falls with ρ, and fitting corrupted labels takes several times longer than fitting "
                            + "true ones (in the chart of frames to fit). Capacity "
                            + "alone cannot explain why real nets generalize: the same net, the same optimizer, "
                            + "generalizes or not depending on the data.",
                    "y_i ← uniform{0,…,9} for ⌊ρn⌋ random i;   L = (1/B) Σ −log softmax(f_θ(x_i))[y_i];   θ ← rule(θ, ∇L)",
                    "Zhang, Bengio, Hardt, Recht & Vinyals, ICLR 2017; lecture 004, \"Rethinking generalization\"; "
                            + "lecture 001, \"Mystery 2: No Overfitting\"."),
            ParamSpec.join(List.of(
                    new ParamSpec.Real("rho0", "Corrupted fraction ρ of run 0", DEFAULT_RHOS[0], 0, 1),
                    new ParamSpec.Real("rho1", "Corrupted fraction ρ of run 1", DEFAULT_RHOS[1], 0, 1),
                    new ParamSpec.Real("rho2", "Corrupted fraction ρ of run 2", DEFAULT_RHOS[2], 0, 1),
                    new ParamSpec.Real("rho3", "Corrupted fraction ρ of run 3", DEFAULT_RHOS[3], 0, 1),
                    new ParamSpec.Real("rho4", "Corrupted fraction ρ of run 4", DEFAULT_RHOS[4], 0, 1),
                    new ParamSpec.Choice("corrupt", "What is randomized: labels, or pixels (labels kept)", "labels",
                            List.of("labels", "pixels")),
                    new ParamSpec.Int("train_size", "Training examples used (of 1437; the test set is the other 360)", 500, 50, 1437),
                    new ParamSpec.Int("width", "Hidden width", 512, 16, 512),
                    new ParamSpec.Int("depth", "Hidden layers", 1, 1, 2),
                    new ParamSpec.Int("batch", "Minibatch size", 100, 1, 128),
                    new ParamSpec.Int("every", "Minibatch steps per frame", 5, 1, 10)),
                    OptimizerParams.specs("sgdm", 0.1)),     // SGD with momentum, as Zhang et al.
            List.of(EPOCH, VALUE, TRAIN_ACC, TEST_ACC, LOSS, FIT_STEP),
            150, RandomLabelsExperiment::new);

    /** The params, read once. */
    public record Config(double[] rhos, boolean pixels, int trainSize, int width, int depth, int batch, int every,
                         OptimizerConfig optimizer) {
        public static Config of(Params p) {
            double[] rhos = new double[RUNS];
            for (int k = 0; k < RUNS; k++) {
                rhos[k] = p.real("rho" + k);
            }
            Config c = new Config(rhos, p.choice("corrupt").equals("pixels"), p.integer("train_size"), p.integer("width"),
                    p.integer("depth"), p.integer("batch"), p.integer("every"), OptimizerConfig.from(p));
            // a frame trains five nets every × batch examples each: about every × batch × weights × 5 multiply-adds
            // (twice that backwards); 2·10⁸ is about 200 ms here, 10× the defaults (5 × 100 × 37,888)
            long weights = 64L * c.width() + (long) (c.depth() - 1) * c.width() * c.width() + 10L * c.width();
            double work = (double) c.every() * c.batch() * weights;
            if (work > WORK_PER_FRAME) {
                throw new ParamException("every", String.format(java.util.Locale.ROOT, "every: %d steps of batch = %d "
                        + "through five nets of width = %d, depth = %d (%d weights) take too long for a frame (~200 ms: "
                        + "every × batch × weights at most %.0e, here %.1e); lower every, batch, width or depth",
                        c.every(), c.batch(), c.width(), c.depth(), weights, WORK_PER_FRAME, work));
            }
            return c;
        }

        static final double WORK_PER_FRAME = 2e8;
    }

    private final Config config;
    private final List<LabelNoiseRun> runs = new ArrayList<>();
    private final int trainSize;
    private final double[] fitStep = new double[RUNS];
    private long steps;
    private Frame frame;

    private RandomLabelsExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        Dataset.Split split = Digits.load().split(0.2, new Rng(0x5EED5L));       // the fixed split every run shares
        Dataset train = split.train();
        trainSize = Math.min(config.trainSize(), train.size());
        int[] keep = Dataset.permutation(train.size(), new Rng(seed ^ 0x51DEL));
        train = train.subset("digits train", java.util.Arrays.copyOf(keep, trainSize));
        Dataset test = split.test();
        int[] sizes = new int[config.depth() + 2];
        sizes[0] = train.dim();
        for (int t = 1; t <= config.depth(); t++) {
            sizes[t] = config.width();
        }
        sizes[sizes.length - 1] = train.classes();
        float[] testX = floats(test.inputs());
        for (int k = 0; k < RUNS; k++) {
            Rng corrupt = new Rng(seed * 31 + k + 1);
            double[] x = train.inputs().clone();
            int[] y = train.labels().clone();
            corrupt(x, y, train.dim(), train.classes(), config.rhos()[k], corrupt);
            runs.add(new LabelNoiseRun(floats(x), y, testX, test.labels(), sizes, config.batch(), config.optimizer(), seed));
        }
        java.util.Arrays.fill(fitStep, Double.NaN);
        frame = combine();
    }

    /**
     * Corrupts ⌊ρn⌋ examples chosen at random: a uniformly random label, or (pixels) every pixel drawn from
     * N(μ, s²) with the data's pixel mean μ and standard deviation s.
     */
    private void corrupt(double[] x, int[] y, int dim, int classes, double rho, Rng rng) {
        int n = y.length;
        int count = (int) Math.floor(rho * n);
        int[] chosen = Dataset.permutation(n, rng);
        double mean = 0;
        double square = 0;
        for (double v : x) {
            mean += v;
            square += v * v;
        }
        mean /= x.length;
        double sd = Math.sqrt(Math.max(0, square / x.length - mean * mean));
        for (int c = 0; c < count; c++) {
            int i = chosen[c];
            if (config.pixels()) {
                for (int j = 0; j < dim; j++) {
                    x[i * dim + j] = mean + sd * rng.nextGaussian();
                }
            } else {
                y[i] = rng.nextInt(classes);
            }
        }
    }

    private static float[] floats(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    private Frame combine() {
        Frame.Builder b = Frame.builder(steps)
                .scalar(EPOCH, (double) steps * config.every() * Math.min(config.batch(), trainSize) / trainSize);
        for (int k = 0; k < RUNS; k++) {
            double[] s = runs.get(k).score();
            if (Double.isNaN(fitStep[k]) && s[1] == 1.0) {
                fitStep[k] = steps;
            }
            b.scalar(VALUE.of(k), config.rhos()[k])
                    .scalar(TRAIN_ACC.of(k), s[1])
                    .scalar(TEST_ACC.of(k), s[2])
                    .scalar(LOSS.of(k), s[0])
                    .scalar(FIT_STEP.of(k), fitStep[k]);
        }
        return b.build();
    }

    /** {@code every} minibatch steps of every run, in lockstep; if any diverges, all stay at the last frame. */
    @Override
    public Frame step() {
        Atomic.run(this, () -> {
            for (int s = 0; s < config.every(); s++) {
                for (LabelNoiseRun run : runs) {
                    run.train();
                }
            }
        });
        steps++;
        frame = combine();
        return frame;
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).array("fit", fitStep);
        for (int k = 0; k < RUNS; k++) {
            b.put("run" + k, runs.get(k).snapshot());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        for (int k = 0; k < RUNS; k++) {
            runs.get(k).restore(s.under("run" + k));
        }
        System.arraycopy(s.array("fit"), 0, fitStep, 0, RUNS);
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
