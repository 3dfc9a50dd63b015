package org.trainscope.engine.microscope;

import java.util.Arrays;
import java.util.List;

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

/**
 * One training step of a small MLP, cut into the sub-steps of lecture 003's "Back-Propagation: Pseudo-code": each
 * experiment step computes one thing. With T layers a training step is 2T + 3 frames — T forward (z_t = W_t o_{t−1}
 * + b_t, o_t = σ(z_t)), 1 loss, T backward (δ_T = ∇ℓ(o_T) ⊙ σ′(z_T), then δ_t = (W_{t+1}ᵀ δ_{t+1}) ⊙ σ′(z_t)),
 * 1 gradient (∇W_t = δ_t o_{t−1}ᵀ, ∇b_t = δ_t 1, each checked against central differences of the loss), 1 update
 * (θ ← θ − η∇θ). Frame 0 is the state before the first sub-step: o_0 = x set, nothing computed.
 *
 * <p>Series hold the batch as columns, row-major: W_t is out × in, z_t, o_t, δ_t are units × batch. What this
 * training step has not computed yet is NaN, so that a frame shows exactly what the algorithm knows at that moment.
 */
public final class BackpropStepsExperiment extends AbstractExperiment {
    public static final Output PHASE = Output.scalar("phase", "sub-step: 0 forward, 1 loss, 2 backward, 3 gradient, 4 update");
    public static final Output LAYER = Output.scalar("layer", "the layer t being computed (0: all layers, or none yet)");
    public static final Output LOSS = Output.scalar("loss", "loss of the latest forward pass (NaN before the first)");
    public static final Output FD_MAX_ERROR = Output.scalar("fd_max_error", "largest |∇θ − central difference| of W and b so far (NaN before the first check)");
    public static final Output TRAIN_STEP = Output.scalar("train_step", "training steps completed (updates applied)", "steps");
    public static final Output W = Output.series("W{t}", "weights W_t, out × in, row-major");
    public static final Output B = Output.series("b{t}", "biases b_t");
    public static final Output Z = Output.series("z{t}", "pre-activations z_t = W_t o_{t−1} + b_t, units × batch (NaN: not yet computed)");
    public static final Output O = Output.series("o{t}", "outputs o_t = σ(z_t), units × batch; o0 is the input x");
    public static final Output DELTA = Output.series("delta{t}", "δ_t = ∂ℓ/∂z_t, units × batch (NaN: not yet computed)");
    public static final Output GW = Output.series("gW{t}", "∇W_t = δ_t o_{t−1}ᵀ, out × in (NaN: not yet computed)");
    public static final Output GB = Output.series("gb{t}", "∇b_t = δ_t 1 (NaN: not yet computed)");
    public static final Output FDW = Output.series("fdW{t}", "central-difference gradient of the loss in W_t, out × in (NaN: not yet computed)");
    public static final Output Y = Output.series("y", "targets, output units × batch");

    /** Phases, as the {@code phase} scalar numbers them. */
    public static final int FORWARD = 0;
    public static final int LOSS_PHASE = 1;
    public static final int BACKWARD = 2;
    public static final int GRADIENT = 3;
    public static final int UPDATE = 4;

    /** Step of the central differences: truncation ~h², rounding ~1e-16/h; 1e-5 balances them near 1e-10. */
    static final double FD_STEP = 1e-5;

