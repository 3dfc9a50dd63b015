package org.trainscope.engine.optim;

/**
 * The continuous gradient flow dx/dt = −∇f(x) (lecture 003, "Path of gradient descent"), of which gradient descent
 * is the Euler discretization. One step advances time by η_t exactly, so after k steps of a constant η the flow is
 * at time t = kη and can be compared point by point with the discrete rules.
 *
 * <p>Integrated by classical RK4 with adaptive step doubling: a step of size h is compared with two of size h/2;
 * the difference /15 estimates the local error (RK4 is 4th order), steps are accepted when it is below
 * {@value #TOLERANCE}·(1 + |x|∞), and the accepted value is Richardson-extrapolated. The internal step size
 * carries over between calls and is part of the snapshot. Needs DOUBLE parameters: FLOAT rounding (~1e-7) is far
 * above the tolerance, so the step size would shrink without end. Not offered for training (four gradient
 * evaluations per sub-step, on a minibatch that changes between steps): it is the landscape's reference curve.
 */
final class GradientFlow extends Optimizer {
    static final double TOLERANCE = 1e-11;
    private static final int MAX_SUBSTEPS = 200_000;

    private final double[] h = {Double.NaN};     // the adaptive step size carried between steps (NaN: not yet)
    private final Vector gradX = scratch();      // ∇f at the current x: k₁ of both the full and the first half step
    private final Vector full = scratch();
    private final Vector half = scratch();
    private final Vector y = scratch();          // a Runge–Kutta stage point
    private final Vector kSum = scratch();       // k₁ + 2k₂ + 2k₃ + k₄, summed as the k's come
    private final Chunks error = new Chunks(half, full);
    private final Chunks extrapolate = new Chunks(x, half, full);

    GradientFlow(OptimizerConfig config, Vector x, Vector g) {
        super(config, x, g);
        if (x.isFloat()) {
            throw new IllegalArgumentException("the gradient flow integrates to " + TOLERANCE + " and needs DOUBLE "
                    + "parameters, not FLOAT");
        }
        buffer("h", Vector.of(h));
    }

    @Override
    protected double update(double eta) {
        double value = gradientAt(x);
        gradX.copyFrom(g);
        double remaining = eta;
        double step = Math.min(Double.isNaN(h[0]) ? eta : h[0], eta);
        for (int n = 0; remaining > 0; n++) {
            if (n > MAX_SUBSTEPS || !Double.isFinite(step) || step <= eta * 1e-14) {
                x.fill(Double.NaN); // the flow left every scale we can follow: report it as diverged
                return value;
            }
            double hs = Math.min(step, remaining); // the last sub-step lands exactly on t + η
            full.copyFrom(x);
            rk4(full, hs, gradX);
            half.copyFrom(x);
            rk4(half, hs / 2, gradX);
            rk4(half, hs / 2, null);
            double err = 0.0;
            double scale = 1.0;
            for (Chunks c = error.start(); c.next(); ) {
                double[] hv = c.array(0);
                double[] fv = c.array(1);
                for (int i = c.from(); i < c.to(); i++) {
                    err = Math.max(err, Math.abs(hv[i] - fv[i]) / 15.0);
                    scale = Math.max(scale, Math.abs(hv[i]));
                }
            }
            if (Double.isNaN(err)) {
                x.fill(Double.NaN);
                return value;
            }
            double tol = TOLERANCE * scale;
            // 0.9·(tol/err)^{1/5}, by exp and log: StrictMath.pow allocates (JDK 17's FdLibm.Pow) and this runs per sub-step
            double factor = err == 0.0 ? 2.0 : 0.9 * StrictMath.exp(0.2 * StrictMath.log(tol / err));
            if (err <= tol) {
                for (Chunks c = extrapolate.start(); c.next(); ) {
                    double[] xs = c.array(0);
                    double[] hv = c.array(1);
                    double[] fv = c.array(2);
                    for (int i = c.from(); i < c.to(); i++) {
                        xs[i] = hv[i] + (hv[i] - fv[i]) / 15.0; // Richardson extrapolation
                    }
                }
                remaining -= hs;
                if (remaining > 0) {
                    gradientAt(x);
                    gradX.copyFrom(g);
                }
                // a sub-step cut short to land on t + η says nothing against the step size: never shrink for it
                step = Math.max(hs == step ? 0 : step, hs * Math.min(2.0, factor));
            } else {
                step = hs * Math.max(0.2, factor);
            }
        }
        h[0] = step;
        return value;
    }

    /**
     * One classical Runge–Kutta step of dx/dt = −∇f(x): p ← p − (s/6)(k₁ + 2k₂ + 2k₃ + k₄), with k₁ given if
     * known (null: computed here).
     */
    private void rk4(Vector p, double s, Vector k1) {
        if (k1 == null) {
            gradientAt(p);
            k1 = g;
        }
        kSum.copyFrom(k1);           // k₁ = ∇f(p)   (the velocity is −k)
        y.setToSum(p, -s / 2, k1);
        gradientAt(y);              // k₂ = ∇f(p − (s/2)k₁)
        kSum.axpy(2, g);
        y.setToSum(p, -s / 2, g);
        gradientAt(y);              // k₃ = ∇f(p − (s/2)k₂)
        kSum.axpy(2, g);
        y.setToSum(p, -s, g);
        gradientAt(y);              // k₄ = ∇f(p − s k₃)
        kSum.axpy(1, g);
        p.axpy(-s / 6, kSum);        // p ← p − (s/6)(k₁ + 2k₂ + 2k₃ + k₄)
    }
}
