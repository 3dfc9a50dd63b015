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
import org.trainscope.engine.linalg.Nd4jRuntime;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * Curve fitting from Gauss to double descent. n noisy samples y_i = g(x_i) + σξ_i, x_i ~ U[0, 1], are fitted by a
 * linear model f(x) = Σ_j c_j φ_j(x) in one of two bases: monomials t^k of t = 2x − 1, k = 0 … d (mode
 * {@code poly}), or p random ReLU features φ_j(x) = max(0, V_j·h(x) + c_j)/√p of K = 256 fixed random hinges
 * h_k(x) = max(0, s_k(x − b_k)) (mode {@code features}; hinges alone are zero or linear between kinks, and would need
 * ≈ n ln n of them to interpolate n points). The closed-form
 * minimizer of L(c) = (1/2n)‖Ac − y‖² + (λ/2)‖c‖² is computed once — by QR for polynomials, by the SVD's
 * pseudo-inverse for features (the minimum-norm interpolant when p ≥ n and λ = 0) — and every step moves the chosen
 * optimizer of {@code optim/} {@code every} steps towards it from c = 0. The sweep series hold the closed-form
 * train and test error at every degree 0 … n − 1, or at about 100 feature counts up to 10n: the U-shape, and the double
 * descent peak near p = n (Belkin, Hsu, Ma & Mandal, PNAS 2019). The test error is the mean (f − g)² on 401 grid
 * points of [0, 1], against the noise-free target.
 */
public final class CurveFittingExperiment extends AbstractExperiment {
    public static final Output DEGREE = Output.scalar("degree", "polynomial degree d (param; used in mode poly)");
    public static final Output FEATURES = Output.scalar("features", "number p of random ReLU features (param; used in mode features)");
    public static final Output TRAIN_MSE = Output.scalar("train_mse", "closed-form fit: (1/n)Σ(f(x_i) − y_i)² on the samples");
    public static final Output TEST_MSE = Output.scalar("test_mse", "closed-form fit: mean (f − g)² on the 401-point grid");
    public static final Output GD_LOSS = Output.scalar("gd.loss", "L(c_t) = (1/2n)‖Ac_t − y‖² + (λ/2)‖c_t‖² at the optimizer's iterate");
    public static final Output CLOSED_LOSS = Output.scalar("closed.loss", "L(c*) at the closed-form minimizer (QR or pseudo-inverse)");
    public static final Output GD_TEST_MSE = Output.scalar("gd.test_mse", "the optimizer's iterate: mean (f − g)² on the grid");
    public static final Output X = Output.series("x", "sample inputs x_i");
    public static final Output Y = Output.series("y", "noisy samples y_i = g(x_i) + σξ_i");
    public static final Output FIT_X = Output.series("fit_x", "401-point grid of [0, 1]");
    public static final Output FIT_Y = Output.series("fit_y", "closed-form fit f on the grid");
    public static final Output GD_Y = Output.series("gd_y", "the optimizer's fit on the grid");
    public static final Output TARGET_Y = Output.series("target_y", "noise-free target g on the grid");
    public static final Output SWEEP_P = Output.series("sweep.p", "model size of the sweep: degree d (poly) or feature count p (features)");
    public static final Output SWEEP_TRAIN_MSE = Output.series("sweep.train_mse", "closed-form train MSE at each sweep size");
    public static final Output SWEEP_TEST_MSE = Output.series("sweep.test_mse", "closed-form test MSE at each sweep size");

    /** The most random features (they are drawn once; a fit with p uses the first p). */
    public static final int MAX_FEATURES = 300;
    private static final int GRID = 401;
    /** K, the fixed random hinges max(0, s_k(x − b_k)) the features mix (1-D hinges alone need ≈ n ln n features to interpolate). */
    private static final int HINGES = 256;
    private static final double OFFSET_SD = 0.3;      // ≈ the spread of Σ_k V_jk h_k(x) on [0, 1]
    /** Mean of c_j: most features are active on most of [0, 1], so p ≥ n of them generically interpolate n points. */
    private static final double OFFSET_MEAN = 1.0;

