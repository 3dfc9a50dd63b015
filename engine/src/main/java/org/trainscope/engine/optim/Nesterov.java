package org.trainscope.engine.optim;

/**
 * Nesterov's accelerated gradient in the form of lecture 003 (Sutskever et al. 2013):
 * v_{t+1} = μ v_t − η∇f(x_t + μ v_t); x_{t+1} = x_t + v_{t+1}; v_0 = 0.
 *
 * <p>The gradient is taken at the look-ahead point, not at x: a model that can only evaluate at its own
 * parameters gets there through {@link Objective#atParameters}, which swaps the point in and out (x stays the
 * iterate the formula names, so its loss is the loss of x_t, not of the look-ahead).
 */
final class Nesterov extends Optimizer {
    private final Vector v = buffer("velocity");
    private final Vector lookahead = scratch();

    Nesterov(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
    }

    @Override
    protected double update(double eta) {
        double mu = config.momentum();
        lookahead.setToSum(x, mu, v);               // y = x_t + μ v_t
        double value = gradientAt(lookahead);
        v.scale(mu);
        v.axpy(-eta, g);                            // v_{t+1} = μ v_t − η∇f(y)
        x.axpy(1, v);                               // x_{t+1} = x_t + v_{t+1}
        return value;
    }
}
