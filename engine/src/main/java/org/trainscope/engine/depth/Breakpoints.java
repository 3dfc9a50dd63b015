package org.trainscope.engine.depth;

import java.util.Arrays;
import java.util.List;

import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.DenseLayer;
import org.trainscope.engine.nn.Flat;
import org.trainscope.engine.nn.Network;

/**
 * The exact function of a one-input, one-output network of RELU and IDENTITY layers on an interval [a, b], read
 * from its weights. Every unit's pre-activation is piecewise linear in x; a layer keeps a common knot list and
 * every unit's value at each knot. z = W·o + b maps knot values to knot values (affine maps keep knots); a ReLU adds
 * a knot where a unit's pre-activation changes sign between two knots (x = x_i − z_i·(x_{i+1} − x_i)/(z_{i+1} − z_i))
 * and interpolates every unit there. This is how a ReLU network's breakpoints arise (Telgarsky 2016, §2): so pieces
 * and teeth are counted from the network itself, not sampled.
 */
public final class Breakpoints {
    private Breakpoints() {
    }

    /** The output of {@code net} on [a, b] as an exact piecewise-linear function. */
    public static PiecewiseLinear of(Network net, double a, double b) {
        if (net.inputSize() != 1 || net.outputSize() != 1) {
            throw new IllegalArgumentException("need a network R → R, got " + net.inputSize() + " → " + net.outputSize());
        }
        double[] knots = {a, b};
        double[][] values = {{a, b}};                                  // o_0 = x at the knots
        for (DenseLayer layer : net.layers()) {
            double[][] w = rows(layer);
            double[] bias = Flat.toArrays(List.of(layer.bias()))[0];
            double[][] z = new double[w.length][knots.length];
            for (int u = 0; u < w.length; u++) {
                for (int k = 0; k < knots.length; k++) {
                    double s = bias[u];                                // z_u = Σ_v W_uv·o_v + b_u
                    for (int v = 0; v < values.length; v++) {
                        s += w[u][v] * values[v][k];
                    }
                    z[u][k] = s;
                }
            }
            if (layer.activation() == Activation.RELU) {
                double[] merged = withSignChanges(knots, z);
                double[][] zMerged = interpolate(knots, z, merged);
                pinCrossings(knots, z, merged, zMerged);
                z = zMerged;
                knots = merged;
                for (double[] unit : z) {
                    for (int k = 0; k < unit.length; k++) {
                        unit[k] = Math.max(0.0, unit[k]);              // o = r(z)
                    }
                }
            } else if (layer.activation() != Activation.IDENTITY) {
                throw new IllegalArgumentException("only RELU and IDENTITY layers are piecewise linear, got " + layer.activation());
            }
            values = z;
        }
        return new PiecewiseLinear(knots, values[0]);
    }

    private static double[][] rows(DenseLayer layer) {
        double[] flat = Flat.toArrays(List.of(layer.weights()))[0];
        int out = layer.fanOut();
        int in = layer.fanIn();
        double[][] w = new double[out][in];
        for (int u = 0; u < out; u++) {
            System.arraycopy(flat, u * in, w[u], 0, in);
        }
        return w;
    }

    /** The knots plus every point strictly between two knots where some unit's z crosses 0, sorted, distinct. */
    private static double[] withSignChanges(double[] knots, double[][] z) {
        double[] extra = new double[knots.length];
        int n = 0;
        for (double[] unit : z) {
            for (int k = 0; k + 1 < knots.length; k++) {
                double z0 = unit[k];
                double z1 = unit[k + 1];
                if ((z0 < 0 && z1 > 0) || (z0 > 0 && z1 < 0)) {
                    double x = knots[k] - z0 * ((knots[k + 1] - knots[k]) / (z1 - z0));   // z(x) = 0
                    if (x > knots[k] && x < knots[k + 1]) {
                        if (n == extra.length) {
                            extra = Arrays.copyOf(extra, 2 * n);
                        }
                        extra[n++] = x;
                    }
                }
            }
        }
        double[] all = Arrays.copyOf(knots, knots.length + n);
        System.arraycopy(extra, 0, all, knots.length, n);
        Arrays.sort(all);
        int m = 0;
        for (int i = 0; i < all.length; i++) {
            if (m == 0 || all[i] != all[m - 1]) {
                all[m++] = all[i];
            }
        }
        return Arrays.copyOf(all, m);
    }

    /** Sets each unit's z to exactly 0 at its own crossings, so rounding cannot fake a sign change downstream. */
    private static void pinCrossings(double[] knots, double[][] z, double[] merged, double[][] zMerged) {
        for (int u = 0; u < z.length; u++) {
            for (int k = 0; k + 1 < knots.length; k++) {
                double z0 = z[u][k];
                double z1 = z[u][k + 1];
                if ((z0 < 0 && z1 > 0) || (z0 > 0 && z1 < 0)) {
                    int j = Arrays.binarySearch(merged, knots[k] - z0 * ((knots[k + 1] - knots[k]) / (z1 - z0)));
                    if (j >= 0) {
                        zMerged[u][j] = 0.0;
                    }
                }
            }
        }
    }

    /** Every unit's piecewise-linear z, given at {@code knots}, evaluated at {@code merged} (a superset). */
    private static double[][] interpolate(double[] knots, double[][] z, double[] merged) {
        double[][] out = new double[z.length][merged.length];
        int k = 0;
        for (int j = 0; j < merged.length; j++) {
            double x = merged[j];
            while (k + 1 < knots.length - 1 && knots[k + 1] <= x) {
                k++;
            }
            boolean atKnot = x == knots[k] || x == knots[k + 1];
            int at = x == knots[k + 1] ? k + 1 : k;
            double t = (x - knots[k]) / (knots[k + 1] - knots[k]);
            for (int u = 0; u < z.length; u++) {
                out[u][j] = atKnot ? z[u][at] : z[u][k] + (z[u][k + 1] - z[u][k]) * t;
            }
        }
        return out;
    }
}