    public static final ExperimentDef TYPE = new ExperimentDef(
            "curve-fitting",
            "Curve fitting: from Gauss to double descent",
            new ExperimentDef.Explanation(
                    "n noisy samples of a curve, fitted by least squares. Polynomials: the closed-form fit (by QR) "
                            + "follows the samples ever more closely as the degree grows, and the test error against "
                            + "the true curve first falls, then explodes near d = n − 1, where the polynomial "
                            + "interpolates the noise: the U-shape of overfitting. Gradient descent on the same loss "
                            + "(dotted) approaches the fit, slowly along the ill-conditioned directions — "
                            + "early stopping is itself a regularizer, like the ridge λ. Random ReLU features: the "
                            + "test error against p peaks at p = n and falls again beyond it, where the fit is the "
                            + "minimum-norm interpolant (pseudo-inverse): double descent.",
                    "L(c) = (1/2n)‖Ac − y‖² + (λ/2)‖c‖²;  poly: A_ik = t_i^k, t = 2x − 1;  features: A_ij = max(0, V_j·h(x_i) + c_j)/√p, h_k(x) = max(0, s_k(x − b_k))\n"
                            + "c* = argmin L (QR of [A; √(nλ)I]),  p ≥ n, λ = 0: c* = A⁺y (min-norm interpolant)",
                    "Lecture 001, \"Main idea of ML: Curve fitting (Gauss, c. 1800)\"; lecture 003, \"Overfitting "
                            + "Problem\"; Belkin, Hsu, Ma & Mandal, PNAS 2019 (double descent)."),
            ParamSpec.join(List.of(
                    new ParamSpec.Choice("mode", "Basis: polynomials of degree d, or p random ReLU features", "poly",
                            List.of("poly", "features")),
                    new ParamSpec.Choice("target", "The curve g: sin 2πx, |2x − 1|, or a step at ½", "sin",
                            List.of("sin", "abs", "step")),
                    new ParamSpec.Int("n", "Number n of samples", 20, 4, 100),
                    new ParamSpec.Real("noise", "Noise σ of the samples", 0.2, 0, 2),
                    new ParamSpec.Int("degree", "Polynomial degree d (≤ n − 1)", 5, 0, 99),
                    new ParamSpec.Int("features", "Random ReLU features p", 40, 1, MAX_FEATURES),
                    new ParamSpec.Real("ridge", "Ridge λ of (λ/2)‖c‖²", 0, 0, 10),
                    new ParamSpec.Int("every", "Optimizer steps per frame", 20, 1, 1000)),
                    withoutWeightDecay(OptimizerParams.specs("gd", 0.3))),
            List.of(DEGREE, FEATURES, TRAIN_MSE, TEST_MSE, GD_LOSS, CLOSED_LOSS, GD_TEST_MSE, X, Y, FIT_X, FIT_Y, GD_Y,
                    TARGET_Y, SWEEP_P, SWEEP_TRAIN_MSE, SWEEP_TEST_MSE),
            300, CurveFittingExperiment::new);

    /** The ridge λ is this experiment's one penalty, in the closed form and the optimizer's loss alike. */
    private static List<ParamSpec> withoutWeightDecay(List<ParamSpec> specs) {
        return specs.stream().filter(s -> !s.name().equals("weight_decay")).toList();
    }

    /** The params, read once. */
    public record Config(boolean poly, String target, int n, double noise, int degree, int features, double ridge,
                         int every, OptimizerConfig optimizer) {
        public static Config of(Params p) {
            Config c = new Config(p.choice("mode").equals("poly"), p.choice("target"), p.integer("n"), p.real("noise"),
                    p.integer("degree"), p.integer("features"), p.real("ridge"), p.integer("every"), OptimizerConfig.from(p));
            if (c.poly && c.degree > c.n - 1) {
                throw new ParamException("degree", "degree: " + c.degree + " is out of range; with n = " + c.n
                        + " samples expected a whole number in [0, " + (c.n - 1) + "]");
            }
            return c;
        }

        /** Unknowns of the fit: d + 1 or p. */
        int size() {
            return poly ? degree + 1 : features;
        }
    }

    private final Config config;
    private final DoubleUnaryOperator target;
    private final double[] xs;
    private final double[] ys;
    private final double[] grid = new double[GRID];
    private final double[] gridTarget = new double[GRID];
    private final double[] hingeAt = new double[HINGES];           // b_k of the fixed first layer
    private final double[] hingeSign = new double[HINGES];         // s_k
    private final double[] mix = new double[MAX_FEATURES * HINGES]; // V_jk ~ N(0, 1/K)
    private final double[] offset = new double[MAX_FEATURES];      // c_j ~ N(1, 0.3²)
    private final double[] a;                                       // A, n × q row-major
    private final double[] gridA;                                   // the basis on the grid, GRID × q
    private final double[] closed;
    private final double[] c;                                       // the optimizer's iterate
    private final Optimizer optimizer;
    private final Objective objective;
    private final double[] sweepP;
    private final double[] sweepTrain;
    private final double[] sweepTest;
    private final double closedLoss;
    private long steps;

