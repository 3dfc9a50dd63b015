package org.trainscope.engine.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

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
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * Depth-2 ReLU nets f(x) = c + Σ_j a_j relu(w_j x + b_j) of width m trained by gradient methods to fit a target g on
 * [−1, 1] (lecture 002, "Depth-2 Networks Are Universal"): one net of the chosen width, drawn with every unit's
 * breakpoint −b_j/w_j, and a sweep of widths trained alongside. Beside each trained net's sup error stand, at the same
 * width, the explicit construction — the piecewise-linear interpolant at m + 1 equally spaced knots, m units,
 * {@code shallow-approx}'s construction — and lecture 002's bound: width 8RL/ε reaches ε, i.e. ε = 8RL/m (R = 1).
 * Sup errors are measured on 2049 grid points.
 */
public final class UniversalApproxExperiment extends AbstractExperiment {
    public static final Output WIDTH = Output.scalar("width", "width m of the drawn net", "units");
    public static final Output SUP_ERROR = Output.scalar("sup_error", "sup |f − g| of the drawn net on the grid");
    public static final Output TRAIN_LOSS = Output.scalar("train.loss", "(1/2N) Σ (f(x_i) − g(x_i))² on the 256 training points");
    public static final Output LIPSCHITZ = Output.scalar("lipschitz", "Lipschitz constant L of g on [−1, 1] (∞ for the step)");
    public static final Output SWEEP_WIDTH = Output.scalar("m{k}.width", "width of sweep net k", "units");
    public static final Output SWEEP_ERROR = Output.scalar("m{k}.sup_error", "sup |f − g| of sweep net k, trained");
    public static final Output SWEEP_CONSTRUCTION = Output.scalar("m{k}.construction",
            "sup error of the width-m interpolant at m + 1 equally spaced knots");
    public static final Output SWEEP_BOUND = Output.scalar("m{k}.bound", "lecture 002's ε at width m: 8RL/m");
    public static final Output X = Output.series("x", "grid of [−1, 1], 513 points");
    public static final Output TARGET = Output.series("target", "g on the grid");
    public static final Output F = Output.series("f", "the drawn net on the grid");
    public static final Output BREAKS_X = Output.series("breaks_x", "breakpoints −b_j/w_j of the drawn net's units inside [−1, 1]");
    public static final Output BREAKS_Y = Output.series("breaks_y", "f at those breakpoints");

    private static final int TRAIN_POINTS = 256;
    private static final int PLOT_POINTS = 513;
    private static final int PROBE_POINTS = 2049;

    public static final ExperimentDef TYPE = new ExperimentDef(
            "universal-approx",
            "Universal approximation: a trained depth-2 net",
            new ExperimentDef.Explanation(
                    "A depth-2 ReLU network is a sum of hinges: each unit bends the function at one breakpoint "
                            + "(the dots). Trained by gradient descent, the breakpoints move to where the target "
                            + "curves. Any continuous target is reachable with enough units — the lower chart shows "
                            + "how many: the sup error of trained nets of each width, beside the explicit "
                            + "interpolating construction with the same number of units and the lecture's bound "
                            + "8RL/m. The step is not Lipschitz: no width brings its sup error below ½.",
                    "f(x) = c + Σ_{j=1..m} a_j relu(w_j x + b_j),   breakpoint x_j = −b_j/w_j\n"
                            + "width 8RL/ε suffices for ‖f − g‖∞ ≤ ε  (R = 1: ε = 8L/m)",
                    "Lecture 002, \"Depth-2 Networks Are Universal\" and \"Quantitative bounds for ReLU depth-2 "
                            + "networks\"; lecture 003, universal approximation (Cybenko 1989, Barron 1993)."),
            ParamSpec.join(List.of(
                    new ParamSpec.Choice("target", "g on [−1, 1]: sin πx, |x|, a step, x², the sawtooth s_m, or a drawn curve",
                            "sin", List.of("sin", "abs", "step", "square", "sawtooth", "drawn")),
                    new ParamSpec.Int("teeth", "Depth m of the sawtooth s_m (2^(m−1) teeth)", 3, 1, 6),
                    new ParamSpec.Numbers("curve", "target=drawn: values at equally spaced points of [−1, 1]",
                            List.of(0.0, 0.8, -0.4, 0.6, 0.2, -0.6, 0.0), -5, 5, false, 65),
                    new ParamSpec.Int("width", "Width m of the drawn net", 16, 1, 256),
                    new ParamSpec.Numbers("widths", "Widths of the sweep", List.of(2.0, 4.0, 8.0, 16.0, 32.0, 64.0),
                            1, 256, true, 8),
                    new ParamSpec.Int("every", "Optimizer steps per frame", 20, 1, 100)),
                    OptimizerParams.specs("adam", 0.01)),
            List.of(WIDTH, SUP_ERROR, TRAIN_LOSS, LIPSCHITZ, SWEEP_WIDTH, SWEEP_ERROR, SWEEP_CONSTRUCTION, SWEEP_BOUND,
                    X, TARGET, F, BREAKS_X, BREAKS_Y),
            300, UniversalApproxExperiment::new);

