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

/**
 * Several optimizers race from the same start on the same 2-D landscape. Each step advances every racer by one
 * step of its rule; a racer whose loss stops being finite is marked diverged and frozen at its last finite point
 * while the others go on. Frame scalars per racer {@code r}: {@code r.x1}, {@code r.x2}, {@code r.loss},
 * {@code r.gradnorm}, {@code r.diverged} (0 or 1); and {@code lr}, the current η_t.
 */
public final class LandscapeExperiment extends AbstractExperiment {
    public static final Output X1 = Output.scalar("{racer}.x1", "the racer's first coordinate x₁");
    public static final Output X2 = Output.scalar("{racer}.x2", "the racer's second coordinate x₂");
    public static final Output LOSS = Output.scalar("{racer}.loss", "f(x₁, x₂) at the racer's point");
    public static final Output GRADNORM = Output.scalar("{racer}.gradnorm", "‖∇f‖ at the racer's point");
    public static final Output DIVERGED = Output.scalar("{racer}.diverged", "1 once the racer diverged (frozen at its last finite point), else 0");
    public static final Output LR = Output.scalar("lr", "the learning rate η_t of this step (after the schedule)");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "landscape",
            "Optimizers on a loss landscape",
            new ExperimentDef.Explanation(
                    "Each coloured path is one optimizer descending the same landscape from the same start (the "
                            + "cross-hair); the white dashed curve is the gradient flow, which gradient descent follows "
                            + "closely while η is small. Momentum and Nesterov carry speed: they overshoot, swing across "
                            + "the valley and may settle in another basin. Raise lr towards the stability limit, or pick "
                            + "quadratic with b = 10, to see GD zig-zag across a narrow valley; click the map to move the start.",
                    "GD  x ← x − η∇f(x)        flow  dx/dt = −∇f(x), at t = kη\n"
                            + "momentum  x_{t+1} = x_t − η∇f(x_t) + μ(x_t − x_{t−1})\n"
                            + "Nesterov  v_{t+1} = μv_t − η∇f(x_t + μv_t),  x_{t+1} = x_t + v_{t+1}",
                    "Lecture 003 (Jelenković), \"Path of gradient descent\", \"More interesting landscape\", momentum "
                            + "and Nesterov slides; Kingma & Ba 2015 (Adam); Duchi et al. 2011 (AdaGrad)."),
            List.of(
                    new ParamSpec.Choice("function", "The landscape f(x₁, x₂)", "valley", Surface.NAMES),
                    new ParamSpec.Real("a", "quadratic: coefficient of x₁²", 1, 1e-3, 1e3),
                    new ParamSpec.Real("b", "quadratic: coefficient of x₂²", 10, 1e-3, 1e3),
                    new ParamSpec.Real("x1", "Start point, first coordinate", -1.5, -1e3, 1e3),
                    new ParamSpec.Real("x2", "Start point, second coordinate", -1.5, -1e3, 1e3),
                    new ParamSpec.Subset("optimizers", "The racers (comma list)", OptimizerConfig.RULES, OptimizerConfig.RULES),
                    new ParamSpec.Real("lr", "Learning rate η (for flow: time per step)", 0.01, 1e-6, 10),
                    new ParamSpec.Real("momentum", "μ of momentum and Nesterov", 0.9, 0, 0.999),
                    new ParamSpec.Real("rho", "ρ of RMSprop", 0.9, 0, 0.9999),
                    new ParamSpec.Real("beta1", "β₁ of Adam", 0.9, 0, 0.9999),
                    new ParamSpec.Real("beta2", "β₂ of Adam", 0.999, 0, 0.999999),
                    new ParamSpec.Real("eps", "ε of AdaGrad, RMSprop, Adam", 1e-8, 1e-12, 1),
                    new ParamSpec.Real("weight_decay", "ℓ2 penalty λ/2‖x‖² added to f", 0, 0, 10),
                    new ParamSpec.Choice("schedule", "Learning-rate schedule", "constant", List.of("constant", "step", "exponential")),
                    new ParamSpec.Real("step_gamma", "step schedule: multiply η by γ …", 0.5, 1e-3, 10),
                    new ParamSpec.Int("step_every", "step schedule: … every k steps", 100, 1, 1_000_000),
                    new ParamSpec.Real("exp_c", "exponential schedule: η_t = η₀(1+c)^t", -0.005, -0.5, 0.5)),
            List.of(X1, X2, LOSS, GRADNORM, DIVERGED, LR),
            400, LandscapeExperiment::new);

    /**
     * The params of the landscape, the start and the racers, read once (the optimizer and schedule params are read
     * where the optimizers are built).
     *
     * @param racers the optimizer rules that race, in frame order
     */
    public record Config(String function, double a, double b, double x1, double x2, List<String> racers) {
        public Config {
            racers = List.copyOf(racers);
        }

        public static Config of(Params p) {
            return new Config(p.choice("function"), p.real("a"), p.real("b"), p.real("x1"), p.real("x2"),
                    p.subset("optimizers"));
        }

        /** The params with the start point moved to (x₁, x₂), e.g. where the user clicked the map. */
        public static Params withStart(Params p, double x1, double x2) {
            return p.withValue("x1", x1).withValue("x2", x2);
        }

        /** The landscape f these params name. */
        public Surface surface() {
            return Surface.of(function, a, b);
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
        this.surface = Config.of(params).surface();
        this.schedule = switch (params.choice("schedule")) {
            case "step" -> new LearningRate.StepDecay(params.real("lr"), params.real("step_gamma"), params.integer("step_every"));
            case "exponential" -> new LearningRate.Exponential(params.real("lr"), params.real("exp_c"));
            default -> new LearningRate.Constant(params.real("lr"));
        };
        OptimizerConfig base = new OptimizerConfig("gd", schedule, params.real("momentum"), params.real("rho"),
                params.real("beta1"), params.real("beta2"), params.real("eps"), params.real("weight_decay"));
        for (String rule : params.subset("optimizers")) {
            racers.add(new Racer(rule, base.withRule(rule).create(), params.real("x1"), params.real("x2")));
        }
        this.objective = (x, grad) -> {
            double[] p = x[0];
            surface.gradient(p[0], p[1], grad[0]);
            return surface.value(p[0], p[1]);
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
            double x1 = r.x[0][0];
            double x2 = r.x[0][1];
            surface.gradient(x1, x2, gradient);
            b.scalar(X1.of(r.name), x1);
            b.scalar(X2.of(r.name), x2);
            b.scalar(LOSS.of(r.name), surface.value(x1, x2));
            b.scalar(GRADNORM.of(r.name), Math.hypot(gradient[0], gradient[1]));
            b.scalar(DIVERGED.of(r.name), r.diverged ? 1 : 0);
        }
        b.scalar(LR, schedule.at(steps));
        return b.build();
    }

    @Override
    public Frame step() {
        if (racers.stream().allMatch(r -> r.diverged)) {
            throw new DivergedException("every optimizer diverged by step " + steps + "; lower lr or move the start");
        }
        for (Racer r : racers) {
            if (r.diverged) {
                continue;
            }
            double before1 = r.x[0][0];
            double before2 = r.x[0][1];
            r.optimizer.step(r.x, objective);
            double loss = surface.value(r.x[0][0], r.x[0][1]);
            surface.gradient(r.x[0][0], r.x[0][1], gradient);
            if (!Double.isFinite(loss) || !Double.isFinite(gradient[0]) || !Double.isFinite(gradient[1])) {
                r.diverged = true; // frozen at the last finite point
                r.x[0][0] = before1;
                r.x[0][1] = before2;
            }
        }
        steps++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps);
        for (Racer r : racers) {
            b.array(r.name + ".x", r.x[0]);
            b.longValue(r.name + ".diverged", r.diverged ? 1 : 0);
            r.optimizer.saveTo(b, r.name + ".opt");
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        for (Racer r : racers) {
            r.x[0] = s.array(r.name + ".x");
            r.diverged = s.longValue(r.name + ".diverged") != 0;
            r.optimizer.restoreFrom(s, r.name + ".opt", r.x);
        }
    }

    /** One optimizer in the race and its current point x = {{x₁, x₂}}. */
    private static final class Racer {
        final String name;
        final Optimizer optimizer;
        final double[][] x;
        boolean diverged;

        Racer(String name, Optimizer optimizer, double x1, double x2) {
            this.name = name;
            this.optimizer = optimizer;
            this.x = new double[][] {{x1, x2}};
        }
    }
}
