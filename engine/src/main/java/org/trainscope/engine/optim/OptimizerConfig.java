package org.trainscope.engine.optim;

import java.util.List;

import org.trainscope.engine.experiment.Params;

/**
 * The hyper-parameters shared by every rule; each rule reads the ones it needs.
 *
 * @param rule        one of {@link #RULES}
 * @param lr          the learning-rate schedule η_t (for {@code flow}, the time advanced per step)
 * @param momentum    μ of momentum, sgdm and Nesterov
 * @param rho         ρ of RMSprop and normalized
 * @param beta1       β₁ of Adam
 * @param beta2       β₂ of Adam
 * @param eps         ε of AdaGrad, RMSprop, Adam and normalized
 * @param weightDecay λ of the ℓ2 penalty (λ/2)‖x‖², for every rule
 */
public record OptimizerConfig(String rule, LearningRate lr, double momentum, double rho, double beta1, double beta2,
                              double eps, double weightDecay) {
    /** The rule names, in the order a user meets them. */
    public static final List<String> RULES = List.of("gd", "momentum", "sgdm", "nesterov", "adagrad", "rmsprop", "adam",
            "normalized", "flow");

    public OptimizerConfig {
        if (!RULES.contains(rule)) {
            throw new IllegalArgumentException("unknown optimizer '" + rule + "'; known: " + String.join(", ", RULES));
        }
    }

    /** The rule at a constant rate, with the usual defaults for everything else. */
    public static OptimizerConfig of(String rule, double lr) {
        return new OptimizerConfig(rule, new LearningRate.Constant(lr), 0.9, 0.9, 0.9, 0.999, 1e-8, 0.0);
    }

    /**
     * The configuration an experiment's params describe ({@link OptimizerParams#specs}): the rule from
     * {@code optimizer}, η and its schedule, μ, ρ, β₁, β₂, ε, λ. A param the experiment does not offer takes the
     * shared default.
     */
    public static OptimizerConfig from(Params params) {
        return from(params, params.choice("optimizer"));
    }

    /** As {@link #from(Params)} with the rule given, for an experiment that runs several (the landscape's racers). */
    public static OptimizerConfig from(Params params, String rule) {
        return OptimizerParams.read(params, rule);
    }

    public OptimizerConfig withRule(String newRule) {
        return new OptimizerConfig(newRule, lr, momentum, rho, beta1, beta2, eps, weightDecay);
    }

    public OptimizerConfig withWeightDecay(double lambda) {
        return new OptimizerConfig(rule, lr, momentum, rho, beta1, beta2, eps, lambda);
    }

    /**
     * A fresh optimizer (zero state) bound to the parameters x, updated in place, and to the vector g the objective
     * writes ∇f into (the model's own gradient buffer, or any vector of x's layout).
     */
    public Optimizer create(Vector x, Vector g) {
        return switch (rule) {
            case "gd" -> new GradientDescent(this, x, g);
            case "momentum" -> new HeavyBall(this, x, g);
            case "sgdm" -> new SgdMomentum(this, x, g);
            case "nesterov" -> new Nesterov(this, x, g);
            case "adagrad" -> new AdaGrad(this, x, g);
            case "rmsprop" -> new RmsProp(this, x, g);
            case "adam" -> new Adam(this, x, g);
            case "normalized" -> new NormalizedGradient(this, x, g);
            case "flow" -> new GradientFlow(this, x, g);
            default -> throw new AssertionError(rule);
        };
    }

    /** {@link #create(Vector, Vector)} with a gradient vector of x's layout allocated here. */
    public Optimizer create(Vector x) {
        return create(x, x.zerosLike());
    }
}
