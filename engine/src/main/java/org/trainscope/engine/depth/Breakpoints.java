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
        List<DenseLayer> layers = net.layers();
        double[] knots = {a, b};
        double[][] z = affine(layers.get(0), new double[][] {{a, b}});      // z_1 = W_1·x + b_1 at the knots
        for (int t = 0; t < layers.size(); t++) {
            Activation sigma = layers.get(t).activation();
            boolean last = t == layers.size() - 1;
            if (sigma == Activation.IDENTITY) {
                if (!last) {
                    z = affine(layers.get(t + 1), z);
                }
            } else if (sigma == Activation.RELU) {
                double[] merged = withSignChanges(knots, z);
                z = last ? relu(interpolate(knots, z, merged)) : nextLayer(knots, z, merged, layers.get(t + 1));
                knots = merged;
            } else {
                throw new IllegalArgumentException("only RELU and IDENTITY layers are piecewise linear, got " + sigma);
            }
        }
        return new PiecewiseLinear(knots, z[0]);
    }

    /** z = W·o + b at every knot. */
    private static double[][] affine(DenseLayer layer, double[][] o) {
        double[][] w = rows(layer);
        double[] bias = Flat.toArrays(List.of(layer.bias()))[0];
        int n = o[0].length;
        double[][] z = new double[w.length][n];
        for (int u = 0; u < w.length; u++) {
            for (int k = 0; k < n; k++) {
                double s = bias[u];                                            // z_u = Σ_v W_uv·o_v + b_u
                for (int v = 0; v < o.length; v++) {
                    s += w[u][v] * o[v][k];
                }
                z[u][k] = s;
            }
        }
        return z;
    }

    /**
     * The next layer's z' = W'·r(z) + b' at the merged knots, one knot at a time, so that a wide layer (a depth-2
     * interpolant of 10,000 units) never holds units × knots numbers. Each unit is exactly 0 at its own crossing.
     */
    private static double[][] nextLayer(double[] knots, double[][] z, double[] merged, DenseLayer next) {
        double[][] w = rows(next);
        double[] bias = Flat.toArrays(List.of(next.bias()))[0];
        double[][] out = new double[w.length][merged.length];
        double[] o = new double[z.length];
        int k = 0;
        for (int j = 0; j < merged.length; j++) {
            double x = merged[j];
            while (k + 1 < knots.length - 1 && knots[k + 1] <= x) {
                k++;
            }
            for (int u = 0; u < z.length; u++) {
                o[u] = Math.max(0.0, valueAt(knots, z[u], k, x));               // o_u = r(z_u(x))
            }
            for (int u = 0; u < w.length; u++) {
                double s = bias[u];
                for (int v = 0; v < o.length; v++) {
                    s += w[u][v] * o[v];
                }
                out[u][j] = s;
            }
        }
        return out;
    }

    /** z(x) for x in [knots[k], knots[k+1]]: the knot value, 0 at the unit's own crossing, else linear interpolation. */
    private static double valueAt(double[] knots, double[] z, int k, double x) {
        if (x == knots[k]) {
            return z[k];
        }
        if (x == knots[k + 1]) {
            return z[k + 1];
        }
        double z0 = z[k];
        double z1 = z[k + 1];
        if (((z0 < 0 && z1 > 0) || (z0 > 0 && z1 < 0)) && x == crossing(knots[k], knots[k + 1], z0, z1)) {
            return 0.0;
        }
        return z0 + (z1 - z0) * ((x - knots[k]) / (knots[k + 1] - knots[k]));
    }

    /** Where the line through (x0, z0), (x1, z1) meets 0. */
    private static double crossing(double x0, double x1, double z0, double z1) {
        return x0 - z0 * ((x1 - x0) / (z1 - z0));
    }

    private static double[][] relu(double[][] z) {
        for (double[] unit : z) {
            for (int k = 0; k < unit.length; k++) {
                unit[k] = Math.max(0.0, unit[k]);                              // o = r(z)
            }
        }
        return z;
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
                    double x = crossing(knots[k], knots[k + 1], z0, z1);               // z(x) = 0
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

    /** Every unit's piecewise-linear z, given at {@code knots}, evaluated at {@code merged} (a superset). */
    private static double[][] interpolate(double[] knots, double[][] z, double[] merged) {
        double[][] out = new double[z.length][merged.length];
        int k = 0;
        for (int j = 0; j < merged.length; j++) {
            while (k + 1 < knots.length - 1 && knots[k + 1] <= merged[j]) {
                k++;
            }
            for (int u = 0; u < z.length; u++) {
                out[u][j] = valueAt(knots, z[u], k, merged[j]);
            }
        }
        return out;
    }
}
