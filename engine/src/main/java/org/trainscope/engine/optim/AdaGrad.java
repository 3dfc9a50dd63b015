package org.trainscope.engine.optim;

/** AdaGrad (Duchi, Hazan & Singer 2011): G ← G + g²; x ← x − η g/(√G + ε). */
final class AdaGrad extends Optimizer {
    AdaGrad(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected double update(double[][] x, Objective f, double eta) {
        double eps = config.eps();
        double[][] sumSquares = buffer("G", x);
        double[][] g = scratch("grad", x);
        double value = f.evaluate(x, g);
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                double gi = g[p][i];
                sumSquares[p][i] += gi * gi;                               // G ← G + g²
                x[p][i] -= eta * gi / (Math.sqrt(sumSquares[p][i]) + eps); // x ← x − η g/(√G + ε)
            }
        }
        return value;
    }
}
