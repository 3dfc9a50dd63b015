package org.trainscope.engine.optim;

/**
 * Nesterov's accelerated gradient in the form of lecture 003 (Sutskever et al. 2013):
 * v_{t+1} = μ v_t − η∇f(x_t + μ v_t); x_{t+1} = x_t + v_{t+1}; v_0 = 0.
 */
final class Nesterov extends Optimizer {
    Nesterov(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected double update(double[][] x, Objective f, double eta) {
        double mu = config.momentum();
        double[][] v = buffer("velocity", x);
        double[][] lookahead = scratch("lookahead", x);
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                lookahead[p][i] = x[p][i] + mu * v[p][i]; // x_t + μ v_t
            }
        }
        double[][] g = scratch("grad", x);
        double value = f.evaluate(lookahead, g);
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                v[p][i] = mu * v[p][i] - eta * g[p][i]; // v_{t+1} = μ v_t − η∇f(x_t + μ v_t)
                x[p][i] += v[p][i];                     // x_{t+1} = x_t + v_{t+1}
            }
        }
        return value;
    }
}
