package org.trainscope.engine.stability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.data.Digits;
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
import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.nn.Mlp;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * A ReLU MLP trained by minibatch SGD (heavy-ball momentum by default, any rule of {@code optim/}) on the digits (or
 * a synthetic 2-D set), probed every
 * {@code probe_every} steps on a fixed probe set (the first {@code probe_size} test examples) by
 * {@link StabilityProbe}: layer cushions, noise attenuation, spectra, and train/test loss and accuracy. Step 0 is
 * the random-initialization reference; {@code labels=random} trains on permuted labels. Every frame carries the
 * newest probe ({@link #PROBE_STEP} says when it was taken) and the step's minibatch loss {@link #BATCH_LOSS}.
 * Layers i = 1 … D are the weight matrices A_i; noise is injected at layer i = 0 (the input) … D − 1.
 */
public final class NoiseStabilityExperiment extends AbstractExperiment {
    public static final Output BATCH_LOSS = Output.scalar("batch.loss",
            "mean cross-entropy of this step's minibatch where it took its gradient: at θ before the step (Nesterov: at "
                    + "the look-ahead point); NaN at step 0");
    public static final Output PROBE_STEP = Output.scalar("probe.step", "step at which the probe in this frame was taken", "steps");
    public static final Output TRAIN_LOSS = Output.scalar("train.loss", "mean cross-entropy on the training set (at most 10,000 of it), at the probe");
    public static final Output TRAIN_ACC = Output.scalar("train.acc", "accuracy on the training set (its labels; at most 10,000 of it), at the probe");
    public static final Output TEST_LOSS = Output.scalar("test.loss", "mean cross-entropy on the test set (at most 10,000 of it), at the probe");
    public static final Output TEST_ACC = Output.scalar("test.acc", "accuracy on the test set (at most 10,000 of it), at the probe");
    public static final Output CUSHION_MIN = Output.scalar("cushion.{i}.min", "least layer cushion of layer i over the probe set (the paper's μ_i)");
    public static final Output CUSHION_MEAN = Output.scalar("cushion.{i}.mean", "mean layer cushion of layer i over the probe set");
    public static final Output CUSHION_RANDOM = Output.scalar("cushion.{i}.random", "cushion of a random matrix at layer i: 1/√fan-in");
    public static final Output NOISE = Output.scalar("noise.{i}.{j}",
            "mean ‖x_j' − x_j‖/‖x_j‖ at layer j after noise of norm ‖x_i‖ is injected at layer i (0: the input)");
    public static final Output STABLE_RANK = Output.scalar("stable_rank.{i}", "stable rank ‖A_i‖_F²/‖A_i‖_2² of layer i");
    public static final Output CUSHION_HIST = Output.series("cushion.{i}.hist", "fraction of the probe inputs per cushion bin, layer i");
    public static final Output CUSHION_EDGES = Output.series("cushion.{i}.edges", "the edges of the cushion bins on [0, 1]");
    public static final Output NOISE_CURVE = Output.series("noise.{i}", "noise.{i}.{j} for j = i + 1 … D: noise injected at layer i");
    public static final Output SV = Output.series("sv.{i}", "singular values of A_i, largest first");

    /** The params, shared with {@code compression}, which trains this experiment's net. */
    static final List<ParamSpec> SPECS = ParamSpec.join(List.of(
            new ParamSpec.Choice("data", "Dataset (digits: UCI 8×8, CC BY 4.0; idx: your MNIST-style files)", "digits",
                    StabilityData.NAMES),
            new ParamSpec.FilePath("idx_images", "data=idx: IDX images file (.gz or plain)", ""),
            new ParamSpec.FilePath("idx_labels", "data=idx: IDX labels file (.gz or plain)", ""),
            new ParamSpec.Choice("labels", "Train on the true labels or on randomly permuted ones", "true",
                    List.of("true", "random")),
            new ParamSpec.Int("depth", "Hidden layers", 3, 1, 8),
            new ParamSpec.Int("width", "Units per hidden layer (a step, probe included, must stay near 200 ms: "
                    + "width 1024 with depth 1, 512 with depth 3, 256 with depth 7)", 128, 2, 1024)),
            OptimizerParams.specs("momentum", 0.02),   // lr and momentum keep their names, ranges and defaults
            List.of(new ParamSpec.Int("batch", "Minibatch size (≥ train size: full-batch GD)", 64, 1, 100_000),
            new ParamSpec.Int("probe_every", "Probe every k steps", 25, 1, 1_000_000),
            new ParamSpec.Int("probe_size", "Probe set: the first n test examples (at most all of them)", 360, 1, 100_000),
            new ParamSpec.Int("bins", "Cushion histogram bins on [0, 1]", 40, 2, 500),
            new ParamSpec.Int("split_seed", "Seed of the fixed 80/20 train/test split", 0, 0, 1_000_000),
            new ParamSpec.Int("points", "Synthetic sets: number of points", 1000, 20, 100_000),
            new ParamSpec.Real("noise", "Synthetic sets: noise σ", 0.1, 0, 5)));

    public static final ExperimentDef TYPE = new ExperimentDef(
            "noise-stability",
            "Noise stability and layer cushion",
            new ExperimentDef.Explanation(
                    "An MLP learns the 8×8 digits. Every few steps it is probed on a fixed set of test images. Layer "
                            + "cushion: how much of ‖A‖_F‖x‖ a layer passes on to its real inputs — the dashed line is "
                            + "1/√n, what a random matrix gives; training pushes the histograms to the right. Noise "
                            + "attenuation: Gaussian noise as large as the signal is injected at one layer and shrinks as "
                            + "it travels up. Singular values concentrate (small stable rank). With labels=random the "
                            + "net memorises, test accuracy stays near 10% and these properties fail to emerge.",
                    "μ_i(x) = ‖A_i φ(x_{i−1})‖ / (‖A_i‖_F ‖φ(x_{i−1})‖),  random A: ≈ 1/√n\n"
                            + "noise: x_i' = x_i + η, ‖η‖ = ‖x_i‖;  ratio_j = ‖x_j' − x_j‖ / ‖x_j‖\n"
                            + "stable rank = ‖A‖_F² / ‖A‖_2²",
                    "Lecture 000, \"noise stability\", \"layer cushion\"; Arora, Ge, Neyshabur & Zhang, ICML 2018, "
                            + "\"Stronger generalization bounds for deep nets via a compression approach\". "
                            + Digits.ATTRIBUTION + ".")
                    .withEquations(
                            "\\mu_i(x) = \\frac{\\|A_i\\phi(x_{i-1})\\|}{\\|A_i\\|_F\\,\\|\\phi(x_{i-1})\\|}:\\quad \\mu_1 = \\val{cushion.1.min}\\ (\\text{mean } \\val{cushion.1.mean}),\\ \\ \\text{random } \\tfrac{1}{\\sqrt n} = \\val{cushion.1.random}",
                            "\\mu_2 = \\val{cushion.2.min}\\ (\\text{mean } \\val{cushion.2.mean}),\\qquad \\text{random } \\val{cushion.2.random}",
                            "\\text{noise at the input: } \\frac{\\|x_j' - x_j\\|}{\\|x_j\\|} = \\val{noise.0.1},\\ \\val{noise.0.2},\\ \\val{noise.0.3}\\quad (j = 1, 2, 3)",
                            "\\text{stable rank } \\frac{\\|A_1\\|_F^2}{\\|A_1\\|_2^2} = \\val{stable_rank.1},\\qquad \\text{test acc } \\val{test.acc}"),
            SPECS,
            List.of(BATCH_LOSS, PROBE_STEP, TRAIN_LOSS, TRAIN_ACC, TEST_LOSS, TEST_ACC, CUSHION_MIN, CUSHION_MEAN,
                    CUSHION_RANDOM, NOISE, STABLE_RANK, CUSHION_HIST, CUSHION_EDGES, NOISE_CURVE, SV),
            1500, NoiseStabilityExperiment::new);

    /**
     * The params, read once; {@code idx_images}, {@code idx_labels} are paths, empty for none.
     *
     * @param optimizer the update rule and its hyper-parameters ({@link OptimizerParams})
     */
    public record Config(String data, String idxImages, String idxLabels, boolean randomLabels, int depth, int width,
                         OptimizerConfig optimizer, int batch, int probeEvery, int probeSize, int bins, int splitSeed,
                         int points, double noise) {
        public static Config of(Params p) {
            return new Config(p.choice("data"), p.text("idx_images"), p.text("idx_labels"),
                    p.choice("labels").equals("random"), p.integer("depth"), p.integer("width"), OptimizerConfig.from(p),
                    p.integer("batch"), p.integer("probe_every"), p.integer("probe_size"),
                    p.integer("bins"), p.integer("split_seed"), p.integer("points"), p.real("noise"));
        }

        /** These values as params of this experiment (validated: each must lie in its param's range). */
        public Params params() {
            Params p = TYPE.defaults().withValue("data", data).withValue("idx_images", idxImages)
                    .withValue("idx_labels", idxLabels).withValue("labels", randomLabels ? "random" : "true")
                    .withValue("depth", depth).withValue("width", width)
                    .withValue("batch", batch).withValue("probe_every", probeEvery).withValue("probe_size", probeSize)
                    .withValue("bins", bins).withValue("split_seed", splitSeed).withValue("points", points)
                    .withValue("noise", noise);
            return OptimizerParams.write(p, optimizer);
        }

        /** The same net trained on true or random labels, probed every {@code probeEvery} steps. */
        public Config training(boolean random, int every) {
            return new Config(data, idxImages, idxLabels, random, depth, width, optimizer, batch, every, probeSize,
                    bins, splitSeed, points, noise);
        }
    }

    private final Dataset train;
    private final Dataset test;
    private final float[] trainX;
    private final int[] trainY;
    private final float[] testX;
    private final int[] testY;
    private final Mlp mlp;
    private final StabilityProbe probe;
    private final Optimizer optimizer;       // over θ, the network's parameters as one FLOAT vector
    private final Objective objective;       // the minibatch loss at θ: forward and backward on the gathered batch
    private final int[] labels;              // of the gathered batch
    private final Rng rng;
    private final int batch;
    private final int probeEvery;
    private int count;                       // examples in the gathered batch
    private int[] order;
    private int position;
    private long steps;
    private double batchLoss = Double.NaN;
    private long probeStep;
    private StabilityProbe.Result latest;

    NoiseStabilityExperiment(Params params, long seed) {
        this(params, seed, true);
    }

    /** @param probed whether the run is probed as it trains; compression's nets are probed only in its create */
    NoiseStabilityExperiment(Params params, long seed, boolean probed) {
        super(TYPE, params, seed);
        Config c = Config.of(params);
        Dataset all = StabilityData.load(c);
        Dataset.Split split = all.split(0.2, new Rng(c.splitSeed()));   // fixed, seeded split
        Dataset tr = split.train();
        if (c.randomLabels()) {
            tr = tr.withRandomLabels(new Rng(seed ^ 0x5EEDL));   // Zhang et al. 2017: only the train labels move
        }
        this.train = tr;
        this.test = split.test();
        this.trainX = toFloat(train.inputs());
        this.trainY = train.labels();
        this.testX = toFloat(test.inputs());
        this.testY = test.labels();
        int[] sizes = new int[c.depth() + 2];
        sizes[0] = all.dim();
        for (int t = 1; t < sizes.length - 1; t++) {
            sizes[t] = c.width();
        }
        sizes[sizes.length - 1] = all.classes();
        this.batch = Math.min(c.batch(), train.size());
        int probeSize = Math.min(c.probeSize(), test.size());
        StabilityBudget.check(c, sizes, batch, probed ? probeSize : 0, Math.min(train.size(), SCORED) + Math.min(test.size(), SCORED));
        this.mlp = new Mlp(sizes, Math.max(Math.max(batch, probeSize), Math.min(512, train.size())));
        this.rng = new Rng(seed);
        mlp.initialize(Init.uniform(rng::nextDouble));   // PyTorch's nn.Linear default, U(±1/√fan_in)
        Vector theta = Vector.floats(mlp.parameterAddress(), mlp.parameterCount());
        Vector grad = Vector.floats(mlp.gradientAddress(), mlp.parameterCount());
        this.optimizer = c.optimizer().create(theta, grad);
        this.labels = new int[batch];
        this.objective = Objective.atParameters(theta, grad, () -> {
            mlp.forward(count);
            double loss = mlp.backward(labels, 0, count);
            // ‖∇L‖ finite ⇔ every component is; thrown before the rule writes, so θ and its state stay
            if (!Double.isFinite(loss) || !Float.isFinite(Blas.cblas_snrm2(grad.length(), mlp.gradientAddress(), 1))) {
                throw new DivergedException("the loss is no longer finite at step " + (steps + 1) + "; lower lr or momentum");
            }
            batchLoss = loss;   // the frame's: the cross-entropy alone (the optimizer's value adds weight decay)
            return loss;
        });
        this.probeEvery = c.probeEvery();
        this.probe = new StabilityProbe(mlp, test.inputs(), probeSize, c.bins());
        this.order = Dataset.permutation(train.size(), rng);
        runProbe();
    }

    /**
     * Examples a set is scored on at most: all of the digits; a random 10,000 of MNIST's 56,000 training images,
     * which pins the accuracy to ±1 % (its sd is at most 0.5/√10,000) in a fifth of the time.
     */
    static final int SCORED = 10_000;

    /** The network being trained (live; for compression and tests). */
    public Mlp network() {
        return mlp;
    }

    /** The training inputs in FLOAT, as the network sees them (shared, not a copy: do not write). */
    float[] trainInputs() {
        return trainX;
    }

    /** The test inputs in FLOAT, as the network sees them (shared, not a copy: do not write). */
    float[] testInputs() {
        return testX;
    }

    /** The test set the accuracies refer to. */
    public Dataset testSet() {
        return test;
    }

    /** The training set (with permuted labels if {@code labels=random}). */
    public Dataset trainSet() {
        return train;
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        Frame.Builder b = Frame.builder(steps);
        b.scalar(BATCH_LOSS, batchLoss);
        b.scalar(PROBE_STEP, probeStep);
        latest.scalars().forEach(b::scalar);
        latest.series().forEach(b::series);
        return b.build();
    }

    /** One minibatch step: gather → forward → loss and ∇L → optimizer.step (θ updated in place) → frame. */
    @Override
    public Frame step() {
        int n = train.size();
        count = Math.min(batch, n - position);                     // the last batch of an epoch may be partial
        mlp.gather(trainX, order, position, count);
        for (int k = 0; k < count; k++) {
            labels[k] = trainY[order[position + k]];
        }
        optimizer.step(objective);                                 // the heavy ball at the defaults: three BLAS calls
        position += count;
        if (position >= n) {
            position = 0;
            order = Dataset.permutation(n, rng);                   // a new epoch, a new seeded order
        }
        steps++;
        if (steps % probeEvery == 0) {
            runProbe();
        }
        return frame();
    }

    private void runProbe() {
        StabilityProbe.Result r = probe.run(new Rng(seed * 0x9E3779B97F4A7C15L + steps));   // noise fixed by (seed, step)
        Map<String, Double> scalars = new LinkedHashMap<>();
        double[] tr = score(trainX, trainY, train.size());
        double[] te = score(testX, testY, test.size());
        scalars.put(TRAIN_LOSS.key(), tr[0]);
        scalars.put(TRAIN_ACC.key(), tr[1]);
        scalars.put(TEST_LOSS.key(), te[0]);
        scalars.put(TEST_ACC.key(), te[1]);
        scalars.putAll(r.scalars());
        latest = new StabilityProbe.Result(scalars, r.series());
        probeStep = steps;
    }

    private double[] score(float[] x, int[] y, int n) {
        return score(mlp, x, y, n);
    }

    private static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /**
     * {mean cross-entropy, accuracy} of a network on a set — its first {@link #SCORED} examples if it is larger (the
     * split is shuffled, so they are a random sample) — in chunks of the network's batch capacity.
     */
    static double[] score(Mlp mlp, float[] x, int[] y, int size) {
        int n = Math.min(size, SCORED);
        double[] acc = new double[2];
        for (int from = 0; from < n; from += mlp.capacity()) {
            int count = Math.min(mlp.capacity(), n - from);
            mlp.load(x, from, count);
            mlp.forward(count);
            mlp.score(y, from, count, acc);
        }
        return new double[] {acc[0] / n, acc[1] / n};
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).longValue("position", position)
                .longValue("rng", rng.state()).longValue("probe.step", probeStep);
        double[][] theta = mlp.parameterArrays();
        for (int p = 0; p < theta.length; p++) {
            b.array("theta." + p, theta[p]);
        }
        b.put("opt", optimizer.state());
        double[] perm = new double[order.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = order[i];
        }
        b.array("order", perm);
        b.array("batch.loss", new double[] {batchLoss});
        latest.scalars().forEach((k, v) -> b.array("probe:" + k, new double[] {v}));
        latest.series().forEach((k, v) -> b.array("probe[]:" + k, v));
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        position = (int) s.longValue("position");
        rng.setState(s.longValue("rng"));
        probeStep = s.longValue("probe.step");
        double[][] theta = new double[2 * mlp.depth()][];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = s.array("theta." + p);
        }
        mlp.setParameters(theta);
        optimizer.restore(s.under("opt"));
        double[] perm = s.array("order");
        order = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            order[i] = (int) perm[i];
        }
        batchLoss = s.array("batch.loss")[0];
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String name : s.arrayNames()) {
            if (name.startsWith("probe:")) {
                scalars.put(name.substring(6), s.array(name)[0]);
            } else if (name.startsWith("probe[]:")) {
                series.put(name.substring(8), s.array(name));
            }
        }
        latest = new StabilityProbe.Result(scalars, series);
    }
}