    private CurveFittingExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Nd4jRuntime.init();
        config = Config.of(params);
        target = switch (config.target()) {
            case "abs" -> x -> Math.abs(2 * x - 1);
            case "step" -> x -> x > 0.5 ? 1 : 0;
            default -> x -> StrictMath.sin(2 * Math.PI * x);
        };
        Rng rng = new Rng(seed);
        int n = config.n();
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = rng.nextDouble();
            ys[i] = target.applyAsDouble(xs[i]) + config.noise() * rng.nextGaussian();   // y = g(x) + σξ
        }
        for (int k = 0; k < HINGES; k++) {
            hingeAt[k] = rng.nextDouble();
            hingeSign[k] = rng.nextDouble() < 0.5 ? -1 : 1;
        }
        for (int j = 0; j < MAX_FEATURES; j++) {
            for (int k = 0; k < HINGES; k++) {
                mix[j * HINGES + k] = rng.nextGaussian() / Math.sqrt(HINGES);
            }
            offset[j] = OFFSET_MEAN + OFFSET_SD * rng.nextGaussian();
        }
        for (int k = 0; k < GRID; k++) {
            grid[k] = k / (GRID - 1.0);
            gridTarget[k] = target.applyAsDouble(grid[k]);
        }
        int q = config.size();
        a = design(xs, q);
        gridA = design(grid, q);
        closed = solve(a, n, q);
        closedLoss = loss(closed, null);

        List<double[]> sweep = sweep();
        sweepP = sweep.get(0);
        sweepTrain = sweep.get(1);
        sweepTest = sweep.get(2);

        c = new double[q];
        Vector theta = Vector.of(c);
        optimizer = config.optimizer().create(theta);
        double[] g = new double[q];
        objective = (at, into) -> {
            double value = loss(at.toArray(), g);
            if (!Double.isFinite(value)) {
                throw new DivergedException("the loss is no longer finite at step " + (steps + 1) + "; lower lr");
            }
            into.set(g);
            return value;
        };
    }

    /** The design matrix of the basis at {@code at}: row i = (φ_1(x_i), …, φ_q(x_i)). */
    private double[] design(double[] at, int q) {
        return config.poly() ? powers(at, q) : scaled(features(at, q), at.length, q, q);
    }

    /** t_i^j, t = 2x − 1, j < q. */
    private static double[] powers(double[] at, int q) {
        double[] out = new double[at.length * q];
        for (int i = 0; i < at.length; i++) {
            double t = 2 * at[i] - 1;
            double power = 1;
            for (int j = 0; j < q; j++) {
                out[i * q + j] = power;                                              // t^j
                power *= t;
            }
        }
        return out;
    }

    /** The first q unscaled features max(0, V_j·h(x) + c_j) at {@code at}, row-major |at| × q. */
    private double[] features(double[] at, int q) {
        double[] out = new double[at.length * q];
        double[] h = new double[HINGES];
        for (int i = 0; i < at.length; i++) {
            for (int k = 0; k < HINGES; k++) {
                h[k] = Math.max(0, hingeSign[k] * (at[i] - hingeAt[k]));               // h_k(x) = max(0, s_k(x − b_k))
            }
            for (int j = 0; j < q; j++) {
                double z = offset[j];
                for (int k = 0; k < HINGES; k++) {
                    z += mix[j * HINGES + k] * h[k];
                }
                out[i * q + j] = Math.max(0, z);                                     // max(0, V_j·h(x) + c_j)
            }
        }
        return out;
    }

    /** The first p of {@code cols} columns of a row-major matrix, divided by √p: φ_j/√p. */
    private static double[] scaled(double[] raw, int rows, int cols, int p) {
        double[] out = new double[rows * p];
        double scale = 1 / Math.sqrt(p);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < p; j++) {
                out[i * p + j] = raw[i * cols + j] * scale;
            }
        }
        return out;
    }

    /** c* = argmin (1/2n)‖Ac − y‖² + (λ/2)‖c‖², i.e. ridge with μ = nλ: QR for polynomials, the SVD for features. */
    private double[] solve(double[] design, int n, int q) {
        double mu = n * config.ridge();
        return config.poly() ? LeastSquares.qr(design, n, q, ys, mu) : LeastSquares.pseudoInverse(design, n, q, ys, mu);
    }

    /** L(c) = (1/2n)‖Ac − y‖² + (λ/2)‖c‖²; with {@code grad}, also ∇L = Aᵀ(Ac − y)/n + λc into it. */
    private double loss(double[] coef, double[] grad) {
        int n = config.n();
        int q = coef.length;
        double[] r = LeastSquares.times(a, n, q, coef);
        double value = 0;
        for (int i = 0; i < n; i++) {
            r[i] -= ys[i];
            value += r[i] * r[i];
        }
        value /= 2.0 * n;
        double lambda = config.ridge();
        for (int j = 0; j < q; j++) {
            value += 0.5 * lambda * coef[j] * coef[j];
        }
        if (grad != null) {
            for (int j = 0; j < q; j++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += a[i * q + j] * r[i];
                }
                grad[j] = sum / n + lambda * coef[j];
            }
        }
        return value;
    }

    /** Closed-form train and test MSE at every degree 0 … n − 1 (poly), or at p = 1 … 2n densely and on to 10n (features). */
    private List<double[]> sweep() {
        int n = config.n();
        List<Integer> sizes = new ArrayList<>();
        if (config.poly()) {
            for (int d = 0; d < n; d++) {
                sizes.add(d);
            }
        } else {
            int most = Math.min(MAX_FEATURES, 10 * n);
            int near = Math.min(most, 2 * n);
            int dense = Math.max(1, near / 60);                 // every p up to 2n for n ≤ 30: the peak at p = n
            for (int p = 1; p <= near; p += dense) {
                sizes.add(p);
            }
            int sparse = Math.max(1, (most - near) / 40);
            for (int p = sizes.get(sizes.size() - 1) + sparse; p <= most; p += sparse) {
                sizes.add(p);
            }
        }
        double[] size = new double[sizes.size()];
        double[] train = new double[size.length];
        double[] test = new double[size.length];
        int most = config.poly() ? 0 : sizes.get(sizes.size() - 1);
        double[] rawSamples = config.poly() ? null : features(xs, most);     // the features once, at the largest p
        double[] rawGrid = config.poly() ? null : features(grid, most);
        for (int k = 0; k < size.length; k++) {
            int s = sizes.get(k);
            int q = config.poly() ? s + 1 : s;
            double[] design = config.poly() ? powers(xs, q) : scaled(rawSamples, n, most, q);
            double[] gridDesign = config.poly() ? powers(grid, q) : scaled(rawGrid, GRID, most, q);
            double[] coef = solve(design, n, q);
            size[k] = s;
            train[k] = LeastSquares.mse(LeastSquares.times(design, n, q, coef), ys);
            test[k] = LeastSquares.mse(LeastSquares.times(gridDesign, GRID, q, coef), gridTarget);
        }
        return List.of(size, train, test);
    }

    /** The closed-form coefficients c* (a copy). */
    public double[] closedForm() {
        return closed.clone();
    }

    /** The design matrix A of the samples, row-major n × q (a copy). */
    public double[] designMatrix() {
        return a.clone();
    }

    /** The noisy sample values y (a copy). */
    public double[] samples() {
        return ys.clone();
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        int q = config.size();
        double[] fit = LeastSquares.times(gridA, GRID, q, closed);
        double[] gd = LeastSquares.times(gridA, GRID, q, c);
        return Frame.builder(steps)
                .scalar(DEGREE, config.degree())
                .scalar(FEATURES, config.features())
                .scalar(TRAIN_MSE, LeastSquares.mse(LeastSquares.times(a, config.n(), q, closed), ys))
                .scalar(TEST_MSE, LeastSquares.mse(fit, gridTarget))
                .scalar(GD_LOSS, loss(c, null))
                .scalar(CLOSED_LOSS, closedLoss)
                .scalar(GD_TEST_MSE, LeastSquares.mse(gd, gridTarget))
                .series(X, xs).series(Y, ys)
                .series(FIT_X, grid).series(FIT_Y, fit).series(GD_Y, gd).series(TARGET_Y, gridTarget)
                .series(SWEEP_P, sweepP).series(SWEEP_TRAIN_MSE, sweepTrain).series(SWEEP_TEST_MSE, sweepTest)
                .build();
    }

    /** {@code every} optimizer steps on L from the current iterate. */
    @Override
    public Frame step() {
        Atomic.run(this, () -> {
            for (int k = 0; k < config.every(); k++) {
                optimizer.step(objective);      // c ← rule(c, ∇L(c))
            }
        });
        steps++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        return Snapshot.builder().longValue("steps", steps).array("c", c).put("opt", optimizer.state()).build();
    }

    @Override
    public void restore(Snapshot s) {
        System.arraycopy(s.array("c"), 0, c, 0, c.length);
        optimizer.restore(s.under("opt"));
        steps = s.longValue("steps");
    }
}
