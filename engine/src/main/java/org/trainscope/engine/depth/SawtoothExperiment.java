package org.trainscope.engine.depth;

import java.util.List;

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
 * The sawtooth s_m and the square approximation g_m of lecture 002, one layer per frame: frame k shows depth
 * m = k + 1, up to {@code max_depth}. Every frame builds the networks of {@link SawtoothNets} for this m, evaluates
 * them with ND4J, and reads their exact breakpoints with {@link Breakpoints}.
 *
 * <p>Scalars: {@code m}; {@code s_teeth}, {@code s_pieces} (of s_m on [0, 1]); {@code g_sup_error} = sup_[0,1]
 * |g_m − x²| from the network's outputs at its breakpoints (exact: see {@link PiecewiseLinear#supErrorAgainstSquare});
 * {@code g_params}, {@code g_pieces}, {@code g_width} (the true hidden width), {@code slide_width} (3),
 * {@code s_params}, {@code s_width}, {@code bound} = 4^−(m+1); {@code abs_sup_error}, {@code abs_params} (x² on
 * [−1, 1] through |x| = r(x) + r(−x)); {@code prod_sup_error} (on a 129×129 grid of [−1, 1]² and both diagonals), {@code prod_params},
 * {@code prod_width} (xy = ((x+y)² − (x−y)²)/4). Series: {@code x} (a dyadic grid of [0, 1] that contains every
 * breakpoint up to depth 12), {@code s}, {@code g}, {@code x2} (= x²), {@code teeth_x} (the tips of s_m),
 * {@code breaks_x} (the breakpoints of g_m), {@code xs} (grid of [−1, 1]) and {@code abs_g} (the |x| network there).
 */
