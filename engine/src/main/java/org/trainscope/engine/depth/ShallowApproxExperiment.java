package org.trainscope.engine.depth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.linalg.Nd4jRuntime;
import org.trainscope.engine.nn.Network;

/**
 * The depth-2 interpolant of {@link ShallowInterpolant} and the width it needs. Each step doubles RL/ε: for the
 * target {@code sawtooth} step k shows s_m with m = k + 1 (L = 2^m on [0, 1], ε fixed); for {@code square} (x² on
 * [−1, 1], L = 2) and {@code sin} (on [−π, π], L = 1) step k halves ε: ε_k = eps/2^k.
 *
 * <p>Scalars: {@code width}, {@code sup_error}, {@code eps}, {@code width_bound} = 8RL/ε, {@code lipschitz},
 * {@code radius}, {@code pieces} (of the network, exact from its weights), {@code params}, {@code m} (sawtooth
 * only, else 0), and for a target with a deep construction ({@code sawtooth}: s_m itself, exact; {@code square}: the
 * |x| network of depth ⌈log₄(1/ε)⌉ − 1) {@code deep_width}, {@code deep_params}, {@code deep_error}. Series: {@code x}
 * (2048 intervals of the domain), {@code target}, {@code f}, {@code points_x}, {@code points_y} (the x_i, when at most
 * 400). {@code sup_error} is the largest |f − g| at the interpolation points and the target's own breakpoints (exact for
 * the piecewise-linear sawtooth), the midpoints (exact for x²: interpolating x² errs most at each midpoint), and for
 * sin 3 points inside every piece (below the true sup by at most (h/8)²/2 ≤ ε²/128, h = ε/L, as |sin''| ≤ 1).
 */
