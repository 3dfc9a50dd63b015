package org.trainscope.engine.optim;

/** RMSprop (Tieleman & Hinton 2012): E ← ρE + (1−ρ)g²; x ← x − η g/(√E + ε). */
final class RmsProp extends Optimizer {
    RmsProp(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected double update(double[][] x, Objective f, double eta) {
        double rho = config.rho();
        double eps = config.eps();
        double[][] meanSquare = buffer("E", x);
        double[][] g = scratch("grad", x);
        double value = f.evaluate(x, g);
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                double gi = g[p][i];
                meanSquare[p][i] = rho * meanSquare[p][i] + (1 - rho) * gi * gi; // E ← ρE + (1−ρ)g²
                x[p][i] -= eta * gi / (Math.sqrt(meanSquare[p][i]) + eps);     // x ← x − η g/(√E + ε)
            }
        }
        return value;
    }
}
