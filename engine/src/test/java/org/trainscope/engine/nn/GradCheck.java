package org.trainscope.engine.nn;

import java.util.function.ToDoubleFunction;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences, the independent oracle for every gradient in this package.
 *
 * <p>Why h = 1e-6 and tolerance 1e-6 in DOUBLE: the central difference (f(x+h) − f(x−h))/2h has truncation error
 * h²/6·|f'''| ≈ 1e-13·|f'''| and round-off error ≈ ε·|f|/h ≈ 2e-16·|f|/1e-6 ≈ 1e-10·|f|; both are orders of
 * magnitude below 1e-6 for the O(1) functions tested here, while a wrong formula (a missing factor, transpose or
 * 1/B) is off by O(1). The error is relative, |g − ĝ| / max(1, |g|, |ĝ|), so large gradients are not held to an
 * absolute 1e-6.
 */
final class GradCheck {
    static final double H = 1e-6;
    static final double TOLERANCE = 1e-6;
    /** Test points closer than this to a kink (ReLU/step at 0, hinge at y·ŷ = 1) are redrawn. */
    static final double KINK_MARGIN = 1e-3;

    private GradCheck() {
    }

    /** ∂f/∂x_i by central differences; x is perturbed in place and restored. */
    static double[] numeric(double[] x, ToDoubleFunction<double[]> f) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            x[i] = xi + H;
            double plus = f.applyAsDouble(x);
            x[i] = xi - H;
            double minus = f.applyAsDouble(x);
            x[i] = xi;
            g[i] = (plus - minus) / (2 * H);
        }
        return g;
    }

    /** max_i |g_i − ĝ_i| / max(1, |g_i|, |ĝ_i|). */
    static double relativeError(double[] g, double[] gHat) {
        if (g.length != gHat.length) {
            throw new IllegalArgumentException(g.length + " vs " + gHat.length);
        }
        double worst = 0;
        for (int i = 0; i < g.length; i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(g[i]), Math.abs(gHat[i])));
            worst = Math.max(worst, Math.abs(g[i] - gHat[i]) / scale);
        }
        return worst;
    }

    /** Entries of an array in 'c' order. */
    static double[] flat(INDArray a) {
        return Flat.toArrays(java.util.List.of(a))[0];
    }

    /** A DOUBLE 'c'-order array of the given shape from row-major entries. */
    static INDArray array(double[] values, long... shape) {
        return Nd4j.create(values.clone(), shape, 'c');
    }

    /** n numbers uniform in (−scale, scale). */
    static double[] uniform(java.util.Random random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2 * random.nextDouble() - 1);
        }
        return v;
    }

    /** True if some entry is within {@link #KINK_MARGIN} of {@code kink}. */
    static boolean nearKink(double[] values, double kink) {
        for (double v : values) {
            if (Math.abs(v - kink) < KINK_MARGIN) {
                return true;
            }
        }
        return false;
    }
}