    public static final ExperimentDef TYPE = new ExperimentDef(
            "backprop-steps",
            "Backpropagation, step by step",
            new ExperimentDef.Explanation(
                    "One training step of a small network, one computation per frame, as the pseudo-code runs it: the "
                            + "forward pass layer by layer, the loss, δ back through the layers, the gradients "
                            + "δ_t o_{t−1}ᵀ (each beside its finite-difference check), then the update. The part "
                            + "being computed is highlighted; step back with ← to replay it.",
                    "z_t = W_t o_{t−1} + b_t,   o_t = σ(z_t),   ℓ = ½‖o_T − y‖²\n"
                            + "δ_T = (o_T − y) ⊙ σ′(z_T),   δ_t = (W_{t+1}ᵀ δ_{t+1}) ⊙ σ′(z_t)\n"
                            + "∇W_t = δ_t o_{t−1}ᵀ,   ∇b_t = δ_t,   θ ← θ − η∇θ",
                    "Lecture 003, \"Back-Propagation\", \"Back-Propagation: Pseudo-code\", \"Matrix Notation\", "
                            + "\"Example: Simple network\"; lecture 002, \"Computing the Gradient by Backpropagation\".")
                    .withEquations(
                            "o_0 = x = \\val{o0},\\quad z_1 = W_1 o_0 + b_1 = \\val{z1},\\quad o_1 = \\sigma(z_1) = \\val{o1}",
                            "\\ell = \\tfrac{1}{2}\\|o_T - y\\|^2 = \\val{loss}",
                            "\\delta_1 = (W_2^{\\top}\\delta_2) \\odot \\sigma'(z_1) = \\val{delta1}",
                            "\\nabla W_1 = \\delta_1\\, o_0^{\\top} = \\val{gW1},\\quad "
                                    + "\\max|\\nabla\\theta - \\mathrm{fd}| = \\val{fd_max_error}",
                            "\\theta \\leftarrow \\theta - \\eta\\,\\nabla\\theta,\\quad W_1 = \\val{W1}"),
            List.of(
                    new ParamSpec.Choice("architecture", "Units per layer, input first", "2-3-2-1",
                            List.of("1-2-1", "2-2-1", "2-3-1", "2-3-2-1", "2-4-4-1", "3-4-3-2", "2-3-3-3-1")),
                    new ParamSpec.Choice("activation", "σ of every layer", "sigmoid", Sigma.labels()),
                    new ParamSpec.Choice("loss", "square ½‖o_T − y‖², or cross_entropy −y log o − (1−y) log(1−o) (needs sigmoid)",
                            "square", List.of("square", "cross_entropy")),
                    new ParamSpec.Int("batch", "Examples per step: the one below, then random ones from the seed", 1, 1, 4),
                    new ParamSpec.Real("x1", "Input x₁ of the example", 1.0, -10, 10),
                    new ParamSpec.Real("x2", "Input x₂ of the example (if the input has 2 units)", -0.5, -10, 10),
                    new ParamSpec.Real("x3", "Input x₃ of the example (if the input has 3 units)", 0.25, -10, 10),
                    new ParamSpec.Real("y", "Target of every output unit for the example", 1.0, -10, 10),
                    new ParamSpec.Real("lr", "Learning rate η", 1.0, 1e-4, 10),
                    new ParamSpec.Real("init_scale", "Initial weights ~ N(0, s²/fan_in)", 1.0, 0.01, 10)),
            List.of(PHASE, LAYER, LOSS, FD_MAX_ERROR, TRAIN_STEP, W, B, Z, O, DELTA, GW, GB, FDW, Y),
            45, BackpropStepsExperiment::new);

    /** The params, read once. */
    public record Config(int[] units, Sigma sigma, boolean crossEntropy, int batch, double[] x, double y, double lr,
                         double initScale) {
        public static Config of(Params p) {
            int[] units = Arrays.stream(p.choice("architecture").split("-")).mapToInt(Integer::parseInt).toArray();
            Sigma sigma = Sigma.of(p.choice("activation"));
            boolean ce = p.choice("loss").equals("cross_entropy");
            double y = p.real("y");
            if (ce && sigma != Sigma.SIGMOID) {
                throw new ParamException("loss", "loss: cross_entropy needs activation = sigmoid, not " + p.choice("activation"));
            }
            if (ce && (y < 0 || y > 1)) {
                throw new ParamException("y", "y: " + y + " is out of range with loss = cross_entropy; expected a number in [0, 1]");
            }
            return new Config(units, sigma, ce, p.integer("batch"), new double[]{p.real("x1"), p.real("x2"), p.real("x3")},
                    y, p.real("lr"), p.real("init_scale"));
        }

        /** Layers T (weight matrices). */
        public int layers() {
            return units.length - 1;
        }

        /** Frames per training step: T forward, 1 loss, T backward, 1 gradient, 1 update. */
        public int subSteps() {
            return 2 * layers() + 3;
        }
    }

    private final Config c;
    private final int layers;
    private final int batch;
    private final int[] n;
    /** Index t = 1..T; index 0 unused for W, b; o[0] is the input. */
    private final double[][] w;
    private final double[][] b;
    private final double[][] z;
    private final double[][] o;
    private final double[][] delta;
    private final double[][] gw;
    private final double[][] gb;
    private final double[][] fdw;
    private final double[] y;
    private long subSteps;
    private double loss = Double.NaN;
    private double fdMaxError = Double.NaN;

