package org.trainscope.engine.depth;

import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentType;
import org.trainscope.engine.experiment.Frame;
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
    /** The registry entry. */
    public static final ExperimentType TYPE = new Type();

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
        this.maxDepth = params.integer("max_depth");
        this.tent = SawtoothNets.Tent.of(params.choice("tent"));
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
                .scalar("m", m)
                .scalar("s_teeth", teeth.length)
                .scalar("s_pieces", sExact.pieces())
                .scalar("g_sup_error", gSup)
                .scalar("g_params", g.parameterCount())
                .scalar("g_pieces", gExact.pieces())
                .scalar("g_width", SawtoothNets.width(g))
                .scalar("slide_width", 3)
                .scalar("s_params", s.parameterCount())
                .scalar("s_width", SawtoothNets.width(s))
                .scalar("bound", Math.scalb(1.0, -2 * (m + 1)))                      // ‖g − g_m‖∞ = 1/4^(m+1)
                .scalar("abs_sup_error", absSup)
                .scalar("abs_params", abs.parameterCount())
                .scalar("prod_sup_error", prodSup)
                .scalar("prod_params", prod.parameterCount())
                .scalar("prod_width", SawtoothNets.width(prod))
                .series("x", grid)
                .series("s", Nets.eval(s, grid))
                .series("g", Nets.eval(g, grid))
                .series("x2", x2)
                .series("teeth_x", teeth)
                .series("breaks_x", gExact.breakpoints())
                .series("xs", symmetricGrid)
                .series("abs_g", Nets.eval(abs, symmetricGrid))
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

    private static final class Type implements ExperimentType {
        private final List<ParamSpec> specs = List.of(
                new ParamSpec.Int("max_depth", "Deepest network shown (one layer per step)", 10, 1, 16),
                new ParamSpec.Choice("tent", "Tent units: slide = 2r(x)−4r(x−½)+2r(x−1); compact drops r(x−1), never active on [0,1]",
                        "slide", List.of("slide", "compact")));

        @Override
        public String id() {
            return "sawtooth";
        }

        @Override
        public String title() {
            return "Why depth: sawtooth and x²";
        }

        @Override
        public Explanation explanation() {
            return new Explanation(
                    "Each step adds one layer. The sawtooth s_m doubles its teeth per layer (2^(m−1) teeth, 2^m pieces, "
                            + "counted exactly from the network's breakpoints) and g_m = x − Σ s_j/4^j approaches x², its "
                            + "error falling 4× per layer; a depth-2 network needs a unit per breakpoint. The network drawn "
                            + "is the honest one: each layer also carries the running sum (blue unit).",
                    "s(x) = 2r(x) − 4r(x−½) + 2r(x−1),   s_m = s∘…∘s\n"
                            + "g_m = g_{m−1} − s_m/4^m = x − Σ_{j≤m} s_j/4^j,   ‖g_m − x²‖∞ = 4^−(m+1)\n"
                            + "|x| = r(x) + r(−x),   xy = ((x+y)² − (x−y)²)/4",
                    "Lecture 002, \"Example: sawteeth function\", \"Example: square function\", \"Examples\"; "
                            + "Telgarsky 2016 (Benefits of depth in neural networks); Yarotsky 2017.");
        }

        @Override
        public List<ParamSpec> params() {
            return specs;
        }

        @Override
        public int defaultSteps() {
            return 9;
        }

        @Override
        public Experiment create(Params params, long seed) {
            return new SawtoothExperiment(params, seed);
        }
    }
}
