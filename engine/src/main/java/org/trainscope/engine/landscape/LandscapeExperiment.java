package org.trainscope.engine.landscape;

import java.util.ArrayList;
import java.util.List;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.trainscope.engine.bench.BenchWorkload;
import org.trainscope.engine.bench.PeerResults;
import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentType;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.LearningRate;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * Several optimizers race from the same start on the same 2-D landscape. Each step advances every racer by one
 * step of its rule; a racer whose loss stops being finite is marked diverged and frozen at its last finite point
 * while the others go on. Frame scalars per racer {@code r}: {@code r.x1}, {@code r.x2}, {@code r.loss},
 * {@code r.gradnorm}, {@code r.diverged} (0 or 1); and {@code lr}, the current η_t.
 */
public final class LandscapeExperiment extends AbstractExperiment {

    /** The registry entry. */
    public static final ExperimentType TYPE = new Type();

    private final Surface surface;
    private final List<Racer> racers = new ArrayList<>();
    private final LearningRate schedule;
    private final Objective objective;
    private final double[] gradient = new double[2];
    private long steps;

    private LandscapeExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        this.surface = Surface.of(params.choice("function"), params.real("a"), params.real("b"));
        OptimizerConfig base = OptimizerConfig.from(params, "gd");   // the shared lr, schedule, μ, ρ, β, ε, λ
        this.schedule = base.lr();
        for (String rule : params.subset("optimizers")) {
            racers.add(new Racer(rule, base.withRule(rule), params.real("x1"), params.real("x2")));
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
            b.scalar(r.name + ".x1", x1);
            b.scalar(r.name + ".x2", x2);
            b.scalar(r.name + ".loss", surface.value(x1, x2));
            b.scalar(r.name + ".gradnorm", Math.hypot(gradient[0], gradient[1]));
            b.scalar(r.name + ".diverged", r.diverged ? 1 : 0);
        }
        b.scalar("lr", schedule.at(steps));
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

    /** One optimizer in the race and its current point x = (x₁, x₂), which the optimizer updates in place. */
    private static final class Racer {
        final String name;
        final double[] x;
        final Optimizer optimizer;
        boolean diverged;

        Racer(String name, OptimizerConfig config, double x1, double x2) {
            this.name = name;
            this.x = new double[] {x1, x2};
            this.optimizer = config.create(Vector.of(x));
        }
    }

    private static final class Type implements ExperimentType {
        private final List<ParamSpec> specs = List.of(
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
                new ParamSpec.Real("exp_c", "exponential schedule: η_t = η₀(1+c)^t", -0.005, -0.5, 0.5));

        @Override
        public String id() {
            return "landscape";
        }

        @Override
        public String title() {
            return "Optimizers on a loss landscape";
        }

        @Override
        public Explanation explanation() {
            return new Explanation(
                    "Each coloured path is one optimizer descending the same landscape from the same start (the "
                            + "cross-hair); the white dashed curve is the gradient flow, which gradient descent follows "
                            + "closely while η is small. Momentum and Nesterov carry speed: they overshoot, swing across "
                            + "the valley and may settle in another basin. Raise lr towards the stability limit, or pick "
                            + "quadratic with b = 10, to see GD zig-zag across a narrow valley; click the map to move the start.",
                    "GD  x ← x − η∇f(x)        flow  dx/dt = −∇f(x), at t = kη\n"
                            + "momentum  x_{t+1} = x_t − η∇f(x_t) + μ(x_t − x_{t−1})\n"
                            + "Nesterov  v_{t+1} = μv_t − η∇f(x_t + μv_t),  x_{t+1} = x_t + v_{t+1}",
                    "Lecture 003 (Jelenković), \"Path of gradient descent\", \"More interesting landscape\", momentum "
                            + "and Nesterov slides; Kingma & Ba 2015 (Adam); Duchi et al. 2011 (AdaGrad).");
        }

        @Override
        public List<ParamSpec> params() {
            return specs;
        }

        @Override
        public int defaultSteps() {
            return 400;
        }

        /** W3 of shared/peers: the 1024×1024 grid of {@code valley} over [−2, 2]², DOUBLE, in grids per second. */
        @Override
        public List<BenchWorkload> benchWorkloads() {
            return List.of(new BenchWorkload("landscape.grid 1024x1024 valley DOUBLE", "grids", () -> {
                Surface valley = new Surface.Valley();
                return () -> Grid.evaluate(valley, -2, 2, -2, 2, 1024, 1024).values().length > 0 ? 1 : 0;
            }, peers -> {
                Map<String, Double> rates = new LinkedHashMap<>();
                for (String lib : List.of("numpy", "torch")) {
                    List<JsonNode> r = PeerResults.results(peers.resolve("w3_landscape.json"),
                            PeerResults.where("lib", lib).and(PeerResults.where("dtype", "float64")));
                    PeerResults.putPerThreads(rates, lib, "", r, n -> 1000.0 / n.path("ms_per_grid_median").asDouble());
                }
                return rates;
            }));
        }

        @Override
        public Experiment create(Params params, long seed) {
            return new LandscapeExperiment(params, seed);
        }
    }
}
