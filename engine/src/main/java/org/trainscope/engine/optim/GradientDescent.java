package org.trainscope.engine.optim;

/** Gradient descent (lecture 003): x ← x − η∇f(x). */
final class GradientDescent extends Optimizer {
    GradientDescent(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected double update(double[][] x, Objective f, double eta) {
        double[][] g = scratch("grad", x);
        double value = f.evaluate(x, g);
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                x[p][i] -= eta * g[p][i]; // x ← x − η g
            }
        }
        return value;
    }
}
