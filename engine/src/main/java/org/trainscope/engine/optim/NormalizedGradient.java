package org.trainscope.engine.optim;

/**
 * Normalized gradient descent: RMSprop (Tieleman &amp; Hinton 2012) on the global gradient norm — one running mean v
 * of ‖g‖² for the whole vector instead of one per coordinate, so every step points along −∇f and only its length
 * adapts: v ← ρv + (1−ρ)‖g‖²; x ← x − η g/(√v + ε). The deep-matrix-factorization experiment's {@code normalized}
 * variant (there ε = 1e-4); its effective step η/(√v + ε) is {@link #stepSize()}.
 *
 * <p>‖g‖² is {@link Vector#dot}, whose summation order depends on the storage (one BLAS call per large native part,
 * a loop otherwise): fixed for a given layout, so a run is reproducible bit for bit, and the very sum
 * {@code DeepFactorization} took before this rule existed (Σ_j ddot(∂ℓ/∂W_j)), so saved sessions keep their bits —
 * but the same numbers on a heap and on a native vector may part in the last bits of v.
 */
final class NormalizedGradient extends Optimizer {
    private final double[] v = new double[1];

    NormalizedGradient(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
        buffer("v", Vector.of(v));
    }

    @Override
    protected double update(double eta) {
        double rho = config.rho();
        double value = gradientAt(x);
        v[0] = rho * v[0] + (1 - rho) * g.dot(g);           // v ← ρv + (1−ρ)‖g‖²
        double step = eta / (Math.sqrt(v[0]) + config.eps()); // η/(√v + ε)
        x.axpy(-step, g);                                     // x ← x − η g/(√v + ε)
        steppedAlongTheGradient(step);
        return value;
    }
}
