package org.trainscope.engine.landscape;

import java.util.ArrayList;
import java.util.List;

import java.util.LinkedHashMap;
import java.util.Map;


import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.LearningRate;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * Several optimizers race from the same start on the same 2-D landscape. Each step advances every racer by one
 * step of its rule; a racer whose loss stops being finite is marked diverged and frozen at its last finite point
 * while the others go on. Frame scalars per racer {@code r}: {@code r.x1}, {@code r.x2}, {@code r.loss},
 * {@code r.gradnorm}, {@code r.diverged} (0 or 1), the rule's state per coordinate read from its
 * {@link Optimizer#state()} — {@code r.m1}, {@code r.m2} its velocity or first moment, {@code r.acc1}, {@code r.acc2}
 * its second-moment accumulator (NaN where the rule keeps none) — and {@code lr}, the current η_t.
 */
public final class LandscapeExperiment extends AbstractExperiment {
    public static final Output X1 = Output.scalar("{racer}.x1", "the racer's first coordinate x₁");
    public static final Output X2 = Output.scalar("{racer}.x2", "the racer's second coordinate x₂");
    public static final Output LOSS = Output.scalar("{racer}.loss", "f(x₁, x₂) at the racer's point");
    public static final Output GRADNORM = Output.scalar("{racer}.gradnorm", "‖∇f‖ at the racer's point");
    public static final Output DIVERGED = Output.scalar("{racer}.diverged", "1 once the racer diverged (frozen at its last finite point), else 0");
    public static final Output M1 = Output.scalar("{racer}.m1", "first coordinate of the racer's velocity or first moment (momentum δ, sgdm and nesterov v, adam m; NaN for the others)");
    public static final Output M2 = Output.scalar("{racer}.m2", "second coordinate of the racer's velocity or first moment");
    public static final Output ACC1 = Output.scalar("{racer}.acc1", "first coordinate of the racer's second-moment accumulator (adagrad G, rmsprop E, adam v; NaN for the others)");
    public static final Output ACC2 = Output.scalar("{racer}.acc2", "second coordinate of the racer's second-moment accumulator");
    public static final Output LR = Output.scalar("lr", "the learning rate η_t of this step (after the schedule)");

    /**
     * Every rule but sgdm, which races like momentum at a constant η (they part only when η changes), and normalized,
     * the deep factorization's global-norm variant (on two coordinates: steps of length about η along −∇f/‖∇f‖,
     * η/√(1−ρ) at first); both are offered.
     */
    static final List<String> DEFAULT_RACERS =
            OptimizerConfig.RULES.stream().filter(r -> !r.equals("sgdm") && !r.equals("normalized")).toList();

    public static final ExperimentDef TYPE = new ExperimentDef(
            "landscape",
            "Optimizers on a loss landscape",
            new ExperimentDef.Explanation(
                    "Each coloured path is one optimizer descending the same landscape from the same start (the "
                            + "cross-hair); the grey dashed curve is the gradient flow, which gradient descent follows "
                            + "closely while η is small. Momentum and Nesterov carry speed: they overshoot, swing across "
                            + "the valley and may settle in another basin. Raise lr towards the stability limit, or pick "
                            + "quadratic with b = 10, to see GD zig-zag across a narrow valley; click the map to move the start, or a racer's point or legend row to "
                            + "see its steps in numbers.",
                    "GD  x ← x − η∇f(x)        flow  dx/dt = −∇f(x), at t = kη\n"
                            + "momentum  x_{t+1} = x_t − η∇f(x_t) + μ(x_t − x_{t−1})\n"
                            + "Nesterov  v_{t+1} = μv_t − η∇f(x_t + μv_t),  x_{t+1} = x_t + v_{t+1}",
                    "Lecture 003 (Jelenković), \"Path of gradient descent\", \"More interesting landscape\", momentum "
                            + "and Nesterov slides; Kingma & Ba 2015 (Adam); Duchi et al. 2011 (AdaGrad).")
                    .withEquations(
                            "x_{t+1} = x_t - \\eta\\,\\nabla f(x_t),\\qquad \\eta = \\val{lr}",
                            "\\member{racer}\\quad x_t = (\\val{{racer}.x1},\\ \\val{{racer}.x2}),\\quad f(x_t) = \\val{{racer}.loss},\\quad "
                                    + "\\|\\nabla f(x_t)\\| = \\val{{racer}.gradnorm}",
                            "x_{t+1} = x_t - \\eta\\nabla f(x_t) + \\mu(x_t - x_{t-1}):\\quad \\text{momentum at } (\\val{momentum.x1},\\ \\val{momentum.x2}),\\ f = \\val{momentum.loss}",
                            "\\frac{dx}{dt} = -\\nabla f(x):\\quad \\text{flow at } (\\val{flow.x1},\\ \\val{flow.x2}),\\ f = \\val{flow.loss}"),
            ParamSpec.join(List.of(
                    new ParamSpec.Choice("function", "The landscape f(x₁, x₂)", "valley", Surface.NAMES),
                    new ParamSpec.Real("a", "quadratic: coefficient of x₁²", 1, 1e-3, 1e3),
                    new ParamSpec.Real("b", "quadratic: coefficient of x₂²", 10, 1e-3, 1e3),
                    new ParamSpec.Real("x1", "Start point, first coordinate", -1.5, -1e3, 1e3),
                    new ParamSpec.Real("x2", "Start point, second coordinate", -1.5, -1e3, 1e3),
                    new ParamSpec.Subset("optimizers", "The racers (comma list)", DEFAULT_RACERS, OptimizerConfig.RULES)),
            OptimizerParams.hyperSpecs(0.01, "Learning rate η; for the flow, the time per step"),
            List.of(new ParamSpec.Text("formula", "function=custom: f(x1, x2) as a formula", Surface.Custom.EXAMPLE,
                    "a formula in x1, x2 with numbers, + - * / ^, parentheses, sin cos tan exp log sqrt tanh, pi, e",
                    Surface.Custom::check))),
            List.of(X1, X2, LOSS, GRADNORM, DIVERGED, M1, M2, ACC1, ACC2, LR),
            400, LandscapeExperiment::new);

    /**
     * The params of the landscape, the start and the racers, read once (the optimizer and schedule params are read
     * where the optimizers are built).
     *
     * @param racers the optimizer rules that race, in frame order
     */
    public record Config(String function, double a, double b, double x1, double x2, List<String> racers,
                         String formula) {
        public Config {
            racers = List.copyOf(racers);
        }

        public static Config of(Params p) {
            return new Config(p.choice("function"), p.real("a"), p.real("b"), p.real("x1"), p.real("x2"),
                    p.subset("optimizers"), (String) p.get("formula"));
        }

        /** The params with the start point moved to (x₁, x₂), e.g. where the user clicked the map. */
        public static Params withStart(Params p, double x1, double x2) {
            return p.withValue("x1", x1).withValue("x2", x2);
        }

        /** The landscape f these params name. */
        public Surface surface() {
            return Surface.of(function, a, b, formula);
        }
    }

    private final Surface surface;
    private final List<Racer> racers = new ArrayList<>();
    private final LearningRate schedule;
    private final Objective objective;
    private final double[] gradient = new double[2];
    private long steps;

    private LandscapeExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Config config = Config.of(params);
        this.surface = config.surface();
        OptimizerConfig base = OptimizerConfig.from(params, "gd");   // the shared lr, schedule, μ, ρ, β, ε, λ
        this.schedule = base.lr();
        for (String rule : config.racers()) {
            racers.add(new Racer(rule, base.withRule(rule), config.x1(), config.x2()));
        }
        this.objective = (at, grad) -> {
            double x1 = at.get(0);
            double x2 = at.get(1);
            surface.gradient(x1, x2, gradient);
            grad.set(0, gradient[0]);
            grad.set(1, gradient[1]);
            return surface.value(x1, x2);
        };
    }

    public Surface surface() {
        return surface;
    }

    /** The racers' names in frame order. */
    public List<String> racerNames() {
        return racers.stream().map(r -> r.name).toList();
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        Frame.Builder b = Frame.builder(steps);
        for (Racer r : racers) {
            double x1 = r.x[0];
            double x2 = r.x[1];
            surface.gradient(x1, x2, gradient);
            b.scalar(r.keys[0], x1);
            b.scalar(r.keys[1], x2);
            b.scalar(r.keys[2], surface.value(x1, x2));
            b.scalar(r.keys[3], Math.hypot(gradient[0], gradient[1]));
            b.scalar(r.keys[4], r.diverged ? 1 : 0);
            Snapshot state = r.optimizer.state();
            double[] m = r.moment == null ? null : state.array(r.moment);
            double[] acc = r.accumulator == null ? null : state.array(r.accumulator);
            b.scalar(r.keys[5], m == null ? Double.NaN : m[0]);
            b.scalar(r.keys[6], m == null ? Double.NaN : m[1]);
            b.scalar(r.keys[7], acc == null ? Double.NaN : acc[0]);
            b.scalar(r.keys[8], acc == null ? Double.NaN : acc[1]);
        }
        b.scalar(LR, schedule.at(steps));
        return b.build();
    }

    @Override
    public Frame step() {
        boolean allDiverged = true;
        for (Racer r : racers) {
            allDiverged &= r.diverged;
        }
        if (allDiverged) {
            throw new DivergedException("every optimizer diverged by step " + steps + "; lower lr or move the start");
        }
        for (Racer r : racers) {
            if (r.diverged) {
                continue;
            }
            double before1 = r.x[0];
            double before2 = r.x[1];
            r.optimizer.step(objective);
            double loss = surface.value(r.x[0], r.x[1]);
            surface.gradient(r.x[0], r.x[1], gradient);
            if (!Double.isFinite(loss) || !Double.isFinite(gradient[0]) || !Double.isFinite(gradient[1])) {
                r.diverged = true; // frozen at the last finite point
                r.x[0] = before1;
                r.x[1] = before2;
            }
        }
        steps++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps);
        for (Racer r : racers) {
            b.array(r.name + ".x", r.x);
            b.longValue(r.name + ".diverged", r.diverged ? 1 : 0);
            b.put(r.name + ".opt", r.optimizer.state());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        for (Racer r : racers) {
            System.arraycopy(s.array(r.name + ".x"), 0, r.x, 0, r.x.length);   // in place: the optimizer holds r.x
            r.diverged = s.longValue(r.name + ".diverged") != 0;
            r.optimizer.restore(s.under(r.name + ".opt"));
        }
    }

    /**
     * One optimizer in the race and its current point x = (x₁, x₂), which the optimizer updates in place; the names
     * of its state vectors shown as {@link #M1}/{@link #M2} and {@link #ACC1}/{@link #ACC2} (null: the rule has none).
     */
    private static final class Racer {
        final String name;
        final String[] keys;   // its frame keys X1, X2, LOSS, GRADNORM, DIVERGED, M1, M2, ACC1, ACC2, made once
        final double[] x;
        final Optimizer optimizer;
        final String moment;
        final String accumulator;
        boolean diverged;

        Racer(String name, OptimizerConfig config, double x1, double x2) {
            this.name = name;
            this.keys = new String[] {X1.of(name), X2.of(name), LOSS.of(name), GRADNORM.of(name), DIVERGED.of(name),
                    M1.of(name), M2.of(name), ACC1.of(name), ACC2.of(name)};
            this.moment = switch (name) {
                case "momentum" -> "delta";                 // δ_t = x_t − x_{t−1}
                case "sgdm", "nesterov" -> "velocity";       // v_t
                case "adam" -> "m";                          // m_t, before bias correction
                default -> null;
            };
            this.accumulator = switch (name) {
                case "adagrad" -> "G";                       // G_t = Σ g²
                case "rmsprop" -> "E";                       // E_t = ρE + (1−ρ)g²
                case "adam" -> "v";                          // v_t, before bias correction
                default -> null;
            };
            this.x = new double[] {x1, x2};
            this.optimizer = config.create(Vector.of(x));
        }
    }
}
