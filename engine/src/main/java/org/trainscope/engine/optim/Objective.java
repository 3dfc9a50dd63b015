package org.trainscope.engine.optim;

/** A differentiable function of a list of parameter arrays: f(x) and ∇f(x). */
@FunctionalInterface
public interface Objective {
    /**
     * Evaluates f at {@code x} and writes ∇f(x) into {@code grad} (same shapes as x). Must not modify x.
     *
     * @return f(x)
     */
    double evaluate(double[][] x, double[][] grad);

    /** f̃(x) = f(x) + (λ/2)‖x‖², so ∇f̃ = ∇f + λx: ℓ2 weight decay as a change of objective, the same for every rule. */
    default Objective withWeightDecay(double lambda) {
        if (lambda == 0.0) {
            return this;
        }
        return (x, grad) -> {
            double value = evaluate(x, grad);
            double norm2 = 0.0;
            for (int p = 0; p < x.length; p++) {
                for (int i = 0; i < x[p].length; i++) {
                    grad[p][i] += lambda * x[p][i];
                    norm2 += x[p][i] * x[p][i];
                }
            }
            return value + 0.5 * lambda * norm2;
        };
    }
}
