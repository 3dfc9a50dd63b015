package org.trainscope.engine.optim;

/** Gradient descent (lecture 003): x ← x − η∇f(x). */
final class GradientDescent extends Optimizer {
    GradientDescent(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
    }

    @Override
    protected double update(double eta) {
        double value = gradientAt(x);
        x.axpy(-eta, g); // x ← x − η g
        steppedAlongTheGradient(eta);
        return value;
    }
}
