package org.trainscope.engine.optimization;

import java.util.List;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.data.Digits;
import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.LearningRate;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * The edge of stability (Cohen, Kaur, Li, Kolter &amp; Talwalkar, ICLR 2021): full-batch gradient descent on a tanh
 * MLP over a digits subset, and after every step the top-k eigenvalues of the training loss's Hessian by Lanczos on
 * exact Hessian-vector products (forward-over-backward, {@link TanhMlp}), warm-started from the last step's Ritz
 * vectors. GD on a quadratic of curvature λ is stable only for λ &lt; 2/η (lecture 000, "Black box analysis": the
 * step size is limited by the smoothness ‖∇²‖); on a net the sharpness first rises towards 2/η, then hovers there
 * while the loss keeps falling, non-monotonically.
 */
public final class SharpnessExperiment extends AbstractExperiment {
    public static final Output SHARPNESS = Output.scalar("sharpness", "top eigenvalue λ₁ of ∇²L at θ_t");
    public static final Output EIG = Output.scalar("eig.{i}", "i-th largest eigenvalue of ∇²L at θ_t (Lanczos)");
    public static final Output TWO_OVER_LR = Output.scalar("two_over_lr", "2/η: GD on a quadratic of larger curvature diverges");
    public static final Output LOSS = Output.scalar("loss", "training loss L(θ_t) on the full batch");
    public static final Output ACCURACY = Output.scalar("train_acc", "training accuracy", "fraction");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "sharpness",
            "The edge of stability: sharpness against 2/η",
            new ExperimentDef.Explanation(
                    "Full-batch gradient descent on a small tanh network learning digits, with the square loss. "
                            + "After every step the Hessian's largest eigenvalues are computed exactly (Lanczos on "
                            + "Hessian-vector products). On a quadratic GD is stable only while the curvature stays "
                            + "below 2/η (dashed). Here the sharpness first rises ('progressive sharpening') past "
                            + "2/η; the loss spikes once, and from then on the sharpness hovers just above 2/η — GD "
                            + "keeps itself at the edge of stability — while the loss keeps falling, though no longer "
                            + "monotonically.",
                    "θ_{t+1} = θ_t − η∇L(θ_t);   λ₁(∇²L(θ_t)) ≈ 2/η;   ∇²L·v = d/dε ∇L(θ + εv)|₀",
                    "Lecture 000, \"Black box analysis\" (step size limited by the smoothness ‖∇²‖); Cohen, Kaur, Li, "
                            + "Kolter & Talwalkar, ICLR 2021."),
            List.of(new ParamSpec.Real("lr", "Learning rate η of full-batch GD", 0.2, 1e-4, 2),
                    new ParamSpec.Int("k", "Top eigenvalues computed", 3, 1, 8),
                    new ParamSpec.Int("n", "Training examples (digits subset, full batch)", 256, 32, 1000),
                    new ParamSpec.Int("hidden", "Width of each of the two hidden layers", 32, 4, 64),
                    new ParamSpec.Choice("loss", "Loss: square ½‖f − y‖² or cross-entropy", "square",
                            List.of("square", "cross-entropy")),
                    new ParamSpec.Int("lanczos", "Lanczos steps per eigenvalue computation", 12, 4, 40)),
            List.of(SHARPNESS, EIG, TWO_OVER_LR, LOSS, ACCURACY),
            600, SharpnessExperiment::new);

    /** The params, read once. */
    public record Config(double lr, int k, int n, int hidden, TanhMlp.Loss loss, int lanczos) {
        /**
         * A step's Lanczos run costs about lanczos × n × |θ| multiply-adds (one Hessian-vector product per Lanczos
         * step, over n examples); 8·10⁷ is about 200 ms here, 8× the defaults (12 × 256 × 3,392).
         */
        static final double WORK_PER_STEP = 8e7;

        public static Config of(Params p) {
            Config c = new Config(p.real("lr"), p.integer("k"), p.integer("n"), p.integer("hidden"),
                    p.choice("loss").equals("square") ? TanhMlp.Loss.SQUARE : TanhMlp.Loss.CROSS_ENTROPY,
                    p.integer("lanczos"));
            long weights = (long) Digits.DIM * c.hidden() + (long) c.hidden() * c.hidden() + 10L * c.hidden();
            double work = (double) c.lanczos() * c.n() * weights;
            if (work > WORK_PER_STEP) {
                throw new ParamException("lanczos", String.format(java.util.Locale.ROOT, "lanczos: %d Hessian-vector "
                        + "products a step over n = %d examples of a net with hidden = %d (%d weights) take too long for "
                        + "a step (~200 ms: lanczos × n × weights at most %.0e, here %.1e); lower lanczos, n or hidden",
                        c.lanczos(), c.n(), c.hidden(), weights, WORK_PER_STEP, work));
            }
            return c;
        }
    }

    private final Config config;
    private final TanhMlp net;
    private final double[] theta;
    private final Optimizer optimizer;
    private final Rng rng;
    private double[][] ritz;
    private double[] eigenvalues;
    private long steps;
    private Frame frame;

    private SharpnessExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        rng = new Rng(seed);
        Dataset digits = Digits.load();
        int[] perm = Dataset.permutation(digits.size(), rng);
        DigitsBatch batch = DigitsBatch.of(perm, 0, config.n());
        net = new TanhMlp(new int[] {Digits.DIM, config.hidden(), config.hidden(), 10}, config.loss(), batch.x(),
                batch.y());
        theta = new double[net.parameterCount()];
        for (int l = 1; l <= net.layers(); l++) {
            int fanIn = net.size(l - 1);
            for (int i = 0; i < net.size(l) * fanIn; i++) {
                theta[net.offset(l) + i] = rng.nextGaussian() / Math.sqrt(fanIn);   // W ~ N(0, 1/fan-in), b = 0
            }
        }
        optimizer = new OptimizerConfig("gd", new LearningRate.Constant(config.lr()), 0.9, 0.9, 0.9, 0.999, 1e-8, 0)
                .create(Vector.of(theta));
        eigenvalues = eigen().values();
        frame = buildFrame();
    }

    /** One step of full-batch GD: forward → loss and gradient → optimizer.step → eigenvalues → frame. */
    @Override
    public Frame step() {
        Snapshot before = snapshot();
        optimizer.step((at, g) -> {
            double[] grad = new double[theta.length];
            double value = net.loss(at.toArray(), grad);
            g.set(grad);
            return value;
        });
        steps++;
        eigenvalues = eigen().values();
        frame = buildFrame();
        if (!Double.isFinite(frame.scalar(LOSS)) || !Double.isFinite(frame.scalar(SHARPNESS))) {
            restore(before);
            throw new DivergedException("the loss stopped being finite at step " + (steps + 1) + "; lower lr");
        }
        return frame;
    }

    /** The top-k eigenpairs of ∇²L(θ), Lanczos warm-started from the last ones (plus a little seeded noise). */
    Lanczos.Result eigen() {
        double[] start = new double[theta.length];
        for (int i = 0; i < start.length; i++) {
            start[i] = 1e-3 * rng.nextGaussian();
        }
        if (ritz != null) {
            for (double[] v : ritz) {
                for (int i = 0; i < start.length; i++) {
                    start[i] += v[i];
                }
            }
        }
        net.prepare(theta);
        Lanczos.Result r = Lanczos.top((v, hv) -> net.preparedHessianVector(theta, v, hv), start,
                Math.max(config.lanczos(), config.k() + 2), config.k());
        ritz = r.vectors();
        return r;
    }

    /** The frame of θ and the eigenvalues computed there (kept, so that a restored state shows the same frame). */
    private Frame buildFrame() {
        Frame.Builder b = Frame.builder(steps).scalar(SHARPNESS, eigenvalues[0]);
        for (int i = 0; i < config.k(); i++) {
            b.scalar(EIG.of(i + 1), i < eigenvalues.length ? eigenvalues[i] : Double.NaN);
        }
        return b.scalar(TWO_OVER_LR, 2 / config.lr()).scalar(LOSS, net.loss(theta, null))
                .scalar(ACCURACY, net.accuracy(theta)).build();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).longValue("rng", rng.state())
                .array("theta", theta).array("eigenvalues", eigenvalues).put("opt", optimizer.state());
        for (int i = 0; ritz != null && i < ritz.length; i++) {
            b.array("ritz." + i, ritz[i]);
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        System.arraycopy(s.array("theta"), 0, theta, 0, theta.length);
        optimizer.restore(s.under("opt"));
        int count = 0;
        while (s.arrayOrNull("ritz." + count) != null) {
            count++;
        }
        ritz = new double[count][];
        for (int i = 0; i < count; i++) {
            ritz[i] = s.array("ritz." + i);
        }
        eigenvalues = s.array("eigenvalues");
        rng.setState(s.longValue("rng"));
        frame = buildFrame();
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        return frame;
    }

    /**
     * λ₁(∇²L(θ)) now, by Lanczos warm-started from the last top Ritz vector, as every step does, without changing the
     * run (for {@code bench}: the cost of the sharpness alone).
     */
    public double topEigenvalue() {
        net.prepare(theta);
        double[] start = ritz[0];
        return Lanczos.top((v, hv) -> net.preparedHessianVector(theta, v, hv), start, config.lanczos(), 1).values()[0];
    }

    /** The net, for tests. */
    TanhMlp net() {
        return net;
    }

    double[] theta() {
        return theta.clone();
    }
}
