package org.trainscope.engine.optim;

/**
 * Adam (Kingma & Ba 2015, Algorithm 1): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ);
 * x ← x − η m̂/(√v̂ + ε), with t counted from 1.
 */
final class Adam extends Optimizer {
    private final Vector m = buffer("m");
    private final Vector v = buffer("v");
    private final Chunks chunks = new Chunks(x, g, m, v);

    Adam(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
    }

    @Override
    protected double update(double eta) {
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double eps = config.eps();
        long step = t() + 1;
        double correction1 = 1 - StrictMath.pow(beta1, step); // 1 − β₁ᵗ
        double correction2 = 1 - StrictMath.pow(beta2, step); // 1 − β₂ᵗ
        double value = gradientAt(x);
        for (Chunks c = chunks.start(); c.next(); ) {
            double[] xs = c.array(0);
            double[] gs = c.array(1);
            double[] ms = c.array(2);
            double[] vs = c.array(3);
            for (int i = c.from(); i < c.to(); i++) {
                double gi = gs[i];
                ms[i] = beta1 * ms[i] + (1 - beta1) * gi;          // m ← β₁m + (1−β₁)g
                vs[i] = beta2 * vs[i] + (1 - beta2) * gi * gi;     // v ← β₂v + (1−β₂)g²
                double mHat = ms[i] / correction1;
                double vHat = vs[i] / correction2;
                xs[i] -= eta * mHat / (Math.sqrt(vHat) + eps);     // x ← x − η m̂/(√v̂ + ε)
            }
        }
        return value;
    }
}
