package org.trainscope.engine.stability;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.nn.Mlp;

/**
 * Idea 1 on trained nets, true labels against random labels side by side. {@code create} trains two copies of
 * the noise-stability MLP for {@code train_steps} steps, one on the true and one on permuted labels; step s then
 * compresses every weight matrix of both with k = k_min·factor^{s−1} random sign matrices ({@link SignCompression};
 * biases kept) and reports, per net {@code true} / {@code random}: the relative errors {@code <net>.err.<i>} =
 * ‖Â_i − A_i‖_F/‖A_i‖_F, the output error {@code <net>.output_err} = mean over the test images of
 * ‖f̂(x) − f(x)‖/‖f(x)‖ (logits), and the compressed net's {@code <net>.train.acc}, {@code <net>.test.acc}.
 * Step 0 is the uncompressed pair (k = 0). The nets never change after {@code create}, so step s is a function of
 * (params, seed, s) alone and the snapshot is the step count.
 */
public final class CompressionExperiment extends AbstractExperiment {

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
                    "Lecture 000, \"compression\" (Idea 1); Arora, Ge, Neyshabur & Zhang, ICML 2018."),
            specs(),
            List.of(),
            8, CompressionExperiment::new);
    private static final String[] NETS = {"true", "random"};

    private final NoiseStabilityExperiment[] trained = new NoiseStabilityExperiment[2];
    private final Mlp[] compressed = new Mlp[2];
    private final double[][] testLogits = new double[2][];
    private long steps;
    private Frame current;

    private CompressionExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        for (int n = 0; n < 2; n++) {
            Params p = NoiseStabilityExperiment.TYPE.defaults();
            for (ParamSpec s : NoiseStabilityExperiment.SPECS) {
                if (hasParam(s.name())) {
                    p = p.withValue(s.name(), params.get(s.name()));
                }
            }
            p = p.with("labels", NETS[n]).with("probe_every", String.valueOf(params.integer("train_steps")));
            trained[n] = (NoiseStabilityExperiment) NoiseStabilityExperiment.TYPE.create(p, seed);
            for (int s = 0; s < params.integer("train_steps"); s++) {
                trained[n].step();
            }
            Mlp net = trained[n].network();
            compressed[n] = new Mlp(net.sizes(), net.capacity());
            testLogits[n] = logits(net, trained[n].testInputs(), trained[n].testSet().size());
        }
        current = compute();
    }

    /** Its own three params, then those of {@code noise-stability} that set up the two trained nets. */
    private static List<ParamSpec> specs() {
        List<ParamSpec> list = new ArrayList<>();
        list.add(new ParamSpec.Int("train_steps", "Training steps of both nets before compressing", 600, 0, 1_000_000));
        list.add(new ParamSpec.Int("k_min", "k of the first compressed step", 64, 1, 1_000_000));
        list.add(new ParamSpec.Real("k_factor", "k grows by this factor per step", 2, 1.01, 100));
        for (ParamSpec s : NoiseStabilityExperiment.SPECS) {
            if (!List.of("labels", "probe_every", "bins", "probe_size").contains(s.name())) {
                list.add(s);
            }
        }
        return list;
    }

    private static boolean hasParam(String name) {
        return TYPE.params().stream().anyMatch(s -> s.name().equals(name));
    }

    /** k of step s: 0 at step 0, then k_min·factor^{s−1} rounded. */
    public long k(long step) {
        return step == 0 ? 0 : Math.round(params.integer("k_min") * Math.pow(params.real("k_factor"), step - 1));
    }

    private Frame compute() {
        Frame.Builder b = Frame.builder(steps);
        long k = k(steps);
        b.scalar("k", k);
        for (int n = 0; n < 2; n++) {
            Mlp net = trained[n].network();
            double[][] theta = net.parameterArrays();
            double[][] hat = new double[theta.length][];
            Rng rng = new Rng(seed * 0x9E3779B97F4A7C15L + 31 * steps + n);   // fixed by (seed, step, net)
            for (int p = 0; p < theta.length; p++) {
                boolean weight = p % 2 == 0;
                hat[p] = weight && k > 0 ? SignCompression.compress(theta[p], (int) k, rng) : theta[p];
                if (weight) {
                    b.scalar(NETS[n] + ".err." + (p / 2 + 1), SignCompression.relativeError(theta[p], hat[p]));
                }
            }
            compressed[n].setParameters(hat);
            var test = trained[n].testSet();
            var train = trained[n].trainSet();
            float[] testX = trained[n].testInputs();
            double[] out = logits(compressed[n], testX, test.size());
            b.scalar(NETS[n] + ".output_err", meanRelativeDistance(out, testLogits[n], net.sizes()[net.depth()]));
            b.scalar(NETS[n] + ".train.acc", NoiseStabilityExperiment.score(compressed[n], trained[n].trainInputs(),
                    train.labels(), train.size())[1]);
            b.scalar(NETS[n] + ".test.acc",
                    NoiseStabilityExperiment.score(compressed[n], testX, test.labels(), test.size())[1]);
        }
        return b.build();
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
