package org.trainscope.engine.stability;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.nn.Mlp;
import org.trainscope.engine.optim.OptimizerConfig;

/**
 * Idea 1 on trained nets, true labels against random labels side by side. {@code create} trains two copies of
 * the noise-stability MLP for {@code train_steps} steps, one on the true and one on permuted labels; step s then
 * compresses every weight matrix of both with k = k_min·factor^{s−1} random sign matrices ({@link SignCompression};
 * biases kept) and reports, per net {@code true} / {@code random}, the outputs declared below.
 * Step 0 is the uncompressed pair (k = 0). The nets never change after {@code create}, so step s is a function of
 * (params, seed, s) alone and the snapshot is the step count.
 */
public final class CompressionExperiment extends AbstractExperiment {
    public static final Output K = Output.scalar("k", "random sign matrices per weight matrix (0: uncompressed)");
    public static final Output ERR = Output.scalar("{net}.err.{i}", "‖Â_i − A_i‖_F/‖A_i‖_F of layer i of the net (true or random labels)");
    public static final Output OUTPUT_ERR = Output.scalar("{net}.output_err",
            "mean over the test images of ‖f̂(x) − f(x)‖/‖f(x)‖, the logits of the compressed net against the trained one");
    public static final Output TRAIN_ACC = Output.scalar("{net}.train.acc", "accuracy of the compressed net on its training set");
    public static final Output TEST_ACC = Output.scalar("{net}.test.acc", "accuracy of the compressed net on the test set");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "compression",
            "Compression with random sign matrices: true vs random labels",
            new ExperimentDef.Explanation(
                    "Two copies of the MLP are trained, one on the true labels, one on shuffled labels. Each step "
                            + "compresses every layer with k random ±1 matrices (k doubles per step). The matrix error "
                            + "‖Â − A‖_F/‖A‖_F is the same for both nets (≈ √(mn/k)); what differs is how much of it "
                            + "reaches the output: the trained net, with its large layer cushion, changes its outputs "
                            + "less and keeps its accuracy at smaller k.",
                    "Â = (1/k) Σ_t ⟨A, M_t⟩ M_t,  M_t ∈ {±1}^{m×n}\nE[Â] = A,  E‖Â − A‖_F² = (mn − 1)‖A‖_F² / k",
                    "Lecture 000, \"compression\" (Idea 1); Arora, Ge, Neyshabur & Zhang, ICML 2018.")
                    .withEquations(
                            "\\hat A = \\frac1k\\sum_t \\langle A, M_t\\rangle M_t,\\quad k = \\val{k}",
                            "\\frac{\\|\\hat A_1 - A_1\\|_F}{\\|A_1\\|_F}:\\ \\text{true } \\val{true.err.1},\\ \\ \\text{random } \\val{random.err.1}\\qquad (\\approx\\sqrt{mn/k})",
                            "\\text{output error: true } \\val{true.output_err},\\ \\text{random } \\val{random.output_err};\\quad \\text{test acc: } \\val{true.test.acc},\\ \\val{random.test.acc}"),
            specs(),
            List.of(K, ERR, OUTPUT_ERR, TRAIN_ACC, TEST_ACC),
            8, CompressionExperiment::new);
    /** The two nets, as the placeholder {@code {net}} names them: trained on the true or on permuted labels. */
    public static final List<String> NETS = List.of("true", "random");

    /**
     * The params, read once: its own three and, in {@code net}, those of {@code noise-stability} it shares, the rest
     * at their defaults there.
     */
    public record Config(int trainSteps, int kMin, double kFactor, NoiseStabilityExperiment.Config net) {
        public static Config of(Params p) {
            Params net = NoiseStabilityExperiment.TYPE.defaults();
            for (ParamSpec s : NoiseStabilityExperiment.SPECS) {
                if (p.specs().contains(s)) {
                    net = net.withValue(s.name(), p.get(s.name()));
                }
            }
            return new Config(p.integer("train_steps"), p.integer("k_min"), p.real("k_factor"),
                    NoiseStabilityExperiment.Config.of(net));
        }
    }

    private final Config config;

    private final NoiseStabilityExperiment[] trained = new NoiseStabilityExperiment[2];
    private final Mlp[] compressed = new Mlp[2];
    private final double[][] testLogits = new double[2][];
    /**
     * k·(weights of one net) at most: a step draws and sums k sign matrices per layer for both nets, about 2·k·weights
     * table look-ups ({@link SignCompression}), which this bound keeps within ~100 ms (the defaults' last step,
     * k = 8192 on 42,240 weights, is 3.5·10⁸). Beyond it the run ends; a k_min beyond it is refused.
     */
    static final long MAX_SIGN_WORK = 400_000_000L;

    /**
     * train_steps·batch·(weights of one net) at most: create trains both nets before frame 0, and this keeps it to a
     * few seconds (the defaults, 600·64·42,240, are 1.6·10⁹).
     */
    static final long MAX_TRAIN_WORK = 8_000_000_000L;

    private final long weights;               // weight entries of one net (both have the same shape)
    private String diverged;
    private SignCompression.Sum[][] sums;   // [net][matrix]: the weights' sign-matrix sums, null for biases                 // why training diverged in create, or null: the run pauses at step 1
    private long steps;
    private Frame current;

    private CompressionExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        this.config = Config.of(params);
        int steps = config.trainSteps();
        for (int n = 0; n < 2; n++) {
            NoiseStabilityExperiment.Config labelled = config.net().training(n == 1, Math.max(1, steps)); // probe at 0, end
            trained[n] = new NoiseStabilityExperiment(labelled.params(), seed, false);
        }
        this.weights = weights(trained[0].network().sizes());
        if ((double) config.kMin() * weights > MAX_SIGN_WORK) {
            throw new ParamException("k_min", "k_min: " + config.kMin() + " sign matrices for the " + weights
                    + " weights of a net of depth = " + config.net().depth() + ", width = " + config.net().width()
                    + " take too long for a step; at most " + MAX_SIGN_WORK / weights + " (k·weights ≤ " + MAX_SIGN_WORK + ")");
        }
        long batch = Math.min(config.net().batch(), trained[0].trainSet().size());
        if ((double) steps * batch * weights > MAX_TRAIN_WORK) {
            throw new ParamException("train_steps", "train_steps: " + steps + " steps of batch = " + batch + " on the "
                    + weights + " weights of a net of depth = " + config.net().depth() + ", width = "
                    + config.net().width() + " are too much training before frame 0; at most "
                    + MAX_TRAIN_WORK / (batch * weights) + " (train_steps·batch·weights ≤ " + MAX_TRAIN_WORK + ")");
        }
        for (int n = 0; n < 2; n++) {
            String why = train(trained[n], NETS.get(n), steps);
            diverged = diverged == null ? why : diverged;
            Mlp net = trained[n].network();
            compressed[n] = new Mlp(net.sizes(), net.capacity());
            testLogits[n] = logits(net, trained[n].testInputs(), trained[n].testSet().size());
        }
        current = compute();
    }

    /** Its own three params, then those of {@code noise-stability} that set up the two trained nets. */
    private static List<ParamSpec> specs() {
        List<ParamSpec> list = new ArrayList<>();
        list.add(new ParamSpec.Int("train_steps", "Training steps of both nets before compressing "
                + "(at most train_steps·batch·weights = 8·10⁹, a few seconds before frame 0)", 600, 0, 1_000_000));
        list.add(new ParamSpec.Int("k_min", "k of the first compressed step (a step takes at most k·weights = 4·10⁸, "
                + "~100 ms; the run ends where k grows past it)", 64, 1, 1_000_000));
        list.add(new ParamSpec.Real("k_factor", "k grows by this factor per step", 2, 1.01, 100));
        for (ParamSpec s : NoiseStabilityExperiment.SPECS) {
            if (!List.of("labels", "probe_every", "bins", "probe_size").contains(s.name())) {
                list.add(s);
            }
        }
        return list;
    }

    /**
     * Trains one net; returns null, or why it diverged. The net then stays at its last finite parameters (the
     * optimizer never writes a non-finite step), frame 0 shows them, and the first step pauses the run with the reason.
     */
    private String train(NoiseStabilityExperiment net, String labels, int steps) {
        OptimizerConfig opt = config.net().optimizer();
        try {
            for (int s = 0; s < steps; s++) {
                net.step();
            }
            return null;
        } catch (DivergedException e) {
            return "training the net on the " + labels + " labels diverged at step " + (net.stepCount() + 1)
                    + " of train_steps = " + steps + " (optimizer = " + opt.rule() + ", lr = " + opt.lr().at(0)
                    + ", momentum = " + opt.momentum() + "); lower lr or momentum";
        }
    }

    /** Σ_i n_i·n_{i+1}: the weight entries of a net of these layer sizes. */
    private static long weights(int[] sizes) {
        long w = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            w += (long) sizes[i] * sizes[i + 1];
        }
        return w;
    }

    /** k of step s: 0 at step 0, then k_min·factor^{s−1} rounded. */
    public long k(long step) {
        return step == 0 ? 0 : Math.round(config.kMin() * Math.pow(config.kFactor(), step - 1));
    }

    private Frame compute() {
        Frame.Builder b = Frame.builder(steps);
        long k = k(steps);
        b.scalar(K, k);
        double[][][] thetas = {trained[0].network().parameterArrays(), trained[1].network().parameterArrays()};
        double[][][] hats = compress(thetas, k);
        for (int n = 0; n < 2; n++) {
            Mlp net = trained[n].network();
            double[][] theta = thetas[n];
            double[][] hat = hats[n];
            for (int p = 0; p < theta.length; p += 2) {
                b.scalar(ERR.of(NETS.get(n), p / 2 + 1), SignCompression.relativeError(theta[p], hat[p]));
            }
            compressed[n].setParameters(hat);
            var test = trained[n].testSet();
            var train = trained[n].trainSet();
            float[] testX = trained[n].testInputs();
            double[] out = logits(compressed[n], testX, test.size());
            b.scalar(OUTPUT_ERR.of(NETS.get(n)), meanRelativeDistance(out, testLogits[n], net.sizes()[net.depth()]));
            b.scalar(TRAIN_ACC.of(NETS.get(n)), NoiseStabilityExperiment.score(compressed[n], trained[n].trainInputs(),
                    train.labels(), train.size())[1]);
            b.scalar(TEST_ACC.of(NETS.get(n)),
                    NoiseStabilityExperiment.score(compressed[n], testX, test.labels(), test.size())[1]);
        }
        return b.build();
    }

    /**
     * Every weight matrix of both nets compressed with k = k(steps) sign matrices (biases kept). Each matrix has its
     * own sequence of sign matrices, fixed by (seed, net, matrix), and step s uses its first k(s), so a step adds
     * little more than k(s) − k(s−1) of them to what the last one summed ({@link SignCompression.Sum}); the frames
     * depend on (params, seed, step) only. The matrices are independent work: both cores share it.
     */
    private double[][][] compress(double[][][] thetas, long k) {
        int count = thetas[0].length;
        if (sums == null) {
            sums = new SignCompression.Sum[2][count];
            for (int i = 0; i < 2 * count; i += 2) {
                long stream = new Rng(seed ^ (0x5EEDL << 32) + 16L * (i / count) + i % count).nextLong();
                sums[i / count][i % count] = new SignCompression.Sum(thetas[i / count][i % count], stream);
            }
        }
        double[][][] hats = new double[2][count][];
        java.util.stream.IntStream.range(0, 2 * count).parallel().forEach(i -> {
            int n = i / count;
            int p = i % count;
            hats[n][p] = p % 2 == 0 && k > 0 ? sums[n][p].estimate((int) k) : thetas[n][p];
        });
        return hats;
    }

    private static double[] logits(Mlp mlp, float[] x, int n) {
        int classes = mlp.sizes()[mlp.depth()];
        double[] out = new double[n * classes];
        for (int from = 0; from < n; from += mlp.capacity()) {
            int count = Math.min(mlp.capacity(), n - from);
            mlp.load(x, from, count);
            mlp.forward(count);
            mlp.copyOutput(mlp.depth(), out, from * classes, count * classes);
        }
        return out;
    }

    /** mean_x ‖f̂(x) − f(x)‖/‖f(x)‖ over column blocks of {@code dim}. */
    private static double meanRelativeDistance(double[] hat, double[] ref, int dim) {
        double sum = 0;
        int n = ref.length / dim;
        for (int k = 0; k < n; k++) {
            double diff = 0;
            double norm = 0;
            for (int r = k * dim; r < (k + 1) * dim; r++) {
                diff += (hat[r] - ref[r]) * (hat[r] - ref[r]);
                norm += ref[r] * ref[r];
            }
            sum += Math.sqrt(diff / norm);
        }
        return sum / n;
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        return current;
    }

    @Override
    public Frame step() {
        if (diverged != null) {
            throw new DivergedException(diverged);
        }
        if ((double) k(steps + 1) * weights > MAX_SIGN_WORK) {
            throw new EndOfRunException("the run ends at k = " + k(steps) + ": k = " + k(steps + 1) + " sign matrices for the "
                    + weights + " weights would take too long for a step (k·weights ≤ " + MAX_SIGN_WORK + ")");
        }
        steps++;
        current = compute();
        return current;
    }

    @Override
    public Snapshot snapshot() {
        return Snapshot.builder().longValue("steps", steps).build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        current = compute();
    }
}
