package org.trainscope.engine.optim;

/**
 * SGD with momentum as torch.optim.SGD(momentum=μ) computes it (dampening 0; Sutskever et al. 2013):
 * v ← μv + ∇f(x), x ← x − η_t v, v_0 = 0 — the form of lecture 001's exponential-learning-rate theorem.
 *
 * <p>With a constant η it is the {@link HeavyBall} (δ_t = −ηv_t). When η changes they differ: here the whole
 * velocity, past gradients included, moves with the current η_t; in the heavy ball each gradient keeps its own.
 */
final class SgdMomentum extends Optimizer {
    private final Vector v = buffer("velocity");

    SgdMomentum(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
    }

    @Override
    protected double update(double eta) {
        double value = gradientAt(x);
        v.scale(config.momentum()); // v ← μv
        v.axpy(1, g);               // v ← μv + g
        x.axpy(-eta, v);            // x ← x − η v
        return value;
    }
}
