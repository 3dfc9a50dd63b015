package org.trainscope.engine.optimization;

import java.util.List;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.data.Digits;
import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.LearningRate;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * Weight decay equals an exponential learning rate (Li &amp; Arora, ICLR 2020): a scale-invariant digits classifier
 * ({@link ScaleInvariantNet}) trained twice from the same init on the same full batch —
 * (A) momentum γ, weight decay λ, constant η, in the seed's form v_t = γv_{t−1} + ∇(L + λ/2‖θ‖²), θ_t = θ_{t−1} − ηv_t;
 * (B) momentum γ, no weight decay, η_t = η·α^{−2t−1}, α the larger root of x² − (1+γ−λη)x + γ = 0.
 * Then θ^B_t = α^{−t}θ^A_t for every t: the same function, the norms parting as α^{−t}. With γ &gt; 0 the equivalence
 * needs B's first step to carry A's first weight decay: B starts with the velocity v₀ = −(1−α)θ₀/(ηα) (derived in
 * {@link #initialVelocity}); with γ = 0 it is multiplied away and α = 1 − λη.
 */
public final class ExpLrExperiment extends AbstractExperiment {
    public static final Output A_LOSS = Output.scalar("a.loss", "training loss of run A (weight decay, constant η)");
    public static final Output B_LOSS = Output.scalar("b.loss", "training loss of run B (no weight decay, η_t = ηα^{−2t−1})");
    public static final Output A_NORM = Output.scalar("a.norm", "‖θ^A‖");
    public static final Output B_NORM = Output.scalar("b.norm", "‖θ^B‖");
    public static final Output B_LR = Output.scalar("b.lr", "run B's learning rate for the next step, η·α^{−2t−1}");
    public static final Output PRED_DIFF = Output.scalar("pred_diff",
            "largest |softmax_A − softmax_B| over the probe set and the classes");
    public static final Output NORM_RATIO = Output.scalar("norm_ratio", "‖θ^B‖/‖θ^A‖, measured");
    public static final Output NORM_RATIO_PREDICTED = Output.scalar("norm_ratio_predicted", "α^{−t}, the theorem's ratio");
    public static final Output B_NORM_PREDICTED = Output.scalar("b.norm_predicted", "α^{−t}‖θ^A‖: ‖θ^B‖ as the theorem predicts");
    public static final Output A_ACC = Output.scalar("a.acc", "run A's accuracy on the probe set", "fraction");
    public static final Output B_ACC = Output.scalar("b.acc", "run B's accuracy on the probe set", "fraction");
    public static final Output A_PROBS = Output.series("a.probs", "run A's probability of the true class, per probe example");
    public static final Output B_PROBS = Output.series("b.probs", "run B's probability of the true class, per probe example");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "exp-lr",
            "Weight decay equals an exponential learning rate",
            new ExperimentDef.Explanation(
                    "A digits classifier with a layer norm before its softmax does not change when its weights "
                            + "are scaled. Train it twice from the same start: (A) with weight decay and a constant "
                            + "learning rate, (B) without weight decay but with a learning rate that grows "
                            + "exponentially, η·α^(−2t−1). Their predictions on held-out digits lie on top of each "
                            + "other — the largest difference stays at rounding level — while B's weights grow "
                            + "exactly as α^(−t) times A's (dashed: the prediction). Weight decay only shrinks the "
                            + "weights, which raises the effective learning rate η/‖θ‖².",
                    "A: v_t = γv_{t−1} + ∇(L + λ/2‖θ‖²), θ_t = θ_{t−1} − ηv_t;   B: λ = 0, η_t = η·α^{−2t−1},   "
                            + "α² − (1+γ−λη)α + γ = 0",
                    "Lecture 001, Vignette 3, \"Exponentially increasing learning rate works for deep learning\"; "
                            + "Li & Arora, ICLR 2020."),
            List.of(new ParamSpec.Real("lr", "Learning rate η of run A (and B's η)", 0.1, 1e-4, 1),
                    new ParamSpec.Real("momentum", "Momentum γ of both runs", 0.9, 0, 0.99),
                    new ParamSpec.Real("weight_decay", "Weight decay λ of run A", 0.01, 0, 1),
                    new ParamSpec.Int("hidden", "Hidden units", 32, 4, 128),
                    new ParamSpec.Int("train", "Training examples (full batch)", 500, 50, 1000),
                    new ParamSpec.Int("probe", "Held-out probe examples", 200, 10, 500),
                    new ParamSpec.Real("gain", "Fixed gain g of the normalized logits", 4, 0.5, 20)),
            List.of(A_LOSS, B_LOSS, A_NORM, B_NORM, B_LR, PRED_DIFF, NORM_RATIO, NORM_RATIO_PREDICTED, B_NORM_PREDICTED, A_ACC, B_ACC,
                    A_PROBS, B_PROBS),
            300, ExpLrExperiment::new);

    /** The params, read once; a λ, η, γ without a real α is refused. */
    public record Config(double lr, double momentum, double weightDecay, int hidden, int train, int probe, double gain) {
        public static Config of(Params p) {
            Config c = new Config(p.real("lr"), p.real("momentum"), p.real("weight_decay"), p.integer("hidden"),
                    p.integer("train"), p.integer("probe"), p.real("gain"));
            double most = Math.pow(1 - Math.sqrt(c.momentum()), 2);
            if (c.weightDecay() * c.lr() > most) {
                throw new ParamException("weight_decay", String.format(java.util.Locale.ROOT, "weight_decay: "
                        + "λ·η = %.3g (weight_decay = %s, lr = %s) has no real α at momentum = %s; keep λ·η ≤ (1 − √γ)² = %.3g",
                        c.weightDecay() * c.lr(), p.text("weight_decay"), p.text("lr"), p.text("momentum"), most));
            }
            return c;
        }

        /** α, the larger root of x² − (1+γ−λη)x + γ = 0 (1 − λη when γ = 0). */
        public double alpha() {
            double b = 1 + momentum - weightDecay * lr;
            return (b + Math.sqrt(Math.max(b * b - 4 * momentum, 0))) / 2;
        }
    }

    private final Config config;
    private final double alpha;
    private final ScaleInvariantNet net;
    private final double[] trainX;
    private final int[] trainY;
    private final double[] probeX;
    private final int[] probeY;
    private final double[] thetaA;
    private final double[] thetaB;
    private final Optimizer optA;
    private final Optimizer optB;
    private long steps;
    private Frame frame;

    private ExpLrExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        alpha = config.alpha();
        Dataset digits = Digits.load();
        Rng rng = new Rng(seed);
        int[] perm = Dataset.permutation(digits.size(), rng);
        DigitsBatch train = DigitsBatch.of(perm, 0, config.train());
        DigitsBatch probe = DigitsBatch.of(perm, config.train(), config.probe());
        trainX = train.x();
        trainY = train.y();
        probeX = probe.x();
        probeY = probe.y();
        net = new ScaleInvariantNet(Digits.DIM, config.hidden(), 10, config.gain());
        thetaA = new double[net.parameterCount()];
        int w1 = config.hidden() * Digits.DIM;
        for (int i = 0; i < thetaA.length; i++) {
            thetaA[i] = rng.nextGaussian() / Math.sqrt(i < w1 ? Digits.DIM : config.hidden());   // N(0, 1/fan-in)
        }
        thetaB = thetaA.clone();
        double eta = config.lr();
        LearningRate constant = new LearningRate.Constant(eta);
        LearningRate exponential = new LearningRate.Exponential(eta / alpha, 1 / (alpha * alpha) - 1);  // ηα^{−1}(α^{−2})^t
        optA = new OptimizerConfig("sgdm", constant, config.momentum(), 0.9, 0.9, 0.999, 1e-8, config.weightDecay())
                .create(Vector.of(thetaA));
        optB = new OptimizerConfig("sgdm", exponential, config.momentum(), 0.9, 0.9, 0.999, 1e-8, 0)
                .create(Vector.of(thetaB));
        optB.restore(Snapshot.builder().longValue("t", 0).array("velocity", initialVelocity(thetaB)).build());
        frame = buildFrame();
    }

    /**
     * B's first step must equal α^{−1} times A's: θ₀ − ηα^{−1}(γv₀ + ∇L) = α^{−1}((1 − λη)θ₀ − η∇L), so
     * γv₀ = (α − 1 + λη)θ₀/η = γ(α − 1)θ₀/(ηα) by the quadratic: v₀ = −(1 − α)θ₀/(ηα).
     */
    private double[] initialVelocity(double[] theta0) {
        double[] v = new double[theta0.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = -(1 - alpha) * theta0[i] / (config.lr() * alpha);
        }
        return v;
    }

    /** One full-batch step of each run: forward → loss and gradient → optimizer.step → frame. */
    @Override
    public Frame step() {
        Snapshot before = snapshot();
        optA.step((at, g) -> loss(at, g));
        optB.step((at, g) -> loss(at, g));
        for (double v : thetaB) {
            if (!Double.isFinite(v)) {
                restore(before);
                throw new DivergedException("run B's weights stopped being finite at step " + (steps + 1)
                        + "; lower lr or weight_decay");
            }
        }
        steps++;
        frame = buildFrame();
        if (!Double.isFinite(frame.scalar(A_LOSS)) || !Double.isFinite(frame.scalar(B_LOSS))) {
            restore(before);
            throw new DivergedException("the loss stopped being finite at step " + (steps + 1) + "; lower lr");
        }
        return frame;
    }

    private double loss(Vector at, Vector grad) {
        double[] th = at.toArray();
        double[] g = new double[th.length];
        double value = net.loss(th, trainX, trainY, g, null);
        grad.set(g);
        return value;
    }

    private Frame buildFrame() {
        double[] probsA = new double[probeY.length * 10];
        double[] probsB = new double[probeY.length * 10];
        double lossA = net.loss(thetaA, trainX, trainY, null, null);
        double lossB = net.loss(thetaB, trainX, trainY, null, null);
        net.loss(thetaA, probeX, probeY, null, probsA);
        net.loss(thetaB, probeX, probeY, null, probsB);
        double diff = 0;
        for (int i = 0; i < probsA.length; i++) {
            diff = Math.max(diff, Math.abs(probsA[i] - probsB[i]));
        }
        double normA = norm(thetaA);
        double normB = norm(thetaB);
        return Frame.builder(steps).scalar(A_LOSS, lossA).scalar(B_LOSS, lossB).scalar(A_NORM, normA)
                .scalar(B_NORM, normB).scalar(B_LR, optB.config().lr().at(steps)).scalar(PRED_DIFF, diff)
                .scalar(NORM_RATIO, normB / normA).scalar(NORM_RATIO_PREDICTED, StrictMath.pow(alpha, -steps))
                .scalar(B_NORM_PREDICTED, normA * StrictMath.pow(alpha, -steps))
                .scalar(A_ACC, accuracy(probsA)).scalar(B_ACC, accuracy(probsB))
                .series(A_PROBS, trueClass(probsA)).series(B_PROBS, trueClass(probsB)).build();
    }

    private double accuracy(double[] probs) {
        int right = 0;
        for (int k = 0; k < probeY.length; k++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (probs[k * 10 + c] > probs[k * 10 + best]) {
                    best = c;
                }
            }
            right += best == probeY[k] ? 1 : 0;
        }
        return (double) right / probeY.length;
    }

    private double[] trueClass(double[] probs) {
        double[] out = new double[probeY.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = probs[k * 10 + probeY[k]];
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public Snapshot snapshot() {
        return Snapshot.builder().longValue("steps", steps).array("a.theta", thetaA).array("b.theta", thetaB)
                .put("a.opt", optA.state()).put("b.opt", optB.state()).build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        System.arraycopy(s.array("a.theta"), 0, thetaA, 0, thetaA.length);
        System.arraycopy(s.array("b.theta"), 0, thetaB, 0, thetaB.length);
        optA.restore(s.under("a.opt"));
        optB.restore(s.under("b.opt"));
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

    /** The net and its training set, for tests: L(θ) and ∇L(θ). */
    double trainLoss(double[] theta, double[] grad) {
        return net.loss(theta, trainX, trainY, grad, null);
    }

    /** θ^A (for tests). */
    double[] thetaA() {
        return thetaA.clone();
    }
}
