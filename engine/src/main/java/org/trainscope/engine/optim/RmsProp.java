package org.trainscope.engine.optim;

/** RMSprop (Tieleman & Hinton 2012): E ← ρE + (1−ρ)g²; x ← x − η g/(√E + ε). */
final class RmsProp extends Optimizer {
    private final Vector meanSquare = buffer("E");
    private final Chunks chunks = new Chunks(x, g, meanSquare);

    RmsProp(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
    }

    @Override
    protected double update(double eta) {
        double rho = config.rho();
        double eps = config.eps();
        double value = gradientAt(x);
        for (Chunks c = chunks.start(); c.next(); ) {
            double[] xs = c.array(0);
            double[] gs = c.array(1);
            double[] ms = c.array(2);
            for (int i = c.from(); i < c.to(); i++) {
                double gi = gs[i];
                ms[i] = rho * ms[i] + (1 - rho) * gi * gi;          // E ← ρE + (1−ρ)g²
                xs[i] -= eta * gi / (Math.sqrt(ms[i]) + eps);       // x ← x − η g/(√E + ε)
            }
        }
        return value;
    }
}
