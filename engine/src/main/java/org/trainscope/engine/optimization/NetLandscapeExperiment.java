package org.trainscope.engine.optimization;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.data.Digits;
import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * The loss landscape of a trained net (Li, Xu, Taylor, Studer &amp; Goldstein, NeurIPS 2018). Steps 1 … T train a
 * tanh MLP on the digits with minibatches of {@code batch} (0: the full batch), recording θ_t; then the slice through
 * the trained θ* is fixed — filter-normalized random directions or the trajectory's top-2 principal directions — and
 * each further step computes {@value #ROWS_PER_STEP} rows of the loss grid on the plane θ* + αδ + βη (on the
 * training or the test set), so that the grid fills in frame by frame off the FX thread and pausing the run stops
 * it. Frames also hold the trajectory projected on the plane and the 1-D interpolation (1−t)θ₀ + tθ*. Small
 * batch vs full batch side by side: pin one run, change {@code batch}.
 */
public final class NetLandscapeExperiment extends AbstractExperiment {
    public static final Output TRAIN_LOSS = Output.scalar("train.loss", "the net's training loss L(θ_t) (θ* once trained)");
    public static final Output TEST_LOSS = Output.scalar("test.loss", "the net's loss on held-out digits");
    public static final Output CENTER_LOSS = Output.scalar("center.loss",
            "the slice's value at α = β = 0, i.e. at θ* (= train.loss on the training surface; NaN before the grid)");
    public static final Output GRID_MIN = Output.scalar("grid.min", "smallest loss of the grid computed so far");
    public static final Output GRID_MAX = Output.scalar("grid.max", "largest loss of the grid computed so far");
    public static final Output PROGRESS = Output.scalar("grid.progress", "share of the grid's rows computed", "fraction");
    public static final Output GRID = Output.series("grid",
            "L(θ* + α_col·δ + β_row·η), row-major, NaN where not yet computed (empty while training)");
    public static final Output ALPHA = Output.series("alpha", "the grid's α values (its columns)");
    public static final Output BETA = Output.series("beta", "the grid's β values (its rows)");
    public static final Output PATH_ALPHA = Output.series("path.alpha", "α of the recorded θ_t on the plane");
    public static final Output PATH_BETA = Output.series("path.beta", "β of the recorded θ_t on the plane");
    public static final Output INTERP_T = Output.series("interp.t", "t of the interpolation (1−t)θ₀ + tθ*");
    public static final Output INTERP_TRAIN = Output.series("interp.train", "training loss along (1−t)θ₀ + tθ*");
    public static final Output INTERP_TEST = Output.series("interp.test", "test loss along (1−t)θ₀ + tθ*");

    /** Grid rows computed per step once trained, at most: about a fifth of a second at the defaults. */
    public static final int ROWS_PER_STEP = 4;
    /**
     * Multiply-adds of the grid rows one step computes, at most: a point is the loss on the surface's examples through
     * the net's weights, and the defaults' four rows (4·51·500·1440) take about a fifth of a second. Wider nets, more
     * examples or finer grids take fewer rows a step; a single row beyond it is refused.
     */
    static final double GRID_WORK = 1.5e8;