public final class ShallowApproxExperiment extends AbstractExperiment {
    public static final Output WIDTH = Output.scalar("width", "hidden width 2n + 1 of the depth-2 interpolant", "units");
    public static final Output SUP_ERROR = Output.scalar("sup_error", "sup over the domain of |f − g| (see the class comment for where it is probed)");
    public static final Output EPS = Output.scalar("eps", "accuracy ε of this step (halved every step for square and sin)");
    public static final Output WIDTH_BOUND = Output.scalar("width_bound", "the lemma's width bound 8RL/ε", "units");
    public static final Output LIPSCHITZ = Output.scalar("lipschitz", "Lipschitz constant L of the target on its domain");
    public static final Output RADIUS = Output.scalar("radius", "radius R of the domain");
    public static final Output PIECES = Output.scalar("pieces", "linear pieces of the network on the domain, exact from its weights");
    public static final Output PARAMS = Output.scalar("params", "weights and biases of the depth-2 network (3·width + 1)");
    public static final Output M = Output.scalar("m", "depth m of the target s_m (sawtooth only, else 0)", "layers");
    public static final Output DEEP_WIDTH = Output.scalar("deep_width", "hidden width of the deep construction (sawtooth: s_m; square: the |x| net; absent for sin)", "units");
    public static final Output DEEP_PARAMS = Output.scalar("deep_params", "weights and biases of the deep construction (absent for sin)");
    public static final Output DEEP_ERROR = Output.scalar("deep_error", "sup error of the deep construction against the target (absent for sin)");
    public static final Output X = Output.series("x", "grid of the domain, 2048 intervals");
    public static final Output TARGET = Output.series("target", "the target g on the grid x");
    public static final Output F = Output.series("f", "the depth-2 network f on the grid x");
    public static final Output F_KNOTS_X = Output.series("f_knots_x", "the network f's breakpoints and the domain's ends: f is the polyline through them, exactly");
    public static final Output F_KNOTS_Y = Output.series("f_knots_y", "f at its knots f_knots_x");
    public static final Output POINTS_X = Output.series("points_x", "interpolation points x_i (empty beyond 400)");
    public static final Output POINTS_Y = Output.series("points_y", "g(x_i) at the interpolation points (empty beyond 400)");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "shallow-approx",
            "Why depth: a depth-2 network needs width",
            new ExperimentDef.Explanation(
                    "A depth-2 ReLU network interpolating g at points ε/L apart is within ε of g, with one unit per "
                            + "point: width ≤ 8RL/ε. Each step doubles RL/ε — one more layer of the sawtooth target "
                            + "(L = 2^m), or half the ε for x² and sin — and the width doubles with it. The deep "
                            + "network computes s_m exactly with width 3.",
                    "f(x) = g(x_−n) + Σ_{i=−n..n} [f'(x_i+) − f'(x_i−)]·r(x − x_i),   x_i = iε/L,   n = ⌈RL/ε⌉\n"
                            + "‖f − g‖∞ ≤ ε,   width 2n + 1 ≤ 8RL/ε",
                    "Lecture 002, \"Quantitative bounds for ReLU depth-2 networks\" (Lemma, after Eldan & Shamir 2016); "
                            + "Telgarsky 2016.")
                    .withEquations(
                            "f(x) = g(x_{-n}) + \\sum_{i=-n}^{n} \\big[f'(x_i^+) - f'(x_i^-)\\big]\\, r(x - x_i),\\quad x_i = i\\varepsilon/L",
                            "\\|f - g\\|_\\infty = \\val{sup_error} \\le \\varepsilon = \\val{eps}",
                            "\\text{width} = \\val{width} \\le \\frac{8RL}{\\varepsilon} = \\val{width_bound},\\qquad R = \\val{radius},\\ L = \\val{lipschitz}"),
            List.of(
                    new ParamSpec.Choice("target", "g: sawtooth s_m on [0,1] (m = step + 1), x² on [−1,1], sin on [−π,π]",
                            "sawtooth", List.of("sawtooth", "square", "sin")),
                    new ParamSpec.Real("eps", "Accuracy ε (square, sin: halved every step)", 0.3, 1e-3, 4)),
            List.of(WIDTH, SUP_ERROR, EPS, WIDTH_BOUND, LIPSCHITZ, RADIUS, PIECES, PARAMS, M, DEEP_WIDTH, DEEP_PARAMS,
                    DEEP_ERROR, X, TARGET, F, F_KNOTS_X, F_KNOTS_Y, POINTS_X, POINTS_Y),
            8, ShallowApproxExperiment::new);

    /** The function g the depth-2 network interpolates. */
    public enum Target {
        /** s_m on [0, 1], m = step + 1. */
        SAWTOOTH,
        /** x² on [−1, 1]. */
        SQUARE,
        /** sin on [−π, π]. */
        SIN;

        /** Parses {@code sawtooth}, {@code square} or {@code sin}. */
        public static Target of(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        }

        /** The param value naming this target. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The params, read once. */
    public record Config(Target target, double eps) {
        public static Config of(Params p) {
            return new Config(Target.of(p.choice("target")), p.real("eps"));
        }
    }

    /**
     * A frame's network is refused beyond this many hidden units: its evaluation on the probes takes ~0.2 s at 1,700
     * units and ~0.6 s at 3,400 (it was 4,097), which would stall the player.
     */
    static final int MAX_WIDTH = 2_049;
    private static final int PLOT_INTERVALS = 2048;
    private static final int INSIDE = 4;                 // sin: sample j/4 of every piece, j = 1…3
    private static final int MAX_DRAWN_POINTS = 400;
    private static final int CHUNK = 1 << 21;            // width × batch doubles per forward pass (16 MB)

    private final Target target;
    private final double eps0;
    private int k;

    private ShallowApproxExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Nd4jRuntime.init();
        Config config = Config.of(params);
        this.target = config.target();
        this.eps0 = config.eps();
    }

    /** Depth m of the sawtooth target at step k. */
    private int m() {
        return k + 1;
    }

    private double eps() {
        return target == Target.SAWTOOTH ? eps0 : Math.scalb(eps0, -k);         // ε_k = eps/2^k
    }

    private double radius() {
        return switch (target) {
            case SAWTOOTH -> 0.5;
            case SQUARE -> 1.0;
            case SIN -> Math.PI;
        };
    }

    private double centre() {
        return target == Target.SAWTOOTH ? 0.5 : 0.0;
    }

    private double lipschitz() {
        return switch (target) {
            case SAWTOOTH -> Math.scalb(1.0, m());                               // |s_m'| = 2^m
            case SQUARE -> 2.0;                                                  // |2x| ≤ 2 on [−1, 1]
            case SIN -> 1.0;
        };
    }

    private DoubleUnaryOperator g() {
        int m = m();
        return switch (target) {
            case SAWTOOTH -> x -> sawtooth(x, m);
            case SQUARE -> x -> x * x;
            case SIN -> Math::sin;
        };
    }

    /** s_m(x), the slide's tent composed m times, as a plain function (the target, not a network). */
    static double sawtooth(double x, int m) {
        double s = x;
        for (int j = 0; j < m; j++) {
            s = s < 0 || s > 1 ? 0 : (s <= 0.5 ? 2 * s : 2 - 2 * s);
        }
        return s;
    }

    private long widthAt(int step) {
        int saved = k;
        k = step;
        double rl = radius() * lipschitz() / eps();
        k = saved;
        return 2 * rl <= 1 ? 1 : 2 * (long) Math.ceil(rl) + 1;
    }

    @Override
    public long stepCount() {
        return k;
    }

    @Override
    public Frame frame() {
        double eps = eps();
        double radius = radius();
        double lip = lipschitz();
        double lo = centre() - radius;
        double hi = centre() + radius;
        DoubleUnaryOperator g = g();
        ShallowInterpolant f = ShallowInterpolant.of(g, centre(), radius, lip, eps);
        Network net = f.network();

        double[] probes = probes(f.points(), lo, hi);
        double[] out = eval(net, probes);
        double sup = 0;
        for (int i = 0; i < probes.length; i++) {
            sup = Math.max(sup, Math.abs(out[i] - g.applyAsDouble(probes[i])));
        }
        PiecewiseLinear exact = Breakpoints.of(net, lo, hi);   // f itself: the polyline through its knots
        double[] x = Nets.grid(lo, hi, PLOT_INTERVALS);
        double[] gx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gx[i] = g.applyAsDouble(x[i]);
        }
        Frame.Builder b = Frame.builder(k)
                .scalar(WIDTH, f.width())
                .scalar(SUP_ERROR, sup)
                .scalar(EPS, eps)
                .scalar(WIDTH_BOUND, ShallowInterpolant.widthBound(radius, lip, eps))
                .scalar(LIPSCHITZ, lip)
                .scalar(RADIUS, radius)
                .scalar(PIECES, exact.pieces())
                .scalar(PARAMS, net.parameterCount())
                .scalar(M, target == Target.SAWTOOTH ? m() : 0);
        deep(b, eps);
        boolean drawPoints = f.points().length <= MAX_DRAWN_POINTS;
        double[] px = drawPoints ? f.points() : new double[0];
        double[] py = Arrays.stream(px).map(g).toArray();
        return b.series(X, x)
                .series(TARGET, gx)
                .series(F, eval(net, x))
                .series(F_KNOTS_X, exact.knots())
                .series(F_KNOTS_Y, exact.values())
                .series(POINTS_X, px)
                .series(POINTS_Y, py)
                .build();
    }

    /** The deep construction beside the shallow one, where the lecture has one. */
    private void deep(Frame.Builder b, double eps) {
        if (target == Target.SAWTOOTH) {
            Network s = SawtoothNets.sawtooth(m(), SawtoothNets.Tent.SLIDE);
            b.scalar(DEEP_WIDTH, SawtoothNets.width(s)).scalar(DEEP_PARAMS, s.parameterCount()).scalar(DEEP_ERROR, 0);
        } else if (target == Target.SQUARE) {
            int m = 1;
            while (Math.scalb(1.0, -2 * (m + 1)) > eps) {
                m++;                                                              // 4^−(m+1) ≤ ε
            }
            Network sq = SawtoothNets.squareOnSymmetric(m, SawtoothNets.Tent.SLIDE);
            PiecewiseLinear exact = Breakpoints.of(sq, -1, 1);
            b.scalar(DEEP_WIDTH, SawtoothNets.width(sq)).scalar(DEEP_PARAMS, sq.parameterCount())
                    .scalar(DEEP_ERROR, exact.supErrorAgainstSquare(Nets.eval(sq, exact.knots())));
        }
    }

    /**
     * Where |f − g| is largest: for the sawtooth (f and g piecewise linear) at the interpolation points and s_m's
     * breakpoints k/2^m; for x² at the points and the midpoints; for sin also 3 points inside every piece.
     */
    private double[] probes(double[] points, double lo, double hi) {
        int extra = target == Target.SAWTOOTH ? (1 << m()) + 1 : 0;
        int inside = switch (target) {
            case SAWTOOTH -> 1;
            case SQUARE -> 2;
            case SIN -> INSIDE;
        };
        double[] p = new double[points.length * inside + extra + 2];
        int n = 0;
        for (int i = 0; i < points.length; i++) {
            p[n++] = points[i];
            if (i + 1 < points.length) {
                for (int j = 1; j < inside; j++) {
                    p[n++] = points[i] + (points[i + 1] - points[i]) * j / inside;
                }
            }
        }
        for (int j = 0; j < extra; j++) {
            p[n++] = Math.scalb((double) j, -m());
        }
        p[n++] = lo;
        p[n++] = hi;
        return Arrays.stream(p, 0, n).filter(v -> v >= lo && v <= hi).sorted().distinct().toArray();
    }

    /** Forward passes in chunks, so width × batch stays below {@link #CHUNK} doubles. */
    private static double[] eval(Network net, double[] xs) {
        int width = net.layers().get(0).fanOut();
        int batch = Math.max(1, CHUNK / width);
        double[] out = new double[xs.length];
        for (int from = 0; from < xs.length; from += batch) {
            int to = Math.min(xs.length, from + batch);
            System.arraycopy(Nets.eval(net, Arrays.copyOfRange(xs, from, to)), 0, out, from, to - from);
        }
        return out;
    }

    /** Doubles RL/ε: one layer deeper target (sawtooth) or half the ε (square, sin). */
    @Override
    public Frame step() {
        if (widthAt(k + 1) > MAX_WIDTH) {
            throw new EndOfRunException("the next width, " + widthAt(k + 1) + " units, is beyond the " + MAX_WIDTH
                    + " this view evaluates; raise eps to go further");
        }
        k++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        return Snapshot.builder().longValue("k", k).build();
    }

    @Override
    public void restore(Snapshot snapshot) {
        k = (int) snapshot.longValue("k");
    }
}
