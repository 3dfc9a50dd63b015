package org.trainscope.engine.optim;

/** Heavy-ball momentum (Polyak 1964; lecture 003): x_{t+1} = x_t − η∇f(x_t) + μ(x_t − x_{t−1}), x_{−1} = x_0. */
final class HeavyBall extends Optimizer {
    HeavyBall(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected double update(double[][] x, Objective f, double eta) {
        double mu = config.momentum();
        boolean first = !hasBuffer("previous");
        double[][] previous = buffer("previous", x);
        if (first) {
            for (int p = 0; p < x.length; p++) {
                System.arraycopy(x[p], 0, previous[p], 0, x[p].length); // x_{−1} = x_0
            }
        }
        double[][] g = scratch("grad", x);
        double value = f.evaluate(x, g);
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                double xt = x[p][i];
                x[p][i] = xt - eta * g[p][i] + mu * (xt - previous[p][i]); // x_{t+1} = x_t − η g + μ(x_t − x_{t−1})
                previous[p][i] = xt;
            }
        }
        return value;
    }
}
