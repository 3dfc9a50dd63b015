package org.trainscope.engine.optim;

/**
 * The continuous gradient flow dx/dt = −∇f(x) (lecture 003, "Path of gradient descent"), of which gradient descent
 * is the Euler discretization. One step advances time by η_t exactly, so after k steps of a constant η the flow is
 * at time t = kη and can be compared point by point with the discrete rules.
 *
 * <p>Integrated by classical RK4 with adaptive step doubling: a step of size h is compared with two of size h/2;
 * the difference /15 estimates the local error (RK4 is 4th order), steps are accepted when it is below
 * {@value #TOLERANCE}·(1 + |x|∞), and the accepted value is Richardson-extrapolated. The internal step size
 * carries over between calls and is part of the snapshot.
 */
final class GradientFlow extends Optimizer {
    static final double TOLERANCE = 1e-11;
    private static final int MAX_SUBSTEPS = 200_000;

    GradientFlow(OptimizerConfig config) {
        super(config);
    }

    @Override
    protected double update(double[][] x, Objective f, double eta) {
        double[][] k = scratch("k", x);
        double value = f.evaluate(x, k);
        double remaining = eta;
        double h = Math.min(scalar("h", eta), eta);
        double[][] full = scratch("full", x);
        double[][] half = scratch("half", x);
        for (int n = 0; remaining > 0; n++) {
            if (n > MAX_SUBSTEPS || !Double.isFinite(h) || h <= eta * 1e-14) {
                fill(x, Double.NaN); // the flow left every scale we can follow: report it as diverged
                return value;
            }
            double hs = Math.min(h, remaining); // the last sub-step lands exactly on t + η
            copy(x, full);
            rk4(full, hs, f);
            copy(x, half);
            rk4(half, hs / 2, f);
            rk4(half, hs / 2, f);
            double err = 0.0;
            double scale = 1.0;
            for (int p = 0; p < x.length; p++) {
                for (int i = 0; i < x[p].length; i++) {
                    err = Math.max(err, Math.abs(half[p][i] - full[p][i]) / 15.0);
                    scale = Math.max(scale, Math.abs(half[p][i]));
                }
            }
            if (Double.isNaN(err)) {
                fill(x, Double.NaN);
                return value;
            }
            double tol = TOLERANCE * scale;
            double factor = err == 0.0 ? 2.0 : 0.9 * StrictMath.pow(tol / err, 0.2);
            if (err <= tol) {
                for (int p = 0; p < x.length; p++) {
                    for (int i = 0; i < x[p].length; i++) {
                        x[p][i] = half[p][i] + (half[p][i] - full[p][i]) / 15.0; // Richardson extrapolation
                    }
                }
                remaining -= hs;
                // a sub-step cut short to land on t + η says nothing against the step size: never shrink for it
                h = Math.max(hs == h ? 0 : h, hs * Math.min(2.0, factor));
            } else {
                h = hs * Math.max(0.2, factor);
            }
        }
        setScalar("h", h);
        return value;
    }

    /** One classical Runge–Kutta step of dx/dt = −∇f(x): x ← x + (h/6)(k₁ + 2k₂ + 2k₃ + k₄). */
    private void rk4(double[][] x, double h, Objective f) {
        double[][] k1 = scratch("k1", x);
        double[][] k2 = scratch("k2", x);
        double[][] k3 = scratch("k3", x);
        double[][] k4 = scratch("k4", x);
        double[][] y = scratch("y", x);
        f.evaluate(x, k1);               // k₁ = ∇f(x)   (the velocity is −k)
        axpy(x, -h / 2, k1, y);
        f.evaluate(y, k2);               // k₂ = ∇f(x − (h/2)k₁)
        axpy(x, -h / 2, k2, y);
        f.evaluate(y, k3);               // k₃ = ∇f(x − (h/2)k₂)
        axpy(x, -h, k3, y);
        f.evaluate(y, k4);               // k₄ = ∇f(x − h k₃)
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                x[p][i] -= h / 6 * (k1[p][i] + 2 * k2[p][i] + 2 * k3[p][i] + k4[p][i]);
            }
        }
    }

    /** out = x + a·d. */
    private static void axpy(double[][] x, double a, double[][] d, double[][] out) {
        for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < x[p].length; i++) {
                out[p][i] = x[p][i] + a * d[p][i];
            }
        }
    }

    private static void copy(double[][] from, double[][] to) {
        for (int p = 0; p < from.length; p++) {
            System.arraycopy(from[p], 0, to[p], 0, from[p].length);
        }
    }

    private static void fill(double[][] x, double v) {
        for (double[] row : x) {
            java.util.Arrays.fill(row, v);
        }
    }
}