    /** The params, read once. */
    public record Config(String target, int teeth, double[] curve, int width, int[] widths, int every,
                         OptimizerConfig optimizer) {
        @SuppressWarnings("unchecked")
        public static Config of(Params p) {
            double[] curve = ((List<Double>) p.get("curve")).stream().mapToDouble(Double::doubleValue).toArray();
            if (p.choice("target").equals("drawn") && curve.length < 2) {
                throw new ParamException("curve", "curve: target=drawn needs at least 2 values; expected "
                        + p.spec("curve").allowed());
            }
            int[] widths = ((List<Double>) p.get("widths")).stream().mapToInt(Double::intValue).toArray();
            if (widths.length == 0) {
                throw new ParamException("widths", "widths: the list is empty; expected " + p.spec("widths").allowed());
            }
            return new Config(p.choice("target"), p.integer("teeth"), curve, p.integer("width"), widths,
                    p.integer("every"), OptimizerConfig.from(p));
        }

        /** g. */
        DoubleUnaryOperator g() {
            return switch (target) {
                case "abs" -> Math::abs;
                case "step" -> x -> x > 0 ? 1 : 0;
                case "square" -> x -> x * x;
                case "sawtooth" -> x -> sawtooth((x + 1) / 2, teeth);
                case "drawn" -> x -> polyline(curve, x);
                default -> x -> StrictMath.sin(Math.PI * x);
            };
        }

        /** L of g on [−1, 1]. */
        double lipschitz() {
            return switch (target) {
                case "abs" -> 1;
                case "step" -> Double.POSITIVE_INFINITY;
                case "square" -> 2;
                case "sawtooth" -> Math.scalb(1.0, teeth - 1);          // |s_m'| = 2^m on [0, 1], x ↦ (x+1)/2 halves it
                case "drawn" -> {
                    double most = 0;
                    double h = 2.0 / (curve.length - 1);
                    for (int i = 1; i < curve.length; i++) {
                        most = Math.max(most, Math.abs(curve[i] - curve[i - 1]) / h);
                    }
                    yield most;
                }
                default -> Math.PI;
            };
        }
    }

    /** s_m(x): the tent s(x) = 2x on [0, ½], 2 − 2x on [½, 1], composed m times (lecture 002's sawtooth). */
    static double sawtooth(double x, int m) {
        double s = x;
        for (int j = 0; j < m; j++) {
            s = s <= 0.5 ? 2 * s : 2 - 2 * s;
        }
        return s;
    }

    /** The piecewise-linear curve through values at equally spaced points of [−1, 1]. */
    static double polyline(double[] v, double x) {
        double u = (Math.max(-1, Math.min(1, x)) + 1) / 2 * (v.length - 1);
        int i = Math.min(v.length - 2, (int) Math.floor(u));
        double t = u - i;
        return v[i] * (1 - t) + v[i + 1] * t;
    }

    /** One trained net: its parameters, gradient storage and optimizer. */
    private final class Run {
        final ShallowNet net;
        final double[][] grads;
        final Optimizer optimizer;
        final Objective objective;

        Run(int m, Rng rng) {
            net = new ShallowNet(m);
            for (int j = 0; j < m; j++) {
                net.w[j] = rng.nextDouble() < 0.5 ? -1 : 1;
                net.b[j] = -net.w[j] * rng.uniform(-1, 1);              // breakpoints uniform in [−1, 1]
                net.a[j] = rng.nextGaussian() / Math.sqrt(m);
            }
            grads = new double[][] {new double[m], new double[m], new double[m], new double[1]};
            Vector x = Vector.join(net.w, net.b, net.a, net.c);
            Vector g = Vector.join(grads);
            optimizer = config.optimizer().create(x, g);
            objective = Objective.atParameters(x, g, () -> {
                double value = net.lossAndGradient(trainX, trainY, grads[0], grads[1], grads[2], grads[3]);
                if (!Double.isFinite(value)) {
                    throw new DivergedException("width " + m + ": the loss is no longer finite; lower lr");
                }
                return value;
            });
        }
    }

    private final Config config;
    private final DoubleUnaryOperator g;
    private final double[] trainX = new double[TRAIN_POINTS];
    private final double[] trainY = new double[TRAIN_POINTS];
    private final double[] probe = new double[PROBE_POINTS];
    private final double[] probeY = new double[PROBE_POINTS];
    private final double[] plotX = new double[PLOT_POINTS];
    private final double[] plotY = new double[PLOT_POINTS];
    private final double[] construction;
    private final Run drawnNet;
    private final List<Run> sweep = new ArrayList<>();
    private long steps;
    private Frame frame;

