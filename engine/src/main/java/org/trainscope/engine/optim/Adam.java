package org.trainscope.engine.optim;

/**
 * Adam (Kingma & Ba 2015, Algorithm 1): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ);
 * x ← x − η m̂/(√v̂ + ε), with t counted from 1.
 */
final class Adam extends Optimizer {
    Adam(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected double update(double[][] x, Objective f, double eta) {
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double eps = config.eps();
        long step = t() + 1;
        double correction1 = 1 - StrictMath.pow(beta1, step); // 1 − β₁ᵗ
        double correction2 = 1 - StrictMath.pow(beta2, step); // 1 − β₂ᵗ
        double[][] m = buffer("m", x);
        double[][] v = buffer("v", x);
        double[][] g = scratch("grad", x);
        double value = f.evaluate(x, g);
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                double gi = g[p][i];
                m[p][i] = beta1 * m[p][i] + (1 - beta1) * gi;      // m ← β₁m + (1−β₁)g
                v[p][i] = beta2 * v[p][i] + (1 - beta2) * gi * gi; // v ← β₂v + (1−β₂)g²
                double mHat = m[p][i] / correction1;
                double vHat = v[p][i] / correction2;
                x[p][i] -= eta * mHat / (Math.sqrt(vHat) + eps);   // x ← x − η m̂/(√v̂ + ε)
            }
        }
        return value;
    }
}
