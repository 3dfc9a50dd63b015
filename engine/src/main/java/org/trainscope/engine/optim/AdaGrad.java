package org.trainscope.engine.optim;

/** AdaGrad (Duchi, Hazan & Singer 2011): G ← G + g²; x ← x − η g/(√G + ε). */
final class AdaGrad extends Optimizer {
    private final Vector sumSquares = buffer("G");
    private final Chunks chunks = new Chunks(x, g, sumSquares);

    AdaGrad(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
    }

    @Override
    protected double update(double eta) {
        double eps = config.eps();
        double value = gradientAt(x);
        for (Chunks c = chunks.start(); c.next(); ) {
            double[] xs = c.array(0);
            double[] gs = c.array(1);
            double[] sum = c.array(2);
            for (int i = c.from(); i < c.to(); i++) {
                double gi = gs[i];
                sum[i] += gi * gi;                               // G ← G + g²
                xs[i] -= eta * gi / (Math.sqrt(sum[i]) + eps);   // x ← x − η g/(√G + ε)
            }
        }
        return value;
    }
}
