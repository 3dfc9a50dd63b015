package org.trainscope.engine.optim;

/**
 * Heavy-ball momentum (Polyak 1964; lecture 003): x_{t+1} = x_t − η_t∇f(x_t) + μ(x_t − x_{t−1}), x_{−1} = x_0.
 *
 * <p>Kept as the last step δ_t = x_t − x_{t−1} (δ_0 = 0), which makes it three BLAS calls on a large vector:
 * δ_{t+1} = μδ_t − η_t∇f(x_t), x_{t+1} = x_t + δ_{t+1}. Each gradient keeps the η it was taken with; compare
 * {@link SgdMomentum}.
 */
final class HeavyBall extends Optimizer {
    private final Vector delta = buffer("delta");

    HeavyBall(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
    }

    @Override
    protected double update(double eta) {
        double value = gradientAt(x);
        delta.scale(config.momentum()); // δ ← μδ
        delta.axpy(-eta, g);            // δ ← μδ − η g
        x.axpy(1, delta);               // x_{t+1} = x_t + δ
        return value;
    }
}
