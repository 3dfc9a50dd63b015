package org.trainscope.engine.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;

/**
 * The optimizer as experiment params, with the same names, ranges, descriptions and defaults in every trained
 * experiment (the names the landscape introduced, so saved sessions keep working): {@code optimizer}, {@code lr},
 * {@code momentum}, {@code rho}, {@code beta1}, {@code beta2}, {@code eps}, {@code weight_decay}, {@code schedule}
 * (constant, step η₀γ^⌊t/k⌋, exponential η₀(1+c)^t), {@code step_gamma}, {@code step_every}, {@code exp_c}. An
 * experiment lists {@link #specs} among its params and reads them back with {@link OptimizerConfig#from(Params)};
 * one that configures another experiment hands the configuration on with {@link #write}.
 */
public final class OptimizerParams {
    /** The rules a trained experiment offers: all but {@code flow}, the landscape's reference ODE. */
    public static final List<String> TRAINED_RULES =
            OptimizerConfig.RULES.stream().filter(r -> !r.equals("flow")).toList();
    public static final List<String> SCHEDULES = List.of("constant", "step", "exponential");

    private static final List<ParamSpec> HYPER = List.of(
            new ParamSpec.Real("momentum", "μ of momentum, sgdm and Nesterov", 0.9, 0, 0.999),
            new ParamSpec.Real("rho", "ρ of RMSprop and normalized", 0.9, 0, 0.9999),
            new ParamSpec.Real("beta1", "β₁ of Adam", 0.9, 0, 0.9999),
            new ParamSpec.Real("beta2", "β₂ of Adam", 0.999, 0, 0.999999),
            new ParamSpec.Real("eps", "ε of AdaGrad, RMSprop, Adam, normalized", 1e-8, 1e-12, 1),
            new ParamSpec.Real("weight_decay", "ℓ2 penalty λ/2‖x‖² added to f", 0, 0, 10),
            new ParamSpec.Choice("schedule", "Learning-rate schedule", "constant", SCHEDULES),
            new ParamSpec.Real("step_gamma", "step schedule: multiply η by γ …", 0.5, 1e-3, 10),
            new ParamSpec.Int("step_every", "step schedule: … every k steps", 100, 1, 1_000_000),
            new ParamSpec.Real("exp_c", "exponential schedule: η_t = η₀(1+c)^t", -0.005, -0.5, 0.5));

    private OptimizerParams() {
    }

    /** {@code optimizer} (one of {@link #TRAINED_RULES}), {@code lr} and every hyper-parameter, in that order. */
    public static List<ParamSpec> specs(String defaultRule, double defaultLr) {
        List<ParamSpec> out = new ArrayList<>();
        out.add(new ParamSpec.Choice("optimizer", "Update rule", defaultRule, TRAINED_RULES));
        out.addAll(hyperSpecs(defaultLr));
        return List.copyOf(out);
    }

    /**
     * The same, with some of them replaced by the experiment's own spec of the same name: an {@code lr} with the
     * range its saved sessions were written with, an {@code eps} with another default.
     */
    public static List<ParamSpec> specs(String defaultRule, double defaultLr, ParamSpec... own) {
        List<ParamSpec> out = new ArrayList<>(specs(defaultRule, defaultLr));
        for (ParamSpec spec : own) {
            int at = out.stream().map(ParamSpec::name).toList().indexOf(spec.name());
            if (at < 0) {
                throw new IllegalArgumentException("'" + spec.name() + "' is not an optimizer param");
            }
            out.set(at, spec);
        }
        return List.copyOf(out);
    }

    /** {@code lr} and the rest, without the choice of rule: for an experiment that runs several rules at once. */
    public static List<ParamSpec> hyperSpecs(double defaultLr) {
        return hyperSpecs(defaultLr, "Learning rate η");
    }

    /** The same, with {@code lr} described in the experiment's own words (e.g. what it means for the flow). */
    public static List<ParamSpec> hyperSpecs(double defaultLr, String lrDescription) {
        List<ParamSpec> out = new ArrayList<>();
        out.add(new ParamSpec.Real("lr", lrDescription, defaultLr, 1e-6, 10));
        out.addAll(HYPER);
        return List.copyOf(out);
    }

    /** The configuration of {@code rule} from the params; {@code lr} is required, the others default as above. */
    static OptimizerConfig read(Params p, String rule) {
        double eta0 = p.real("lr");
        LearningRate lr = switch ((String) value(p, "schedule")) {
            case "step" -> new LearningRate.StepDecay(eta0, real(p, "step_gamma"), ((Number) value(p, "step_every")).intValue());
            case "exponential" -> new LearningRate.Exponential(eta0, real(p, "exp_c"));
            default -> new LearningRate.Constant(eta0);
        };
        return new OptimizerConfig(rule, lr, real(p, "momentum"), real(p, "rho"), real(p, "beta1"), real(p, "beta2"),
                real(p, "eps"), real(p, "weight_decay"));
    }

    /**
     * {@code p} holding {@code c}: the inverse of {@link OptimizerConfig#from(Params)}, for an experiment that hands
     * its configuration to the experiments it runs (compression's two nets, depth-comparison's three products). Sets
     * the params p offers; a configuration p cannot hold (a value away from the shared default of a param p does not
     * offer) is refused.
     */
    public static Params write(Params p, OptimizerConfig c) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("optimizer", c.rule());
        if (c.lr() instanceof LearningRate.Constant k) {
            values.put("lr", k.eta0());
            values.put("schedule", "constant");
        } else if (c.lr() instanceof LearningRate.StepDecay s) {
            values.put("lr", s.eta0());
            values.put("schedule", "step");
            values.put("step_gamma", s.gamma());
            values.put("step_every", s.every());
        } else if (c.lr() instanceof LearningRate.Exponential e) {
            values.put("lr", e.eta0());
            values.put("schedule", "exponential");
            values.put("exp_c", e.c());
        }
        values.put("momentum", c.momentum());
        values.put("rho", c.rho());
        values.put("beta1", c.beta1());
        values.put("beta2", c.beta2());
        values.put("eps", c.eps());
        values.put("weight_decay", c.weightDecay());
        Params out = p;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (offers(p, e.getKey())) {
                out = out.withValue(e.getKey(), e.getValue());
            }
        }
        if (!read(out, c.rule()).equals(c)) {
            throw new IllegalArgumentException("these params cannot hold " + c + ": " + p.specs().stream()
                    .map(ParamSpec::name).toList());
        }
        return out;
    }

    private static boolean offers(Params p, String name) {
        return p.specs().stream().anyMatch(s -> s.name().equals(name));
    }

    private static double real(Params p, String name) {
        return ((Number) value(p, name)).doubleValue();
    }

    /** The experiment's value of the param, or the shared default if the experiment does not offer it. */
    private static Object value(Params p, String name) {
        if (offers(p, name)) {
            return p.get(name);
        }
        return HYPER.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().defaultValue();
    }
}