    public static final ExperimentDef TYPE = new ExperimentDef(
            "net-landscape",
            "The loss landscape of a trained net",
            new ExperimentDef.Explanation(
                    "A small tanh network learns the digits; its weights are recorded as it trains. Then the "
                            + "loss is drawn on a plane through the trained weights θ*: along two random directions, "
                            + "each unit's incoming weights scaled to the size of θ*'s (filter normalization, so "
                            + "that nets of different scale compare), or along the two directions the training "
                            + "path moved most (PCA), with the path drawn on it. The grid fills in row by row; "
                            + "pause to cancel. Beside it, the loss on the straight line from the start to θ*. Pin "
                            + "a run and change the batch to compare a small-batch and a full-batch solution — "
                            + "lecture 004's wide and narrow valleys.",
                    "L(θ* + αδ + βη),   δ_unit ← δ_unit·‖θ*_unit‖/‖δ_unit‖;   L((1−t)θ₀ + tθ*)",
                    "Lecture 004, \"A picture of the energy landscape\"; Li, Xu, Taylor, Studer & Goldstein, "
                            + "NeurIPS 2018."),
            ParamSpec.join(List.of(
                    new ParamSpec.Int("train_steps", "Training steps T before the slice", 400, 1, 5000),
                    new ParamSpec.Int("batch", "Minibatch size (0: the full batch)", 16, 0, 1000),
                    new ParamSpec.Int("n", "Training examples", 500, 50, 1000),
                    new ParamSpec.Int("hidden", "Width of each of the two hidden layers", 16, 4, 64),
                    new ParamSpec.Choice("directions", "Slice along filter-normalized random or PCA directions",
                            "filter", List.of("filter", "pca")),
                    new ParamSpec.Choice("surface", "Loss on the training or the test set", "train",
                            List.of("train", "test")),
                    new ParamSpec.Int("resolution", "Grid points per side (odd: θ* is a node)", 51, 11, 101),
                    new ParamSpec.Real("range", "Half-width of the filter-normalized slice in α and β", 1, 0.01, 10),
                    new ParamSpec.Int("record_every", "Record θ_t every k training steps", 5, 1, 100)),
                    OptimizerParams.specs("sgdm", 0.1)),
            List.of(TRAIN_LOSS, TEST_LOSS, CENTER_LOSS, GRID_MIN, GRID_MAX, PROGRESS, GRID, ALPHA, BETA, PATH_ALPHA,
                    PATH_BETA, INTERP_T, INTERP_TRAIN, INTERP_TEST),
            400 + (51 + ROWS_PER_STEP - 1) / ROWS_PER_STEP, NetLandscapeExperiment::new);

    /** The params, read once; an even resolution is refused (θ* must be a grid node). */
    public record Config(int trainSteps, int batch, int n, int hidden, boolean pca, boolean testSurface, int resolution,
                         double range, int recordEvery, OptimizerConfig optimizer) {
        public static Config of(Params p) {
            int res = p.integer("resolution");
            if (res % 2 == 0) {
                throw new org.trainscope.engine.experiment.ParamException("resolution",
                        "resolution: " + res + " is even; expected an odd number, so that θ* is a grid node");
            }
            return new Config(p.integer("train_steps"), p.integer("batch"), p.integer("n"), p.integer("hidden"),
                    p.choice("directions").equals("pca"), p.choice("surface").equals("test"), res, p.real("range"),
                    p.integer("record_every"), OptimizerConfig.from(p));
        }
    }

    private static final int TEST = 300;
    private static final int INTERP_POINTS = 41;

    private final Config config;
    private final int[] sizes;
    private final DigitsBatch train;
    private final DigitsBatch test;
    private final TanhMlp trainNet;
    private final TanhMlp testNet;
    private final double[] theta;
    private final double[] theta0;
    private final Optimizer optimizer;
    private final Rng rng;
    private final List<double[]> path = new ArrayList<>();
    private long steps;
    // the slice, once trained
    private double[] delta;
    private double[] eta;
    private double[] alphas = new double[0];
    private double[] betas = new double[0];
    private double[] grid = new double[0];
    private double[] pathAlpha = new double[0];
    private double[] pathBeta = new double[0];
    private double[][] interp = {new double[0], new double[0], new double[0]};
    private final int rowsPerStep;   // grid rows a step computes: ROWS_PER_STEP, fewer for larger work
    private int rowsDone;
    private Frame frame;