    private UniversalApproxExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        g = config.g();
        fill(trainX, trainY);
        fill(probe, probeY);
        fill(plotX, plotY);
        Rng rng = new Rng(seed);
        drawnNet = new Run(config.width(), rng);
        construction = new double[config.widths().length];
        for (int k = 0; k < config.widths().length; k++) {
            sweep.add(new Run(config.widths()[k], rng));
            construction[k] = supError(interpolant(config.widths()[k]));
        }
        frame = combine();
    }

    private void fill(double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -1 + 2.0 * i / (xs.length - 1);
            ys[i] = g.applyAsDouble(xs[i]);
        }
    }

    /**
     * The width-m construction: g's piecewise-linear interpolant at knots x_i = −1 + 2i/m, i = 0 … m, as
     * f(x) = g(x_0) + Σ_{i<m} (s_i − s_{i−1}) relu(x − x_i), s_i the slope on [x_i, x_{i+1}], s_{−1} = 0: m units.
     */
    ShallowNet interpolant(int m) {
        ShallowNet f = new ShallowNet(m);
        f.c[0] = g.applyAsDouble(-1);
        double before = 0;
        for (int i = 0; i < m; i++) {
            double x0 = -1 + 2.0 * i / m;
            double x1 = -1 + 2.0 * (i + 1) / m;
            double slope = (g.applyAsDouble(x1) - g.applyAsDouble(x0)) / (x1 - x0);
            f.w[i] = 1;
            f.b[i] = -x0;
            f.a[i] = slope - before;
            before = slope;
        }
        return f;
    }

    /** max_i |f(x_i) − g(x_i)| over the 2049 probe points. */
    double supError(ShallowNet f) {
        double sup = 0;
        for (int i = 0; i < PROBE_POINTS; i++) {
            sup = Math.max(sup, Math.abs(f.f(probe[i]) - probeY[i]));
        }
        return sup;
    }

    private Frame combine() {
        ShallowNet net = drawnNet.net;
        double[] f = new double[PLOT_POINTS];
        for (int i = 0; i < PLOT_POINTS; i++) {
            f[i] = net.f(plotX[i]);
        }
        List<Double> bx = new ArrayList<>();
        for (int j = 0; j < net.width(); j++) {
            double x = net.w[j] == 0 ? Double.NaN : -net.b[j] / net.w[j];
            if (x >= -1 && x <= 1) {
                bx.add(x);
            }
        }
        double[] breaksX = bx.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] breaksY = new double[breaksX.length];
        for (int i = 0; i < breaksX.length; i++) {
            breaksY[i] = net.f(breaksX[i]);
        }
        double lip = config.lipschitz();
        Frame.Builder b = Frame.builder(steps)
                .scalar(WIDTH, net.width())
                .scalar(SUP_ERROR, supError(net))
                .scalar(TRAIN_LOSS, net.lossAndGradient(trainX, trainY, new double[net.width()], new double[net.width()],
                        new double[net.width()], new double[1]))
                .scalar(LIPSCHITZ, lip);
        for (int k = 0; k < sweep.size(); k++) {
            int m = sweep.get(k).net.width();
            b.scalar(SWEEP_WIDTH.of(k), m).scalar(SWEEP_ERROR.of(k), supError(sweep.get(k).net))
                    .scalar(SWEEP_CONSTRUCTION.of(k), construction[k])
                    .scalar(SWEEP_BOUND.of(k), 8 * lip / m);                   // ε = 8RL/m, R = 1
        }
        return b.series(X, plotX).series(TARGET, plotY).series(F, f).series(BREAKS_X, breaksX).series(BREAKS_Y, breaksY)
                .build();
    }

    /** {@code every} optimizer steps of every net; if one diverges, all stay at the last frame. */
    @Override
    public Frame step() {
        Atomic.run(this, () -> {
            for (int s = 0; s < config.every(); s++) {
                drawnNet.optimizer.step(drawnNet.objective);
                for (Run r : sweep) {
                    r.optimizer.step(r.objective);
                }
            }
        });
        steps++;
        frame = combine();
        return frame;
    }

    private static Snapshot save(Run r) {
        return Snapshot.builder().array("w", r.net.w).array("b", r.net.b).array("a", r.net.a).array("c", r.net.c)
                .put("opt", r.optimizer.state()).build();
    }

    private static void load(Run r, Snapshot s) {
        System.arraycopy(s.array("w"), 0, r.net.w, 0, r.net.w.length);
        System.arraycopy(s.array("b"), 0, r.net.b, 0, r.net.b.length);
        System.arraycopy(s.array("a"), 0, r.net.a, 0, r.net.a.length);
        r.net.c[0] = s.array("c")[0];
        r.optimizer.restore(s.under("opt"));
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).put("drawn", save(drawnNet));
        for (int k = 0; k < sweep.size(); k++) {
            b.put("m" + k, save(sweep.get(k)));
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        load(drawnNet, s.under("drawn"));
        for (int k = 0; k < sweep.size(); k++) {
            load(sweep.get(k), s.under("m" + k));
        }
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
