package org.trainscope.engine.optimization;

import java.util.ArrayList;
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
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * Depth as acceleration (Arora, Cohen &amp; Hazan, ICML 2018): ℓ_p regression on the diabetes table, with the linear
 * model w written as the end-to-end vector of a linear net — depth 1 (w itself), depth 2 (w = w₁·ω₂, ω₂ a scalar)
 * and depth N (w = w₁·ω₂⋯ω_N) — all trained by gradient descent at the same rate from the same near-zero end-to-end
 * start (each deep net balanced: |ω_j| = ‖w₁‖), beside AdaGrad and Adam on depth 1. Gradient descent on the layers
 * moves w by the paper's end-to-end rule w ← w − η‖w‖^{2−2/N}(∇ + (N−1)Pr_w(∇)): an adaptive rate and a memory of
 * past steps. Each frame: every racer's loss, ‖w‖, excess over the minimum and the step at which it reached the
 * target; for the deep racers, that rule's magnitudes against plain GD's step.
 */
public final class L4AccelerationExperiment extends AbstractExperiment {
    public static final Output LOSS = Output.scalar("{racer}.loss", "ℓ(w) = (1/n)Σ(⟨x_i, w⟩ − y_i)^p at the racer's end-to-end w");
    public static final Output WNORM = Output.scalar("{racer}.wnorm", "‖w‖ of the racer's end-to-end vector");
    public static final Output EXCESS = Output.scalar("{racer}.excess", "ℓ(w) − ℓ*, over the minimum (by Newton's method)");
    public static final Output HIT = Output.scalar("{racer}.hit",
            "the step at which the racer's excess first fell to the target (NaN until it does)", "steps");
    public static final Output GD_STEP = Output.scalar("{racer}.gd_step", "plain GD's step at the deep racer's w: η‖∇ℓ(w)‖");
    public static final Output ADAPTIVE = Output.scalar("{racer}.adaptive",
            "the adaptive-rate part of the end-to-end step: η‖w‖^{2−2/N}‖∇ℓ(w)‖");
    public static final Output MEMORY = Output.scalar("{racer}.memory",
            "the part along w: η‖w‖^{2−2/N}(N−1)‖Pr_w(∇ℓ(w))‖");
    public static final Output E2E_STEP = Output.scalar("{racer}.e2e_step",
            "the end-to-end step the layers imply: η‖w‖^{2−2/N}‖∇ + (N−1)Pr_w(∇)‖");
    public static final Output STEP = Output.scalar("{racer}.step", "the racer's last step ‖w_t − w_{t−1}‖ (per gradient step)");
    public static final Output DIVERGED = Output.scalar("{racer}.diverged",
            "1 once the racer's loss stopped being finite (it stays frozen at its last finite point), else 0");
    public static final Output OPTIMUM = Output.scalar("optimum.loss", "ℓ*, the smallest loss, by Newton's method");
    public static final Output TARGET = Output.scalar("target.excess", "the excess ℓ − ℓ* the racers race to");
    public static final Output ITERATION = Output.scalar("iteration", "gradient steps taken", "steps");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "l4-acceleration",
            "Depth as acceleration: ℓ4 regression",
            new ExperimentDef.Explanation(
                    "The same linear regression with the fourth-power loss, fitted five ways at the same learning "
                            + "rate from the same start near zero. Depth 2 and depth N only rewrite w as a product "
                            + "of layers — nothing is gained in expressiveness — yet gradient descent on the layers "
                            + "moves w by ‖w‖^{2−2/N}(∇ + (N−1)Pr_w∇): an adaptive learning rate, tiny near w = 0 "
                            + "where this loss is sharpest and growing with w, plus a push along w (bottom: its "
                            + "magnitudes against plain GD's step). At the default rate plain GD on w diverges (✕) "
                            + "while the deep nets reach the target (dashed marks); at a rate where both are stable "
                            + "(lr 0.05) plain GD is first on this table. AdaGrad and Adam adapt per coordinate.",
                    "ℓ(w) = (1/n) Σ (⟨x_i, w⟩ − y_i)^p,   w = w₁·ω₂⋯ω_N,   "
                            + "w ← w − η‖w‖^{2−2/N}(∇ℓ(w) + (N−1)·Pr_w(∇ℓ(w)))",
                    "Lecture 000, \"Why deep? (Maybe, helps optimization)\"; Arora, Cohen & Hazan, ICML 2018 "
                            + "(diabetes: Efron, Hastie, Johnstone & Tibshirani 2004)."),
            ParamSpec.join(List.of(
                    new ParamSpec.Choice("p", "Power p of the loss (ℓ4 or least squares)", "4", List.of("4", "2")),
                    new ParamSpec.Int("depth", "N of the depthN racer", 3, 3, 8),
                    new ParamSpec.Real("init", "‖w₀‖: every racer's end-to-end start (deep nets balanced, near zero)",
                            1e-3, 1e-8, 1),
                    new ParamSpec.Real("target", "Target: excess ℓ − ℓ* as a share of the start's", 1e-3, 1e-12, 0.5),
                    new ParamSpec.Int("every", "Gradient steps per frame (at most 500: ~0.2 ms a step for all racers)", 1, 1, 500)),
                    OptimizerParams.hyperSpecs(0.07, "Learning rate η (the same for every racer)")),
            List.of(LOSS, WNORM, EXCESS, HIT, DIVERGED, GD_STEP, ADAPTIVE, MEMORY, E2E_STEP, STEP, OPTIMUM, TARGET, ITERATION),
            1500, L4AccelerationExperiment::new);

    /** The racers, in order. */
    public static final List<String> RACERS = List.of("depth1", "depth2", "depthN", "adagrad", "adam");

    /** The params, read once. */
    public record Config(int p, int depth, double init, double target, int every, Params params) {
        public static Config of(Params p) {
            return new Config(Integer.parseInt(p.choice("p")), p.integer("depth"), p.real("init"), p.real("target"),
                    p.integer("every"), p);
        }

        /** The depth of a racer: 1, 2 or N. */
        int depthOf(String racer) {
            return switch (racer) {
                case "depth2" -> 2;
                case "depthN" -> depth;
                default -> 1;
            };
        }

        /** The rule of a racer: gradient descent on its layers, or AdaGrad / Adam on w. */
        OptimizerConfig optimizer(String racer) {
            String rule = racer.equals("adagrad") || racer.equals("adam") ? racer : "gd";
            return OptimizerConfig.from(params, rule);
        }
    }

    private final Config config;
    private final PowerRegression problem;
    private final double optimum;
    private final double targetExcess;
    private final List<Racer> racers = new ArrayList<>();
    private long iterations;
    private Frame frame;

    private L4AccelerationExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        problem = PowerRegression.diabetes(config.p());
        optimum = problem.loss(problem.minimizer(), null);
        Rng rng = new Rng(seed);
        double[] u = new double[problem.dim()];
        double norm = 0;
        for (int j = 0; j < u.length; j++) {
            u[j] = rng.nextGaussian();
            norm = Math.hypot(norm, u[j]);
        }
        for (int j = 0; j < u.length; j++) {
            u[j] *= config.init() / norm;                  // w₀ = init·u/‖u‖, the same for every racer
        }
        for (String name : RACERS) {
            racers.add(new Racer(name, config.depthOf(name), u));
        }
        targetExcess = config.target() * (problem.loss(u, null) - optimum);
        frame = buildFrame();
    }

    /** A racer: the layers θ = (w₁, ω₂, …, ω_N) in one vector, trained by its rule. */
    private final class Racer {
        final String name;
        final int depth;
        final double[] theta;
        final Optimizer optimizer;
        final double[] w;
        final double[] lastW;
        final double[] gradW;
        long hit = -1;
        boolean diverged;

        Racer(String name, int depth, double[] w0) {
            this.name = name;
            this.depth = depth;
            int d = w0.length;
            theta = new double[d + depth - 1];
            double s = Math.pow(Math.sqrt(dot(w0, w0)), 1.0 / depth);   // each layer's size: ‖w₀‖^{1/N}
            for (int j = 0; j < d; j++) {
                theta[j] = w0[j] / Math.pow(s, depth - 1);              // w₁ = w₀/s^{N−1}, ‖w₁‖ = s
            }
            for (int k = d; k < theta.length; k++) {
                theta[k] = s;                                           // ω_j = s: balanced
            }
            w = new double[d];
            lastW = new double[d];
            gradW = new double[d];
            endToEnd(theta, w);
            System.arraycopy(w, 0, lastW, 0, d);
            optimizer = config.optimizer(name).create(Vector.of(theta));
        }

        /** ℓ at the layers {@code at}, with ∂ℓ/∂w₁ = (Πω)∇ℓ(w) and ∂ℓ/∂ω_j = ⟨w₁, ∇ℓ(w)⟩Π_{k≠j}ω_k into grad. */
        double evaluate(Vector at, Vector grad) {
            double[] th = at.toArray();
            int d = w.length;
            double[] we = new double[d];
            endToEnd(th, we);
            double[] g = new double[d];
            double value = problem.loss(we, g);
            double prod = product(th, -1);
            for (int j = 0; j < d; j++) {
                grad.set(j, prod * g[j]);
            }
            double inner = 0;
            for (int j = 0; j < d; j++) {
                inner += th[j] * g[j];
            }
            for (int k = d; k < th.length; k++) {
                grad.set(k, inner * product(th, k));
            }
            return value;
        }

        /** Π ω_j over the scalar layers, leaving out layer {@code skip} (−1: none). */
        private double product(double[] th, int skip) {
            double prod = 1;
            for (int k = w.length; k < th.length; k++) {
                if (k != skip) {
                    prod *= th[k];
                }
            }
            return prod;
        }

        void endToEnd(double[] th, double[] into) {
            double prod = product(th, -1);
            for (int j = 0; j < into.length; j++) {
                into[j] = th[j] * prod;                                 // w = w₁·ω₂⋯ω_N
            }
        }

        /** One step; a step that leaves the finite numbers is undone and the racer frozen there. */
        void step() {
            if (diverged) {
                System.arraycopy(w, 0, lastW, 0, w.length);
                return;
            }
            double[] thetaBefore = theta.clone();
            Snapshot stateBefore = optimizer.state();
            System.arraycopy(w, 0, lastW, 0, w.length);
            optimizer.step(this::evaluate);
            endToEnd(theta, w);
            if (!Double.isFinite(problem.loss(w, null))) {
                System.arraycopy(thetaBefore, 0, theta, 0, theta.length);
                optimizer.restore(stateBefore);
                endToEnd(theta, w);
                diverged = true;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * {@code every} gradient steps of every racer. A racer whose loss stops being finite is frozen (✕) while the others
     * go on; if every one has, the run stays at the last frame.
     */
    @Override
    public Frame step() {
        Snapshot before = snapshot();
        for (int k = 0; k < config.every(); k++) {
            iterations++;
            for (Racer r : racers) {
                r.step();
                if (r.hit < 0 && !r.diverged && problem.loss(r.w, null) - optimum <= targetExcess) {
                    r.hit = iterations;
                }
            }
            if (racers.stream().allMatch(r -> r.diverged)) {
                restore(before);
                throw new DivergedException("every racer diverged by step " + iterations + "; lower lr");
            }
        }
        frame = buildFrame();
        return frame;
    }

    private Frame buildFrame() {
        Frame.Builder b = Frame.builder(iterations / config.every()).scalar(ITERATION, iterations);
        double eta = config.optimizer("depth1").lr().at(iterations);
        for (Racer r : racers) {
            double loss = problem.loss(r.w, r.gradW);
            double excess = Math.max(loss - optimum, 0);      // below 0 only by the rounding of ℓ*
            double wnorm = Math.sqrt(dot(r.w, r.w));
            double moved = 0;
            for (int j = 0; j < r.w.length; j++) {
                moved = Math.hypot(moved, r.w[j] - r.lastW[j]);
            }
            b.scalar(LOSS.of(r.name), loss).scalar(WNORM.of(r.name), wnorm).scalar(EXCESS.of(r.name), excess)
                    .scalar(HIT.of(r.name), r.hit < 0 ? Double.NaN : r.hit).scalar(STEP.of(r.name), moved).scalar(DIVERGED.of(r.name), r.diverged ? 1 : 0);
            if (r.depth > 1) {
                double[] e2e = endToEndUpdate(r.w, r.gradW, r.depth);
                double rate = Math.pow(wnorm, 2 - 2.0 / r.depth);
                double along = wnorm == 0 ? 0 : Math.abs(dot(r.gradW, r.w)) / wnorm;   // ‖Pr_w ∇‖
                b.scalar(GD_STEP.of(r.name), eta * Math.sqrt(dot(r.gradW, r.gradW)))
                        .scalar(ADAPTIVE.of(r.name), eta * rate * Math.sqrt(dot(r.gradW, r.gradW)))
                        .scalar(MEMORY.of(r.name), eta * rate * (r.depth - 1) * along)
                        .scalar(E2E_STEP.of(r.name), eta * Math.sqrt(dot(e2e, e2e)));
            }
        }
        return b.scalar(OPTIMUM, optimum).scalar(TARGET, targetExcess).build();
    }

    /** ‖w‖^{2−2/N}(∇ + (N−1)Pr_w(∇)), Pr_w(∇) = (⟨∇, w⟩/‖w‖²)w: the end-to-end direction (Arora et al., Claim 1). */
    static double[] endToEndUpdate(double[] w, double[] grad, int depth) {
        double ww = dot(w, w);
        double rate = Math.pow(Math.sqrt(ww), 2 - 2.0 / depth);
        double c = ww == 0 ? 0 : dot(grad, w) / ww;
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = rate * (grad[j] + (depth - 1) * c * w[j]);
        }
        return out;
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("iterations", iterations);
        for (Racer r : racers) {
            b.array(r.name + ".theta", r.theta).array(r.name + ".last", r.lastW).longValue(r.name + ".hit", r.hit)
                    .longValue(r.name + ".diverged", r.diverged ? 1 : 0)
                    .put(r.name + ".opt", r.optimizer.state());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        iterations = s.longValue("iterations");
        for (Racer r : racers) {
            System.arraycopy(s.array(r.name + ".theta"), 0, r.theta, 0, r.theta.length);
            System.arraycopy(s.array(r.name + ".last"), 0, r.lastW, 0, r.lastW.length);
            r.hit = s.longValue(r.name + ".hit");
            r.diverged = s.longValue(r.name + ".diverged") != 0;
            r.optimizer.restore(s.under(r.name + ".opt"));
            r.endToEnd(r.theta, r.w);
        }
        frame = buildFrame();
    }

    @Override
    public long stepCount() {
        return iterations / config.every();
    }

    @Override
    public Frame frame() {
        return frame;
    }

    /** The racer's ∂ℓ/∂θ at the layers θ (for tests). */
    double[] layerGradient(String racer, double[] theta) {
        Vector g = Vector.of(new double[theta.length]);
        racers.get(RACERS.indexOf(racer)).evaluate(Vector.of(theta.clone()), g);
        return g.toArray();
    }

    /** The loss at the layers θ (for tests). */
    double layerLoss(String racer, double[] theta) {
        return racers.get(RACERS.indexOf(racer)).evaluate(Vector.of(theta.clone()), Vector.of(new double[theta.length]));
    }

    /** The racer's end-to-end w (for tests). */
    double[] endToEnd(String racer) {
        return racers.get(RACERS.indexOf(racer)).w.clone();
    }
}