    private NetLandscapeExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        rng = new Rng(seed);
        int[] perm = Dataset.permutation(Digits.SIZE, rng);
        train = DigitsBatch.of(perm, 0, config.n());
        test = DigitsBatch.of(perm, config.n(), Math.min(TEST, Digits.SIZE - config.n()));
        sizes = new int[] {Digits.DIM, config.hidden(), config.hidden(), 10};
        double rowWork = (double) config.resolution() * Math.max(config.n(), TEST)
                * (Digits.DIM * config.hidden() + config.hidden() * config.hidden() + 10 * config.hidden());
        if (rowWork > GRID_WORK) {
            throw new ParamException("hidden", "hidden: a grid row of resolution = " + config.resolution() + " points, each "
                    + "the loss on n = " + config.n() + " examples through two layers of hidden = " + config.hidden()
                    + " units, takes too long for a step (~200 ms); lower hidden, n or resolution");
        }
        rowsPerStep = (int) Math.min(ROWS_PER_STEP, GRID_WORK / rowWork);
        trainNet = new TanhMlp(sizes, TanhMlp.Loss.CROSS_ENTROPY, train.x(), train.y());
        testNet = new TanhMlp(sizes, TanhMlp.Loss.CROSS_ENTROPY, test.x(), test.y());
        theta = new double[trainNet.parameterCount()];
        for (int l = 1; l <= trainNet.layers(); l++) {
            int fanIn = sizes[l - 1];
            for (int i = 0; i < sizes[l] * fanIn; i++) {
                theta[trainNet.offset(l) + i] = rng.nextGaussian() / Math.sqrt(fanIn);   // N(0, 1/fan-in), b = 0
            }
        }
        theta0 = theta.clone();
        path.add(theta.clone());
        optimizer = config.optimizer().create(Vector.of(theta));
        frame = buildFrame();
    }

    /** Training: one minibatch step. Then: the slice, then up to ROWS_PER_STEP grid rows per step; then the end. */
    @Override
    public Frame step() {
        if (steps < config.trainSteps()) {
            trainStep();
        } else if (rowsDone < config.resolution()) {
            if (delta == null) {
                fixSlice();
            }
            int to = Math.min(config.resolution(), rowsDone + rowsPerStep);
            LossSlice.rows(this::surfaceNet, theta, delta, eta, alphas, betas, rowsDone, to, grid);
            rowsDone = to;
        } else {
            throw new EndOfRunException("the grid is complete (" + config.resolution() + "×" + config.resolution()
                    + " after " + config.trainSteps() + " training steps)");
        }
        steps++;
        frame = buildFrame();
        return frame;
    }

    private void trainStep() {
        double[] before = theta.clone();
        Snapshot opt = optimizer.state();
        TanhMlp batchNet = trainNet;
        if (config.batch() > 0 && config.batch() < train.size()) {
            double[] x = new double[config.batch() * Digits.DIM];
            int[] y = new int[config.batch()];
            for (int k = 0; k < config.batch(); k++) {
                int i = rng.nextInt(train.size());                  // a batch drawn with replacement
                System.arraycopy(train.x(), i * Digits.DIM, x, k * Digits.DIM, Digits.DIM);
                y[k] = train.y()[i];
            }
            batchNet = new TanhMlp(sizes, TanhMlp.Loss.CROSS_ENTROPY, x, y);
        }
        TanhMlp net = batchNet;
        optimizer.step((at, g) -> {
            double[] grad = new double[theta.length];
            double value = net.loss(at.toArray(), grad);
            g.set(grad);
            return value;
        });
        for (double v : theta) {
            if (!Double.isFinite(v)) {
                System.arraycopy(before, 0, theta, 0, theta.length);
                optimizer.restore(opt);
                throw new DivergedException("the weights stopped being finite at step " + (steps + 1) + "; lower lr");
            }
        }
        if ((steps + 1) % config.recordEvery() == 0 || steps + 1 == config.trainSteps()) {
            path.add(theta.clone());
        }
    }

    private TanhMlp surfaceNet() {
        DigitsBatch d = config.testSurface() ? test : train;
        return new TanhMlp(sizes, TanhMlp.Loss.CROSS_ENTROPY, d.x(), d.y());
    }

    /** The directions, the grid's axes, the path's coordinates and the interpolation, at θ* = θ_T. */
    private void fixSlice() {
        double range;
        if (config.pca()) {
            double[][] dirs = LossSlice.principal(path.toArray(new double[0][]), theta);
            delta = dirs[0];
            eta = dirs[1];
        } else {
            Rng directions = new Rng(seed ^ 0x5DEECE66DL);
            delta = LossSlice.filterNormalized(trainNet, theta, directions);
            eta = LossSlice.filterNormalized(trainNet, theta, directions);
        }
        pathAlpha = new double[path.size()];
        pathBeta = new double[path.size()];
        double extent = 0;
        for (int t = 0; t < path.size(); t++) {
            double[] ab = LossSlice.project(path.get(t), theta, delta, eta);
            pathAlpha[t] = ab[0];
            pathBeta[t] = ab[1];
            extent = Math.max(extent, Math.max(Math.abs(ab[0]), Math.abs(ab[1])));
        }
        range = config.pca() ? 1.2 * extent : config.range();
        int n = config.resolution();
        alphas = new double[n];
        betas = new double[n];
        for (int i = 0; i < n; i++) {
            alphas[i] = range * (2.0 * i / (n - 1) - 1);
            betas[i] = alphas[i];
        }
        alphas[n / 2] = 0;                                     // exactly θ* in the middle
        betas[n / 2] = 0;
        grid = new double[n * n];
        java.util.Arrays.fill(grid, Double.NaN);
        double[] ts = new double[INTERP_POINTS];
        double[] lt = new double[INTERP_POINTS];
        double[] lv = new double[INTERP_POINTS];
        double[] at = new double[theta.length];
        for (int k = 0; k < INTERP_POINTS; k++) {
            ts[k] = -0.25 + 1.5 * k / (INTERP_POINTS - 1);
            for (int i = 0; i < at.length; i++) {
                at[i] = (1 - ts[k]) * theta0[i] + ts[k] * theta[i];    // (1−t)θ₀ + tθ*
            }
            lt[k] = trainNet.loss(at, null);
            lv[k] = testNet.loss(at, null);
        }
        interp = new double[][] {ts, lt, lv};
    }

    private Frame buildFrame() {
        double min = Double.NaN;
        double max = Double.NaN;
        for (double v : grid) {
            if (!Double.isNaN(v)) {
                min = Double.isNaN(min) ? v : Math.min(min, v);
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        int n = config.resolution();
        double center = rowsDone > n / 2 ? grid[(n / 2) * n + n / 2] : Double.NaN;
        return Frame.builder(steps).scalar(TRAIN_LOSS, trainNet.loss(theta, null)).scalar(TEST_LOSS, testNet.loss(theta, null))
                .scalar(CENTER_LOSS, center).scalar(GRID_MIN, min).scalar(GRID_MAX, max)
                .scalar(PROGRESS, (double) rowsDone / n)
                .series(GRID, grid).series(ALPHA, alphas).series(BETA, betas)
                .series(PATH_ALPHA, pathAlpha).series(PATH_BETA, pathBeta)
                .series(INTERP_T, interp[0]).series(INTERP_TRAIN, interp[1]).series(INTERP_TEST, interp[2]).build();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).longValue("rng", rng.state())
                .longValue("rows", rowsDone).longValue("recorded", path.size()).array("theta", theta)
                .put("opt", optimizer.state());
        for (int t = 0; t < path.size(); t++) {
            b.array("path." + t, path.get(t));
        }
        return b.array("grid", grid).build();
    }

    /** Reinstates a state; the slice, a function of the trajectory and the seed, is recomputed, the grid's rows kept. */
    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        rng.setState(s.longValue("rng"));
        System.arraycopy(s.array("theta"), 0, theta, 0, theta.length);
        optimizer.restore(s.under("opt"));
        path.clear();
        for (int t = 0; t < s.longValue("recorded"); t++) {
            path.add(s.array("path." + t));
        }
        rowsDone = (int) s.longValue("rows");
        delta = null;
        alphas = new double[0];
        betas = new double[0];
        grid = new double[0];
        pathAlpha = new double[0];
        pathBeta = new double[0];
        interp = new double[][] {new double[0], new double[0], new double[0]};
        if (steps > config.trainSteps()) {
            fixSlice();
            double[] saved = s.array("grid");
            System.arraycopy(saved, 0, grid, 0, saved.length);
        }
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

    /** For tests: the net on the training set, θ, and the slice's directions (null before the grid). */
    TanhMlp trainNet() {
        return trainNet;
    }

    double[] theta() {
        return theta.clone();
    }

    double[][] directions() {
        return delta == null ? null : new double[][] {delta.clone(), eta.clone()};
    }
}
