package org.trainscope.engine.microscope;

import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * A deep MLP at initialization and as it trains, to show vanishing and exploding gradients (lecture 003, "Common
 * Activation Functions", "Comparing Activation Functions"): {@code depth} layers of {@code width} units with the
 * activation σ (the last layer linear, one output), Xavier, He or a set scale at init, fitted by the chosen optimizer
 * to a linear teacher y = vᵀx/√width on one fixed batch of Gaussian inputs, square loss.
 *
 * <p>Each frame measures, at the current weights, the gradient norm ‖∂L/∂W_t‖_F of every layer and the spread of
 * its outputs: back-propagation multiplies δ by W_{t+1}ᵀ and σ′(z_t) once per layer, so with σ′ ≤ ¼ (sigmoid) the
 * first layers' gradients shrink geometrically with depth, while ReLU with He's variance 2/fan_in keeps them level.
 * Step 0 is the initialization; each step is one optimizer step.
 */
public final class ActivationsExperiment extends AbstractExperiment {
    public static final Output GRAD_NORM = Output.scalar("grad_norm.{t}", "‖∂L/∂W_t‖_F of layer t (1 = nearest the input)");
    public static final Output ACT_STD = Output.scalar("act_std.{t}", "standard deviation of layer t's outputs o_t over units and batch");
    public static final Output LOSS = Output.scalar("loss", "½ mean (ŷ − y)² over the batch");
    public static final Output GRAD_RATIO = Output.scalar("grad_ratio", "‖∂L/∂W_1‖ / ‖∂L/∂W_depth‖: first layer's gradient over the last's");
    public static final Output HIST = Output.series("hist.{t}", "histogram of layer t's outputs: fraction of values per bin of hist_range");
    public static final Output HIST_RANGE = Output.series("hist_range", "[lo, hi] of the histograms' bins, shared by every layer");

    /** Bins of each layer's histogram: 20 × 8 bytes × 50 layers keeps a frame under 10 kB. */
    public static final int BINS = 20;

    public static final ExperimentDef TYPE = new ExperimentDef(
            "activations",
            "Activations and vanishing gradients",
            new ExperimentDef.Explanation(
                    "A deep network at initialization, then training. Left: the gradient norm of each layer on a log "
                            + "scale — with sigmoid at depth 20 the first layers get gradients ~10¹² times smaller "
                            + "than the last (σ′ ≤ ¼ per layer), while ReLU with He init keeps them level. Right: how "
                            + "the outputs of each layer spread, and the activation σ with its derivative σ′.",
                    "δ_t = (W_{t+1}ᵀ δ_{t+1}) ⊙ σ′(z_t),   ∂L/∂W_t = δ_t o_{t−1}ᵀ\n"
                            + "‖δ_t‖ ≈ ‖δ_{t+1}‖·√(fan·Var W)·E|σ′|: sigmoid ≤ ¼ per layer; ReLU + He: √(2·½) = 1\n"
                            + "Xavier: Var W = 2/(fan_in + fan_out),   He: Var W = 2/fan_in",
                    "Lecture 003, \"Common Activation Functions\", \"Comparing Activation Functions\"; Glorot & Bengio "
                            + "2010; He, Zhang, Ren & Sun 2015.")
                    .withEquations(
                            "\\delta_t = (W_{t+1}^{\\top}\\delta_{t+1}) \\odot \\sigma'(z_t),\\quad "
                                    + "\\frac{\\partial L}{\\partial W_t} = \\delta_t\\, o_{t-1}^{\\top}",
                            "\\Big\\|\\frac{\\partial L}{\\partial W_1}\\Big\\| = \\val{grad_norm.1},\\qquad "
                                    + "\\frac{\\|\\partial L/\\partial W_1\\|}{\\|\\partial L/\\partial W_T\\|} = \\val{grad_ratio}",
                            "\\mathrm{std}(o_1) = \\val{act_std.1},\\qquad L = \\frac{1}{2B}\\sum_k (\\hat y_k - y_k)^2 = \\val{loss}",
                            "\\text{Xavier: } \\mathrm{Var}\\,W = \\frac{2}{n_{in} + n_{out}},\\qquad "
                                    + "\\text{He: } \\mathrm{Var}\\,W = \\frac{2}{n_{in}}"),
            ParamSpec.join(List.of(
                    new ParamSpec.Choice("activation", "σ of the hidden layers", "sigmoid", Sigma.labels()),
                    new ParamSpec.Choice("init", "xavier: Var W = 2/(in+out); he: 2/in; scale: scale²/in", "xavier",
                            List.of("xavier", "he", "scale")),
                    new ParamSpec.Real("scale", "init = scale: W ~ N(0, scale²/fan_in)", 1.0, 0.01, 10),
                    new ParamSpec.Int("depth", "Layers (weight matrices), the last linear", 20, 2, 50),
                    new ParamSpec.Int("width", "Units per hidden layer (and input size)", 64, 2, 128),
                    new ParamSpec.Int("batch", "Examples in the one fixed batch", 32, 1, 64)),
                    OptimizerParams.specs("gd", 0.01)),
            List.of(GRAD_NORM, ACT_STD, LOSS, GRAD_RATIO, HIST, HIST_RANGE),
            200, ActivationsExperiment::new);

    /** The params, read once. */
    public record Config(Sigma sigma, String init, double scale, int depth, int width, int batch, OptimizerConfig optimizer) {
        public static Config of(Params p) {
            return new Config(Sigma.of(p.choice("activation")), p.choice("init"), p.real("scale"), p.integer("depth"),
                    p.integer("width"), p.integer("batch"), OptimizerConfig.from(p));
        }

        /** Units of layer t's output (t = 0 the input): width, …, width, 1. */
        int units(int t) {
            return t == depth ? 1 : width;
        }

        /** The standard deviation of W_t's entries at init. */
        double initStd(int t) {
            int in = units(t - 1);
            int out = units(t);
            return switch (init) {
                case "xavier" -> Math.sqrt(2.0 / (in + out));           // Glorot & Bengio 2010
                case "he" -> Math.sqrt(2.0 / in);                       // He et al. 2015
                default -> scale / Math.sqrt(in);
            };
        }
    }

    private final Config c;
    private final int depth;
    private final int batch;
    private final double[][] w;
    private final double[][] b;
    private final double[][] gw;
    private final double[][] gb;
    private final double[] x;
    private final double[] y;
    private final Vector theta;
    private final Optimizer optimizer;
    private final Objective objective;
    private long steps;
    /** What {@link #measure()} found at the weights of version {@link #measuredVersion}. */
    private double loss;
    private final double[] gradNorm;
    private final double[] actStd;
    private final double[][] hist;
    private final double[] histRange = new double[2];
    private long measuredVersion = -1;

    private ActivationsExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        this.c = Config.of(params);
        this.depth = c.depth();
        this.batch = c.batch();
        w = new double[depth + 1][];
        b = new double[depth + 1][];
        gw = new double[depth + 1][];
        gb = new double[depth + 1][];
        Rng rng = new Rng(seed);
        for (int t = 1; t <= depth; t++) {
            w[t] = new double[c.units(t) * c.units(t - 1)];
            double sd = c.initStd(t);
            for (int i = 0; i < w[t].length; i++) {
                w[t][i] = sd * rng.nextGaussian();
            }
            b[t] = new double[c.units(t)];
            gw[t] = new double[w[t].length];
            gb[t] = new double[b[t].length];
        }
        int width = c.width();
        x = new double[width * batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();                                  // x ~ N(0, I), one column per example
        }
        double[] v = new double[width];
        for (int j = 0; j < width; j++) {
            v[j] = rng.nextGaussian();
        }
        y = new double[batch];
        for (int k = 0; k < batch; k++) {
            double s = 0;
            for (int j = 0; j < width; j++) {
                s += v[j] * x[j * batch + k];
            }
            y[k] = s / Math.sqrt(width);                                // the teacher: y = vᵀx/√width
        }
        gradNorm = new double[depth + 1];
        actStd = new double[depth + 1];
        hist = new double[depth + 1][BINS];
        theta = Vector.join(concat(w, b));
        Vector grad = Vector.join(concat(gw, gb));
        optimizer = c.optimizer().create(theta, grad);
        objective = Objective.atParameters(theta, grad, () -> measuredVersion == theta.version() ? loss : measure());
        measure();
    }

    /** W_1 … W_T then b_1 … b_T: the parameters (or gradients) as the optimizer's one vector. */
    private double[][] concat(double[][] ws, double[][] bs) {
        double[][] out = new double[2 * depth][];
        for (int t = 1; t <= depth; t++) {
            out[t - 1] = ws[t];
            out[depth + t - 1] = bs[t];
        }
        return out;
    }

    /**
     * Forward and backward at the current weights: the loss, ∂L/∂W_t and ∂L/∂b_t into the gradient arrays, and
     * each layer's gradient norm, output spread and histogram.
     */
    private double measure() {
        double[][] z = new double[depth + 1][];
        double[][] o = new double[depth + 1][];
        o[0] = x;
        for (int t = 1; t <= depth; t++) {
            z[t] = Dense.affine(w[t], b[t], o[t - 1], c.units(t), c.units(t - 1), batch);   // z_t = W_t o_{t−1} + b_t
            o[t] = t == depth ? z[t] : Dense.map(c.sigma(), z[t]);                          // o_t = σ(z_t), linear last
        }
        double l = 0;
        double[] delta = new double[batch];
        for (int k = 0; k < batch; k++) {
            double e = o[depth][k] - y[k];
            l += 0.5 * e * e / batch;                                   // L = ½ mean (ŷ − y)²
            delta[k] = e / batch;                                       // δ_T = (ŷ − y)/B
        }
        for (int t = depth; t >= 1; t--) {
            System.arraycopy(Dense.outer(delta, o[t - 1], c.units(t), c.units(t - 1), batch), 0, gw[t], 0, gw[t].length);
            System.arraycopy(Dense.rowSums(delta, c.units(t), batch), 0, gb[t], 0, gb[t].length);   // ∂L/∂W_t = δ_t o_{t−1}ᵀ
            gradNorm[t] = norm(gw[t]);
            if (t > 1) {                                                // δ_{t−1} = (W_tᵀ δ_t) ⊙ σ′(z_{t−1})
                delta = Dense.timesDerivative(Dense.transposeTimes(w[t], delta, c.units(t), c.units(t - 1), batch),
                        c.sigma(), z[t - 1]);
            }
        }
        histogram(o);
        loss = l;
        measuredVersion = theta.version();
        return l;
    }

    private void histogram(double[][] o) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= depth; t++) {
            double mean = 0;
            for (double v : o[t]) {
                mean += v / o[t].length;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double var = 0;
            for (double v : o[t]) {
                var += (v - mean) * (v - mean) / o[t].length;
            }
            actStd[t] = Math.sqrt(var);
        }
        if (!(hi > lo)) {                                               // every output equal (or not finite)
            lo = Double.isFinite(lo) ? lo - 0.5 : -1;
            hi = Double.isFinite(hi) ? lo + 1 : 1;
        }
        histRange[0] = lo;
        histRange[1] = hi;
        for (int t = 1; t <= depth; t++) {
            java.util.Arrays.fill(hist[t], 0);
            for (double v : o[t]) {
                int bin = (int) Math.min(BINS - 1, Math.max(0, Math.floor((v - lo) / (hi - lo) * BINS)));
                hist[t][bin] += 1.0 / o[t].length;
            }
        }
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        Frame.Builder f = Frame.builder(steps);
        for (int t = 1; t <= depth; t++) {
            f.scalar(GRAD_NORM.of(t), gradNorm[t]);
        }
        for (int t = 1; t <= depth; t++) {
            f.scalar(ACT_STD.of(t), actStd[t]);
        }
        f.scalar(LOSS, loss).scalar(GRAD_RATIO, gradNorm[1] / gradNorm[depth]);
        for (int t = 1; t <= depth; t++) {
            f.series(HIST.of(t), hist[t]);
        }
        return f.series(HIST_RANGE, histRange).build();
    }

    /** One optimizer step on the batch, then the measurements at the new weights. */
    @Override
    public Frame step() {
        Snapshot before = snapshot();
        optimizer.step(objective);
        double l = measure();
        if (!Double.isFinite(l) || !Double.isFinite(gradNorm[1])) {
            restore(before);
            throw new DivergedException("the loss is no longer finite after step " + (steps + 1)
                    + ": lower lr, or use a smaller init scale");
        }
        steps++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        return Snapshot.builder().longValue("steps", steps).array("theta", theta.toArray())
                .put("opt", optimizer.state()).build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        theta.set(s.array("theta"));
        optimizer.restore(s.under("opt"));
        measure();
    }

    /** The loss at the current weights, recomputed (for gradient checks). */
    double lossNow() {
        return measure();
    }

    /** The weights W_t, live (for gradient checks). */
    double[] weights(int t) {
        return w[t];
    }
}
