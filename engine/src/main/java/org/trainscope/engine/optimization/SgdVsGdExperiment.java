package org.trainscope.engine.optimization;

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
import org.trainscope.engine.optim.LearningRate;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * Lecture 003's example: y = β₀ + β₁x + ε on n seeded points, L(β) = (1/n)Σ(y_i − β₀ − β₁x_i)², fitted from the
 * same start by three racers with the same rule and rate — {@code gd} on the full batch, {@code sgd} on one example
 * per step and {@code mb} on a minibatch — each batch drawn uniformly with replacement, so that the batch gradient is
 * an unbiased estimate of ∇L with covariance Σ(β)/B (Σ the per-example gradients' covariance). Frame: each racer's
 * point, loss and examples seen, ∇L and the batch gradient's covariance at its point, and the least-squares solution
 * by QR.
 */
public final class SgdVsGdExperiment extends AbstractExperiment {
    public static final Output B0 = Output.scalar("{racer}.b0", "the racer's β₀");
    public static final Output B1 = Output.scalar("{racer}.b1", "the racer's β₁");
    public static final Output LOSS = Output.scalar("{racer}.loss", "full-data loss L(β) = (1/n)Σ(y − β₀ − β₁x)²");
    public static final Output EXCESS = Output.scalar("{racer}.excess", "excess loss L(β) − L(β̂) over the least-squares fit");
    public static final Output EXAMPLES = Output.scalar("{racer}.examples", "examples the racer's gradients have read", "examples");
    public static final Output GRADIENT = Output.series("{racer}.grad", "full gradient ∇L at the racer's point: [∂/∂β₀, ∂/∂β₁]");
    public static final Output COVARIANCE = Output.series("{racer}.cov",
            "covariance of the racer's batch gradient at its point, Σ(β)/B: [c₀₀, c₀₁, c₁₁] (zero for the full batch)");
    public static final Output OLS_B0 = Output.scalar("ols.b0", "least-squares β̂₀, by QR");
    public static final Output OLS_B1 = Output.scalar("ols.b1", "least-squares β̂₁, by QR");
    public static final Output OLS_LOSS = Output.scalar("ols.loss", "L(β̂), the smallest loss");
    public static final Output HESSIAN = Output.series("hessian", "∇²L = (2/n)Σ[1 x; x x²], constant: [h₀₀, h₀₁, h₁₁]");
    public static final Output LR = Output.scalar("lr", "learning rate η_t of the step to come");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "sgd-vs-gd",
            "GD vs SGD on linear regression",
            new ExperimentDef.Explanation(
                    "Three racers fit a line to 100,000 noisy points from the same start with the same rule: "
                            + "gradient descent reads every point per step and follows the loss contours smoothly to "
                            + "the least-squares solution (+, by QR). SGD reads one point and minibatch SGD 32: each "
                            + "step is a noisy but unbiased estimate of GD's — the arrow is −∇L at the racer's point, "
                            + "the ellipse the spread of its batch gradients around it — so they jitter around GD's "
                            + "path, and with a constant rate they hover in a noise ball whose size falls with the "
                            + "batch; a Robbins–Monro rate η₀/(1+t/k) shrinks it. Per example read, SGD is far ahead.",
                    "L(β) = (1/n) Σ (y_i − β₀ − β₁x_i)²,   ∇̃L = (2/|S|) Σ_{i∈S} (β₀ + β₁x_i − y_i)·[1, x_i],   "
                            + "E ∇̃L = ∇L",
                    "Lecture 003, \"Stochastic Gradient Descent\" and \"SGD Example: Linear Regression\"; Robbins & "
                            + "Monro 1951."),
            List.of(new ParamSpec.Int("n", "Number of points (x uniform in [0, 2])", 100_000, 100, 1_000_000),
                    new ParamSpec.Real("sigma", "Noise σ of ε ~ N(0, σ²)", 1, 0, 10),
                    new ParamSpec.Real("beta0", "True intercept β₀", 1, -10, 10),
                    new ParamSpec.Real("beta1", "True slope β₁", 2, -10, 10),
                    new ParamSpec.Real("start_b0", "Start β₀ of every racer", -1, -20, 20),
                    new ParamSpec.Real("start_b1", "Start β₁ of every racer", 6, -20, 20),
                    new ParamSpec.Real("lr", "Learning rate η₀ (the same for every racer)", 0.05, 1e-6, 1),
                    new ParamSpec.Int("batch", "Batch size of mb", 32, 1, 100_000),
                    new ParamSpec.Choice("schedule", "constant η₀, or Robbins–Monro η₀/(1 + t/k)", "constant",
                            List.of("constant", "robbins-monro")),
                    new ParamSpec.Real("rm_k", "Robbins–Monro k: η halves after k steps", 100, 1, 1e6)),
            List.of(B0, B1, LOSS, EXCESS, EXAMPLES, GRADIENT, COVARIANCE, OLS_B0, OLS_B1, OLS_LOSS, HESSIAN, LR),
            300, SgdVsGdExperiment::new);

    /** The racers, in order: full batch, batch 1, the editable minibatch. */
    public static final List<String> RACERS = List.of("gd", "sgd", "mb");

    /** The params, read once. */
    public record Config(int n, double sigma, double beta0, double beta1, double startB0, double startB1,
                         LearningRate lr, int batch) {
        public static Config of(Params p) {
            double eta0 = p.real("lr");
            LearningRate lr = p.choice("schedule").equals("robbins-monro")
                    ? new LearningRate.InverseTime(eta0, p.real("rm_k")) : new LearningRate.Constant(eta0);
            return new Config(p.integer("n"), p.real("sigma"), p.real("beta0"), p.real("beta1"), p.real("start_b0"),
                    p.real("start_b1"), lr, p.integer("batch"));
        }

        /** Plain (stochastic) gradient descent at the schedule: x ← x − η_t ∇̃L. */
        OptimizerConfig optimizer() {
            return new OptimizerConfig("gd", lr, 0, 0.9, 0.9, 0.999, 1e-8, 0);
        }
    }

    private final Config config;
    private final double[] x;
    private final double[] y;
    private final double[] ols;
    private final double olsLoss;
    private final double[] hessian;
    private final Racer[] racers;
    private long steps;
    private Frame frame;

    private SgdVsGdExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        int n = config.n();
        x = new double[n];
        y = new double[n];
        Rng data = new Rng(seed);
        for (int i = 0; i < n; i++) {
            x[i] = data.uniform(0, 2);
            y[i] = config.beta0() + config.beta1() * x[i] + config.sigma() * data.nextGaussian();  // y = β₀ + β₁x + ε
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        ols = LeastSquares.solve(new double[][] {ones, x}, y);
        olsLoss = moments(ols[0], ols[1])[0];
        hessian = hessianOf(x);
        int[] batches = {0, 1, config.batch()};      // 0: the full batch
        racers = new Racer[RACERS.size()];
        for (int r = 0; r < racers.length; r++) {
            racers[r] = new Racer(RACERS.get(r), batches[r], new Rng(seed * 0x9E3779B97F4A7C15L + r + 1));
        }
        frame = buildFrame();
    }

    /** One racer: its point β, its rule, its own sampling stream. */
    private final class Racer {
        final String name;
        final int batch;
        final Rng rng;
        final double[] beta = {config.startB0(), config.startB1()};
        final Optimizer optimizer;
        long examples;

        Racer(String name, int batch, Rng rng) {
            this.name = name;
            this.batch = batch;
            this.rng = rng;
            this.optimizer = config.optimizer().create(Vector.of(beta));
        }

        /** ∇̃L on a batch of B indices drawn with replacement, or ∇L on every point if B = 0. */
        final Objective objective = this::evaluate;

        private double evaluate(Vector at, Vector grad) {
            double b0 = at.get(0);
            double b1 = at.get(1);
            int count = batch == 0 ? x.length : batch;
            double g0 = 0;
            double g1 = 0;
            double loss = 0;
            for (int k = 0; k < count; k++) {
                int i = batch == 0 ? k : rng.nextInt(x.length);
                double r = b0 + b1 * x[i] - y[i];
                g0 += r;
                g1 += r * x[i];
                loss += r * r;
            }
            grad.set(0, 2 * g0 / count);          // (2/|S|) Σ r_i
            grad.set(1, 2 * g1 / count);          // (2/|S|) Σ r_i x_i
            examples += count;
            return loss / count;
        }
    }

    /**
     * L(β), ∇L(β) and the second moment of the per-example gradients g_i = 2r_i[1, x_i] at β, in one pass:
     * [L, ∂₀L, ∂₁L, E g₀², E g₀g₁, E g₁²].
     */
    double[] moments(double b0, double b1) {
        double l = 0;
        double g0 = 0;
        double g1 = 0;
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        for (int i = 0; i < x.length; i++) {
            double r = b0 + b1 * x[i] - y[i];
            double rr = r * r;
            l += rr;
            g0 += r;
            g1 += r * x[i];
            s00 += rr;
            s01 += rr * x[i];
            s11 += rr * x[i] * x[i];
        }
        int n = x.length;
        return new double[] {l / n, 2 * g0 / n, 2 * g1 / n, 4 * s00 / n, 4 * s01 / n, 4 * s11 / n};
    }

    /** One step of every racer; if one leaves the finite numbers, all stay at the last frame. */
    @Override
    public Frame step() {
        Snapshot before = snapshot();
        for (Racer r : racers) {
            r.optimizer.step(r.objective);
            if (!Double.isFinite(r.beta[0]) || !Double.isFinite(r.beta[1])) {
                restore(before);
                throw new DivergedException(r.name + " diverged at step " + (steps + 1) + "; lower lr (GD is stable "
                        + "below 2/λ_max(∇²L) = " + String.format(java.util.Locale.ROOT, "%.3g", 2 / lambdaMax()) + ")");
            }
        }
        steps++;
        frame = buildFrame();
        return frame;
    }

    /** λ_max of the constant Hessian H = (2/n)Σ[1 x; x x²]. */
    double lambdaMax() {
        double[] h = hessian;
        double mean = (h[0] + h[2]) / 2;
        return mean + Math.hypot((h[0] - h[2]) / 2, h[1]);
    }

    private static double[] hessianOf(double[] x) {
        double sx = 0;
        double sxx = 0;
        for (double xi : x) {
            sx += xi;
            sxx += xi * xi;
        }
        int n = x.length;
        return new double[] {2.0, 2 * sx / n, 2 * sxx / n};
    }

    private Frame buildFrame() {
        Frame.Builder b = Frame.builder(steps);
        for (Racer r : racers) {
            double[] m = moments(r.beta[0], r.beta[1]);
            int batch = r.batch == 0 ? x.length : r.batch;
            double[] cov = r.batch == 0 ? new double[3] : new double[] {   // Cov(∇̃L) = (E ggᵀ − ∇L∇Lᵀ)/B
                    (m[3] - m[1] * m[1]) / batch, (m[4] - m[1] * m[2]) / batch, (m[5] - m[2] * m[2]) / batch};
            b.scalar(B0.of(r.name), r.beta[0]).scalar(B1.of(r.name), r.beta[1]).scalar(LOSS.of(r.name), m[0])
                    .scalar(EXCESS.of(r.name), m[0] - olsLoss).scalar(EXAMPLES.of(r.name), r.examples)
                    .series(GRADIENT.of(r.name), new double[] {m[1], m[2]}).series(COVARIANCE.of(r.name), cov);
        }
        return b.scalar(OLS_B0, ols[0]).scalar(OLS_B1, ols[1]).scalar(OLS_LOSS, olsLoss)
                .scalar(LR, config.lr().at(steps)).series(HESSIAN, hessian).build();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps);
        for (Racer r : racers) {
            b.array(r.name + ".beta", r.beta).longValue(r.name + ".rng", r.rng.state())
                    .longValue(r.name + ".examples", r.examples).put(r.name + ".opt", r.optimizer.state());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        for (Racer r : racers) {
            System.arraycopy(s.array(r.name + ".beta"), 0, r.beta, 0, 2);
            r.rng.setState(s.longValue(r.name + ".rng"));
            r.examples = s.longValue(r.name + ".examples");
            r.optimizer.restore(s.under(r.name + ".opt"));
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

    /** The points, for tests: [x, y]. */
    double[][] data() {
        return new double[][] {x.clone(), y.clone()};
    }

    /** The racer's batch gradient ∇̃L at β, drawn from its stream (for tests: many draws, their mean). */
    double[] batchGradient(String racer, double b0, double b1) {
        Racer r = racers[RACERS.indexOf(racer)];
        Vector at = Vector.of(b0, b1);
        Vector g = Vector.of(0, 0);
        r.objective.evaluate(at, g);
        return g.toArray();
    }
}
