package org.trainscope.engine.microscope;

import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;

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
 *
 * <p>With {@code compare = on} it trains the lecture's three side by side ("Comparing Activation Functions"):
 * sigmoid and tanh with Xavier's init, ReLU with He's, each an {@link ActivationNet} from the same seed — the same
 * data and, per net, the same bits as its single run — stepped in lockstep; frames hold {@code {act}.…} per net.
 */
public final class ActivationsExperiment extends AbstractExperiment {
    public static final Output GRAD_NORM = Output.scalar("grad_norm.{t}", "‖∂L/∂W_t‖_F of layer t (1 = nearest the input)")
            .onlyWhen("compare = off");
    public static final Output ACT_STD = Output.scalar("act_std.{t}", "standard deviation of layer t's outputs o_t over units and batch")
            .onlyWhen("compare = off");
    public static final Output LOSS = Output.scalar("loss", "½ mean (ŷ − y)² over the batch")
            .onlyWhen("compare = off");
    public static final Output GRAD_RATIO = Output.scalar("grad_ratio", "‖∂L/∂W_1‖ / ‖∂L/∂W_depth‖: first layer's gradient over the last's")
            .onlyWhen("compare = off");
    public static final Output HIST = Output.series("hist.{t}", "histogram of layer t's outputs: fraction of values per bin of hist_range")
            .onlyWhen("compare = off");
    public static final Output HIST_RANGE = Output.series("hist_range", "[lo, hi] of the histograms' bins, shared by every layer")
            .onlyWhen("compare = off");
    // compare = on: the same per net, {act} one of COMPARED (no histograms)
    public static final Output COMPARED_GRAD_NORM = Output.scalar("{act}.grad_norm.{t}", "‖∂L/∂W_t‖_F of layer t of the {act} net")
            .onlyWhen("compare = on");
    public static final Output COMPARED_ACT_STD = Output.scalar("{act}.act_std.{t}", "standard deviation of layer t's outputs in the {act} net")
            .onlyWhen("compare = on");
    public static final Output COMPARED_LOSS = Output.scalar("{act}.loss", "½ mean (ŷ − y)² of the {act} net")
            .onlyWhen("compare = on");
    public static final Output COMPARED_GRAD_RATIO = Output.scalar("{act}.grad_ratio", "‖∂L/∂W_1‖ / ‖∂L/∂W_depth‖ of the {act} net")
            .onlyWhen("compare = on");

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
                    new ParamSpec.Int("batch", "Examples in the one fixed batch", 32, 1, 64),
                    new ParamSpec.Choice("compare", "on: three nets in lockstep, sigmoid + Xavier, tanh + Xavier and "
                            + "ReLU + He (activation, init and scale unused), same depth, width, data and seed", "off",
                            List.of("off", "on"))),
                    OptimizerParams.specs("gd", 0.01)),
            List.of(GRAD_NORM, ACT_STD, LOSS, GRAD_RATIO, HIST, HIST_RANGE, COMPARED_GRAD_NORM, COMPARED_ACT_STD,
                    COMPARED_LOSS, COMPARED_GRAD_RATIO),
            200, ActivationsExperiment::new);

    /** The params, read once. */
    public record Config(Sigma sigma, String init, double scale, int depth, int width, int batch, OptimizerConfig optimizer,
                         boolean compare) {
        public static Config of(Params p) {
            return new Config(Sigma.of(p.choice("activation")), p.choice("init"), p.real("scale"), p.integer("depth"),
                    p.integer("width"), p.integer("batch"), OptimizerConfig.from(p), p.choice("compare").equals("on"));
        }

        /** The nets this config trains: itself, or with compare sigmoid + Xavier, tanh + Xavier, ReLU + He. */
        List<Config> nets() {
            if (!compare) {
                return List.of(this);
            }
            return List.of(with(Sigma.SIGMOID, "xavier"), with(Sigma.TANH, "xavier"), with(Sigma.RELU, "he"));
        }

        private Config with(Sigma s, String initRule) {
            return new Config(s, initRule, scale, depth, width, batch, optimizer, false);
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

    /** The three nets of {@code compare}: the lecture's comparison, each activation with the init made for it. */
    public static final List<String> COMPARED = List.of("sigmoid", "tanh", "relu");

    /** compare = on steps three nets: at width 128, depth 50, batch 64 that took 390 ms a step; width 64, ~100 ms. */
    static final int MAX_COMPARED_WIDTH = 64;

    private final Config c;
    private final List<ActivationNet> nets = new java.util.ArrayList<>();
    private long steps;

    private ActivationsExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        this.c = Config.of(params);
        if (c.compare() && c.width() > MAX_COMPARED_WIDTH) {
            throw new ParamException("width", "width: " + c.width() + " is too wide with compare = on (three nets per "
                    + "step); at most " + MAX_COMPARED_WIDTH + ", or compare = off for up to 128");
        }
        for (Config one : c.nets()) {
            nets.add(new ActivationNet(one, seed));
        }
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        Frame.Builder f = Frame.builder(steps);
        if (!c.compare()) {
            ActivationNet net = nets.get(0);
            write(f, net, GRAD_NORM::of, ACT_STD::of, LOSS.key(), GRAD_RATIO.key());
            for (int t = 1; t <= c.depth(); t++) {
                f.series(HIST.of(t), net.hist(t));
            }
            return f.series(HIST_RANGE, net.histRange()).build();
        }
        for (int i = 0; i < nets.size(); i++) {
            String act = COMPARED.get(i);
            write(f, nets.get(i), t -> COMPARED_GRAD_NORM.of(act, t), t -> COMPARED_ACT_STD.of(act, t),
                    COMPARED_LOSS.of(act), COMPARED_GRAD_RATIO.of(act));
        }
        return f.build();
    }

    /** One net's scalars under the given keys, in the single run's order. */
    private void write(Frame.Builder f, ActivationNet net, java.util.function.IntFunction<String> gradNorm,
                       java.util.function.IntFunction<String> actStd, String loss, String gradRatio) {
        int depth = c.depth();
        for (int t = 1; t <= depth; t++) {
            f.scalar(gradNorm.apply(t), net.gradNorm(t));
        }
        for (int t = 1; t <= depth; t++) {
            f.scalar(actStd.apply(t), net.actStd(t));
        }
        f.scalar(loss, net.loss()).scalar(gradRatio, net.gradNorm(1) / net.gradNorm(depth));
    }

    /** One optimizer step of every net, in lockstep, then the measurements at the new weights. */
    @Override
    public Frame step() {
        Snapshot before = snapshot();
        for (int i = 0; i < nets.size(); i++) {
            if (!nets.get(i).step()) {
                restore(before);
                throw new DivergedException("the loss" + (c.compare() ? " of the " + COMPARED.get(i) + " net" : "")
                        + " is no longer finite after step " + (steps + 1) + ": lower lr, or use a smaller init scale");
            }
        }
        steps++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps);
        for (int i = 0; i < nets.size(); i++) {
            b.put("net" + i, nets.get(i).snapshot());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        for (int i = 0; i < nets.size(); i++) {
            nets.get(i).restore(s.under("net" + i));
        }
    }

    /** The loss of the (first) net at its current weights, recomputed (for gradient checks). */
    double lossNow() {
        return nets.get(0).lossNow();
    }

    /** The weights W_t of the (first) net, live (for gradient checks). */
    double[] weights(int t) {
        return nets.get(0).weights(t);
    }
}
