package org.trainscope.engine.optim;

import java.util.function.DoubleSupplier;

/** A differentiable function of a parameter vector: f and ∇f at a given point. */
@FunctionalInterface
public interface Objective {
    /**
     * Evaluates f at {@code at} and writes ∇f(at) into {@code grad}. The common case is {@code at} = the optimizer's
     * parameter vector itself (every rule takes ∇f(x_t) there); Nesterov's look-ahead and the flow's Runge–Kutta
     * stages pass another vector of the same layout. {@code grad} is always the gradient vector the optimizer was
     * created with. Must not modify {@code at}. May throw (e.g. a non-finite loss): the step is then abandoned with the
     * parameters, the rule's state and t as they were (every rule evaluates before it writes).
     *
     * @return f(at)
     */
    double evaluate(Vector at, Vector grad);

    /**
     * The objective of a model that computes f and ∇f only at its own parameters θ, into its own gradient buffer
     * (the MLP: forward and backward on θ). {@code lossAndGradient} runs that pass and returns f(θ). To evaluate
     * at another point (Nesterov's look-ahead), θ is swapped out: saved, overwritten by the point, the pass run, and
     * θ put back bit for bit, also if the pass throws — three copies, each one BLAS call on a large θ. The optimizer
     * must be created with {@code (theta, grad)}.
     */
    static Objective atParameters(Vector theta, Vector grad, DoubleSupplier lossAndGradient) {
        Vector[] saved = {null};   // θ while a look-ahead point stands in for it; allocated on first use
        return (at, into) -> {
            if (into != grad) {
                throw new IllegalArgumentException("the model writes its gradient into its own buffer: create the "
                        + "optimizer with it");
            }
            if (at == theta) {
                return lossAndGradient.getAsDouble();
            }
            if (saved[0] == null) {
                saved[0] = theta.zerosLike();
            }
            saved[0].copyFrom(theta);
            theta.copyFrom(at);
            try {
                return lossAndGradient.getAsDouble();
            } finally {
                theta.copyFrom(saved[0]);
            }
        };
    }
}