    private BackpropStepsExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        this.c = Config.of(params);
        this.layers = c.layers();
        this.batch = c.batch();
        this.n = c.units();
        w = new double[layers + 1][];
        b = new double[layers + 1][];
        z = new double[layers + 1][];
        o = new double[layers + 1][];
        delta = new double[layers + 1][];
        gw = new double[layers + 1][];
        gb = new double[layers + 1][];
        fdw = new double[layers + 1][];
        Rng rng = new Rng(seed);
        for (int t = 1; t <= layers; t++) {
            w[t] = new double[n[t] * n[t - 1]];
            double sd = c.initScale() / Math.sqrt(n[t - 1]);
            for (int i = 0; i < w[t].length; i++) {
                w[t][i] = sd * rng.nextGaussian();                   // W_t ~ N(0, s²/fan_in)
            }
            b[t] = new double[n[t]];
        }
        o[0] = new double[n[0] * batch];
        y = new double[n[layers] * batch];
        for (int k = 0; k < batch; k++) {
            for (int j = 0; j < n[0]; j++) {
                o[0][j * batch + k] = k == 0 ? c.x()[j] : rng.uniform(-1, 1);
            }
            for (int i = 0; i < n[layers]; i++) {
                y[i * batch + k] = k == 0 ? c.y() : rng.uniform(0, 1);
            }
        }
        clearIntermediates();
    }

    private void clearIntermediates() {
        for (int t = 1; t <= layers; t++) {
            z[t] = nans(n[t] * batch);
            o[t] = nans(n[t] * batch);
            delta[t] = nans(n[t] * batch);
            gw[t] = nans(w[t].length);
            gb[t] = nans(n[t]);
            fdw[t] = nans(w[t].length);
        }
    }

    private static double[] nans(int length) {
        double[] a = new double[length];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public long stepCount() {
        return subSteps;
    }

    /** The sub-step the last step performed, 0 … 2T+2 (−1 at frame 0). */
    private int position() {
        return subSteps == 0 ? -1 : (int) ((subSteps - 1) % c.subSteps());
    }

    private int phase(int pos) {
        if (pos < layers) {
            return FORWARD;
        }
        if (pos == layers) {
            return LOSS_PHASE;
        }
        if (pos <= 2 * layers) {
            return BACKWARD;
        }
        return pos == 2 * layers + 1 ? GRADIENT : UPDATE;
    }

    private int layer(int pos) {
        if (pos < 0 || pos == layers || pos > 2 * layers) {
            return 0;
        }
        return pos < layers ? pos + 1 : 2 * layers + 1 - pos;
    }

    @Override
    public Frame frame() {
        int pos = position();
        Frame.Builder f = Frame.builder(subSteps)
                .scalar(PHASE, pos < 0 ? FORWARD : phase(pos))
                .scalar(LAYER, layer(pos))
                .scalar(LOSS, loss)
                .scalar(FD_MAX_ERROR, fdMaxError)
                .scalar(TRAIN_STEP, subSteps / c.subSteps());
        for (int t = 1; t <= layers; t++) {
            f.series(W.of(t), w[t]).series(B.of(t), b[t]);
        }
        for (int t = 0; t <= layers; t++) {
            f.series(O.of(t), o[t]);
        }
        for (int t = 1; t <= layers; t++) {
            f.series(Z.of(t), z[t]).series(DELTA.of(t), delta[t]).series(GW.of(t), gw[t]).series(GB.of(t), gb[t])
                    .series(FDW.of(t), fdw[t]);
        }
        return f.series(Y, y).build();
    }

    /** Performs the next sub-step of the algorithm. */
    @Override
    public Frame step() {
        int pos = (int) (subSteps % c.subSteps());
        switch (phase(pos)) {
            case FORWARD -> forward(pos + 1);
            case LOSS_PHASE -> {
                double l = lossOf(o[layers], z[layers]);
                if (!Double.isFinite(l)) {
                    throw new DivergedException("the loss is " + l + ": lower lr or init_scale");
                }
                loss = l;
            }
            case BACKWARD -> backward(2 * layers - pos + 1);
            case GRADIENT -> gradients();
            default -> update();
        }
        subSteps++;
        return frame();
    }

    /** z_t = W_t o_{t−1} + b_t, o_t = σ(z_t); the first layer of a training step forgets the last one's numbers. */
    private void forward(int t) {
        if (t == 1) {
            clearIntermediates();
        }
        z[t] = Dense.affine(w[t], b[t], o[t - 1], n[t], n[t - 1], batch);
        o[t] = Dense.map(c.sigma(), z[t]);
    }

    /** δ_T = ∇_{o_T}ℓ ⊙ σ′(z_T); δ_t = (W_{t+1}ᵀ δ_{t+1}) ⊙ σ′(z_t). */
    private void backward(int t) {
        if (t == layers) {
            delta[t] = c.crossEntropy() ? outputDeltaCrossEntropy() : Dense.timesDerivative(lossGradient(o[t]), c.sigma(), z[t]);
        } else {
            delta[t] = Dense.timesDerivative(Dense.transposeTimes(w[t + 1], delta[t + 1], n[t + 1], n[t], batch), c.sigma(), z[t]);
        }
    }

    /** ∇_{o_T} of ½‖o_T − y‖² averaged over the batch: (o_T − y)/B. */
    private double[] lossGradient(double[] out) {
        double[] g = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            g[i] = (out[i] - y[i]) / batch;
        }
        return g;
    }

    /** Cross-entropy after a sigmoid: δ_T = (o_T − y)/B, the σ′ cancelling (no 0/0 when σ saturates). */
    private double[] outputDeltaCrossEntropy() {
        return lossGradient(o[layers]);
    }

    /** ℓ averaged over the batch: ½‖o − y‖², or −y log o − (1−y) log(1−o) through log σ(z) = −softplus(−z). */
    private double lossOf(double[] out, double[] pre) {
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            if (c.crossEntropy()) {
                s += y[i] * Sigma.SOFTPLUS.value(-pre[i]) + (1 - y[i]) * Sigma.SOFTPLUS.value(pre[i]);
            } else {
                double e = out[i] - y[i];
                s += 0.5 * e * e;
            }
        }
        return s / batch;
    }

    /** ∇W_t = δ_t o_{t−1}ᵀ, ∇b_t = δ_t 1, and the central differences of the loss beside them. */
    private void gradients() {
        double worst = Double.isNaN(fdMaxError) ? 0 : fdMaxError;
        for (int t = 1; t <= layers; t++) {
            gw[t] = Dense.outer(delta[t], o[t - 1], n[t], n[t - 1], batch);
            gb[t] = Dense.rowSums(delta[t], n[t], batch);
            fdw[t] = centralDifferences(w[t]);
            double[] fdb = centralDifferences(b[t]);
            for (int i = 0; i < gw[t].length; i++) {
                worst = Math.max(worst, Math.abs(gw[t][i] - fdw[t][i]));
            }
            for (int i = 0; i < fdb.length; i++) {
                worst = Math.max(worst, Math.abs(gb[t][i] - fdb[i]));
            }
        }
        fdMaxError = worst;
    }

    /** (ℓ(θ + h e_i) − ℓ(θ − h e_i)) / 2h for each entry of one parameter array (restored bit for bit after). */
    private double[] centralDifferences(double[] theta) {
        double[] d = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double keep = theta[i];
            theta[i] = keep + FD_STEP;
            double up = lossAtParameters();
            theta[i] = keep - FD_STEP;
            double down = lossAtParameters();
            theta[i] = keep;
            d[i] = (up - down) / (2 * FD_STEP);
        }
        return d;
    }

    /** The loss of a whole forward pass at the current W, b (leaves the frame's z, o alone). */
    double lossAtParameters() {
        double[] out = o[0];
        double[] pre = null;
        for (int t = 1; t <= layers; t++) {
            pre = Dense.affine(w[t], b[t], out, n[t], n[t - 1], batch);
            out = Dense.map(c.sigma(), pre);
        }
        return lossOf(out, pre);
    }

    /** θ ← θ − η∇θ, for every W_t and b_t; refused, with the state kept, if it leaves the finite numbers. */
    private void update() {
        double[][] nw = new double[layers + 1][];
        double[][] nb = new double[layers + 1][];
        for (int t = 1; t <= layers; t++) {
            nw[t] = new double[w[t].length];
            for (int i = 0; i < nw[t].length; i++) {
                nw[t][i] = w[t][i] - c.lr() * gw[t][i];             // W_t ← W_t − η∇W_t
            }
            nb[t] = new double[b[t].length];
            for (int i = 0; i < nb[t].length; i++) {
                nb[t][i] = b[t][i] - c.lr() * gb[t][i];             // b_t ← b_t − η∇b_t
            }
            if (!Dense.finite(nw[t]) || !Dense.finite(nb[t])) {
                throw new DivergedException("the update of layer " + t + " is not finite: lower lr or init_scale");
            }
        }
        for (int t = 1; t <= layers; t++) {
            w[t] = nw[t];
            b[t] = nb[t];
        }
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder s = Snapshot.builder().longValue("sub_steps", subSteps)
                .array("loss", new double[]{loss, fdMaxError});
        for (int t = 1; t <= layers; t++) {
            s.array("W" + t, w[t]).array("b" + t, b[t]).array("z" + t, z[t]).array("o" + t, o[t])
                    .array("delta" + t, delta[t]).array("gW" + t, gw[t]).array("gb" + t, gb[t]).array("fdW" + t, fdw[t]);
        }
        return s.build();
    }

    @Override
    public void restore(Snapshot s) {
        subSteps = s.longValue("sub_steps");
        double[] scalars = s.array("loss");
        loss = scalars[0];
        fdMaxError = scalars[1];
        for (int t = 1; t <= layers; t++) {
            w[t] = s.array("W" + t);
            b[t] = s.array("b" + t);
            z[t] = s.array("z" + t);
            o[t] = s.array("o" + t);
            delta[t] = s.array("delta" + t);
            gw[t] = s.array("gW" + t);
            gb[t] = s.array("gb" + t);
            fdw[t] = s.array("fdW" + t);
        }
    }

    /** The units per layer of an architecture param, input first (for views). */
    public static int[] units(Params p) {
        return Config.of(p).units().clone();
    }
}