public final class SawtoothExperiment extends AbstractExperiment {
    public static final Output M = Output.scalar("m", "depth of the networks shown (one layer per step)", "layers");
    public static final Output S_TEETH = Output.scalar("s_teeth", "teeth of s_m on [0, 1], counted from its breakpoints: 2^(m−1)");
    public static final Output S_PIECES = Output.scalar("s_pieces", "linear pieces of s_m on [0, 1]: 2^m");
    public static final Output G_SUP_ERROR = Output.scalar("g_sup_error", "sup over [0, 1] of |g_m − x²|, exact at g_m's breakpoints");
    public static final Output G_PARAMS = Output.scalar("g_params", "weights and biases of the g_m network");
    public static final Output G_PIECES = Output.scalar("g_pieces", "linear pieces of g_m on [0, 1]");
    public static final Output G_WIDTH = Output.scalar("g_width", "true hidden width of the g_m network (tent units + running sum)", "units");
    public static final Output SLIDE_WIDTH = Output.scalar("slide_width", "hidden width the slide draws per layer (3)", "units");
    public static final Output S_PARAMS = Output.scalar("s_params", "weights and biases of the s_m network");
    public static final Output S_WIDTH = Output.scalar("s_width", "hidden width of the s_m network (tent units)", "units");
    public static final Output BOUND = Output.scalar("bound", "the slide's error of g_m: 4^−(m+1)");
    public static final Output ABS_SUP_ERROR = Output.scalar("abs_sup_error", "sup over [−1, 1] of |g_m(|x|) − x²|");
    public static final Output ABS_PARAMS = Output.scalar("abs_params", "weights and biases of the x² network on [−1, 1]");
    public static final Output PROD_SUP_ERROR = Output.scalar("prod_sup_error", "max |net(x, y) − xy| on a 129×129 grid of [−1, 1]² and both diagonals");
    public static final Output PROD_PARAMS = Output.scalar("prod_params", "weights and biases of the product network");
    public static final Output PROD_WIDTH = Output.scalar("prod_width", "hidden width of the product network", "units");
    public static final Output X = Output.series("x", "dyadic grid of [0, 1] holding every breakpoint up to depth 12");
    public static final Output S = Output.series("s", "s_m on the grid x");
    public static final Output G = Output.series("g", "g_m on the grid x");
    public static final Output X2 = Output.series("x2", "x² on the grid x");
    public static final Output TEETH_X = Output.series("teeth_x", "the tips of s_m's teeth");
    public static final Output BREAKS_X = Output.series("breaks_x", "the breakpoints of g_m");
    public static final Output XS = Output.series("xs", "grid of [−1, 1]");
    public static final Output ABS_G = Output.series("abs_g", "the x² network through |x| = r(x) + r(−x), on the grid xs");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "sawtooth",
            "Why depth: sawtooth and x²",
            new ExperimentDef.Explanation(
                    "Each step adds one layer. The sawtooth s_m doubles its teeth per layer (2^(m−1) teeth, 2^m pieces, "
                            + "counted exactly from the network's breakpoints) and g_m = x − Σ s_j/4^j approaches x², its "
                            + "error falling 4× per layer; a depth-2 network needs a unit per breakpoint. The network drawn "
                            + "is the honest one: each layer also carries the running sum (blue unit).",
                    "s(x) = 2r(x) − 4r(x−½) + 2r(x−1),   s_m = s∘…∘s\n"
                            + "g_m = g_{m−1} − s_m/4^m = x − Σ_{j≤m} s_j/4^j,   ‖g_m − x²‖∞ = 4^−(m+1)\n"
                            + "|x| = r(x) + r(−x),   xy = ((x+y)² − (x−y)²)/4",
                    "Lecture 002, \"Example: sawteeth function\", \"Example: square function\", \"Examples\"; "
                            + "Telgarsky 2016 (Benefits of depth in neural networks); Yarotsky 2017.")
                    .withEquations(
                            "s_m = s\\circ\\cdots\\circ s,\\quad m = \\val{m}:\\ \\ 2^{m-1} = \\val{s_teeth}\\ \\text{teeth},\\ \\ 2^m = \\val{s_pieces}\\ \\text{pieces}",
                            "g_m = x - \\sum_{j\\le m} \\frac{s_j}{4^j},\\qquad \\|g_m - x^2\\|_\\infty = \\val{g_sup_error},\\quad 4^{-(m+1)} = \\val{bound}",
                            "|x| = r(x) + r(-x):\\ \\|g_m(|x|) - x^2\\|_\\infty = \\val{abs_sup_error},\\qquad xy = \\tfrac{(x+y)^2 - (x-y)^2}{4}:\\ \\text{error } \\val{prod_sup_error}"),
            List.of(
                    new ParamSpec.Int("max_depth", "Deepest network shown (one layer per step; at most 11: a frame reads "
                            + "2^m pieces exactly and evaluates four nets, ~0.3 s at m = 12, seconds beyond)", 10, 1, 11),
                    new ParamSpec.Choice("tent", "Tent units: slide = 2r(x)−4r(x−½)+2r(x−1); compact drops r(x−1), never active on [0,1]",
                            "slide", List.of("slide", "compact"))),
            List.of(M, S_TEETH, S_PIECES, G_SUP_ERROR, G_PARAMS, G_PIECES, G_WIDTH, SLIDE_WIDTH, S_PARAMS, S_WIDTH, BOUND,
                    ABS_SUP_ERROR, ABS_PARAMS, PROD_SUP_ERROR, PROD_PARAMS, PROD_WIDTH,
                    X, S, G, X2, TEETH_X, BREAKS_X, XS, ABS_G),
            9, SawtoothExperiment::new);

    /** The params, read once. */
    public record Config(int maxDepth, SawtoothNets.Tent tent) {
        public static Config of(Params p) {
            return new Config(p.integer("max_depth"), SawtoothNets.Tent.of(p.choice("tent")));
        }
    }

    /** The product is checked on a grid of [−1, 1]² with this many intervals per side (2^−6 spacing). */
    static final int PRODUCT_GRID = 128;

    private final int maxDepth;
    private final SawtoothNets.Tent tent;
    private final double[] grid;
    private final double[] symmetricGrid;
    private int m = 1;

    private SawtoothExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Nd4jRuntime.init();
        Config config = Config.of(params);
        this.maxDepth = config.maxDepth();
        this.tent = config.tent();
        int n = 1 << Math.min(Math.max(maxDepth + 1, 9), 13);               // 2^(m+1) ≥ every breakpoint k/2^m, m ≤ 12
        this.grid = Nets.grid(0, 1, n);
        this.symmetricGrid = Nets.grid(-1, 1, n);
    }

    /** The current depth m. */
    public int depth() {
        return m;
    }

    @Override
    public long stepCount() {
        return m - 1;
    }

    @Override
    public Frame frame() {
        Network s = SawtoothNets.sawtooth(m, tent);
        Network g = SawtoothNets.square(m, tent);
        PiecewiseLinear sExact = Breakpoints.of(s, 0, 1);
        PiecewiseLinear gExact = Breakpoints.of(g, 0, 1);
        double gSup = gExact.supErrorAgainstSquare(Nets.eval(g, gExact.knots()));   // ND4J outputs at every breakpoint

        Network abs = SawtoothNets.squareOnSymmetric(m, tent);
        PiecewiseLinear absExact = Breakpoints.of(abs, -1, 1);
        double absSup = absExact.supErrorAgainstSquare(Nets.eval(abs, absExact.knots()));

        Network prod = SawtoothNets.product(m, tent);
        double prodSup = productError(prod, withMidpoints(absExact.knots()));

        double[] x2 = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            x2[i] = grid[i] * grid[i];
        }
        double[] teeth = sExact.teeth();
        return Frame.builder(m - 1)
                .scalar(M, m)
                .scalar(S_TEETH, teeth.length)
                .scalar(S_PIECES, sExact.pieces())
                .scalar(G_SUP_ERROR, gSup)
                .scalar(G_PARAMS, g.parameterCount())
                .scalar(G_PIECES, gExact.pieces())
                .scalar(G_WIDTH, SawtoothNets.width(g))
                .scalar(SLIDE_WIDTH, 3)
                .scalar(S_PARAMS, s.parameterCount())
                .scalar(S_WIDTH, SawtoothNets.width(s))
                .scalar(BOUND, Math.scalb(1.0, -2 * (m + 1)))                      // ‖g − g_m‖∞ = 1/4^(m+1)
                .scalar(ABS_SUP_ERROR, absSup)
                .scalar(ABS_PARAMS, abs.parameterCount())
                .scalar(PROD_SUP_ERROR, prodSup)
                .scalar(PROD_PARAMS, prod.parameterCount())
                .scalar(PROD_WIDTH, SawtoothNets.width(prod))
                .series(X, grid)
                .series(S, Nets.eval(s, grid))
                .series(G, Nets.eval(g, grid))
                .series(X2, x2)
                .series(TEETH_X, teeth)
                .series(BREAKS_X, gExact.breakpoints())
                .series(XS, symmetricGrid)
                .series(ABS_G, Nets.eval(abs, symmetricGrid))
                .build();
    }

    /**
     * max |net(x, y) − xy| over a 129×129 grid of [−1, 1]² and over both diagonals y = ±x sampled at the breakpoints
     * of g_m(|t|) and the midpoints between them. The error is e(|p|) − e(|q|) with e = g_m − (·)² ∈ [0, 4^−(m+1)], p = (x+y)/2, q = (x−y)/2: on
     * the diagonal y = x it is e(|x|), so the bound 4^−(m+1) is reached there (at x = 2^−(m+1)); a coarse square grid
     * alone would sit on g_m's breakpoints for large m and show 0.
     */
    static double productError(Network prod, double[] diagonal) {
        int n = PRODUCT_GRID + 1;
        int d = diagonal.length;
        double[] xs = new double[n * n + 2 * d];
        double[] ys = new double[n * n + 2 * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                xs[i * n + j] = -1.0 + 2.0 * i / PRODUCT_GRID;
                ys[i * n + j] = -1.0 + 2.0 * j / PRODUCT_GRID;
            }
        }
        for (int i = 0; i < d; i++) {
            xs[n * n + i] = diagonal[i];
            ys[n * n + i] = diagonal[i];                                      // y = x
            xs[n * n + d + i] = diagonal[i];
            ys[n * n + d + i] = -diagonal[i];                                 // y = −x
        }
        double[] out = Nets.eval(prod, xs, ys);
        double sup = 0;
        for (int k = 0; k < out.length; k++) {
            sup = Math.max(sup, Math.abs(out[k] - xs[k] * ys[k]));
        }
        return sup;
    }

    /** The points and the midpoint of each consecutive pair. */
    static double[] withMidpoints(double[] knots) {
        double[] out = new double[2 * knots.length - 1];
        for (int i = 0; i < knots.length; i++) {
            out[2 * i] = knots[i];
            if (i + 1 < knots.length) {
                out[2 * i + 1] = 0.5 * (knots[i] + knots[i + 1]);
            }
        }
        return out;
    }

    /** Adds one layer: m → m + 1. */
    @Override
    public Frame step() {
        if (m >= maxDepth) {
            throw new EndOfRunException("the construction stops at max_depth = " + maxDepth
                    + "; raise max_depth to add more layers");
        }
        m++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        return Snapshot.builder().longValue("m", m).build();
    }

    @Override
    public void restore(Snapshot snapshot) {
        m = (int) snapshot.longValue("m");
    }
}
