package org.trainscope.engine.depth;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.DenseLayer;
import org.trainscope.engine.nn.Network;

/**
 * The depth-2 network of the Eldan–Shamir lemma (lecture 002, "Quantitative bounds for ReLU depth-2 networks"): for
 * g L-Lipschitz on [c − R, c + R] and constant outside, take n = ⌈RL/ε⌉, the points x_i = c + iε/L (i = −n…n) and
 * f(x) = g(x_{−n}) + Σ_i [f'(x_i+) − f'(x_i−)]·r(x − x_i), the piecewise-linear interpolant of g at the x_i,
 * constant outside [x_{−n}, x_n]. Then ‖f − g‖∞ ≤ ε with 2n + 1 ≤ 8RL/ε units. (The slide writes the slopes as
 * differences g(x_{i+1}) − g(x_i); the slopes are those differences divided by the spacing ε/L.)
 *
 * @param network the ND4J network 1 → width → 1 (ReLU, then linear)
 * @param points  the interpolation points x_i
 * @param width   the number of hidden units
 */
public record ShallowInterpolant(Network network, double[] points, int width) {

    /** The lemma's bound on the width, 8RL/ε. */
    public static double widthBound(double radius, double lipschitz, double eps) {
        return 8 * radius * lipschitz / eps;
    }

    /**
     * Builds f for g on [centre − radius, centre + radius] (g is read through a clamp to that interval, so it is
     * constant outside it as the lemma assumes).
     */
    public static ShallowInterpolant of(DoubleUnaryOperator g, double centre, double radius, double lipschitz, double eps) {
        DoubleUnaryOperator clamped = x -> g.applyAsDouble(Math.min(centre + radius, Math.max(centre - radius, x)));
        if (2 * radius * lipschitz <= eps) {                                  // a constant is within ε already
            double[][] w = {{0}};
            Network net = new Network(List.of(
                    SawtoothNets.layer(new double[][] {{1}}, new double[] {0}, Activation.RELU),
                    SawtoothNets.layer(w, new double[] {clamped.applyAsDouble(centre - radius)}, Activation.IDENTITY)));
            return new ShallowInterpolant(net, new double[] {centre - radius}, 1);
        }
        int n = (int) Math.ceil(radius * lipschitz / eps);                    // n = ⌈RL/ε⌉
        double h = eps / lipschitz;                                           // spacing ε/L
        double[] x = new double[2 * n + 1];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = centre + (i - n) * h;                                      // x_i = c + iε/L
            y[i] = clamped.applyAsDouble(x[i]);
        }
        return through(x, y);
    }

    /**
     * The depth-2 network through the points (x_i, y_i) (x increasing): one unit r(x − x_i) per point with output
     * weight f'(x_i+) − f'(x_i−), bias y_0; constant before x_0 and after the last point.
     */
    public static ShallowInterpolant through(double[] x, double[] y) {
        int width = x.length;
        double[][] in = new double[width][1];
        double[] bias = new double[width];
        double[][] out = new double[1][width];
        for (int i = 0; i < width; i++) {
            double right = i + 1 < width ? (y[i + 1] - y[i]) / (x[i + 1] - x[i]) : 0.0;   // f'(x_i+), 0 beyond the last
            double left = i > 0 ? (y[i] - y[i - 1]) / (x[i] - x[i - 1]) : 0.0;           // f'(x_i−), 0 before x_0
            in[i][0] = 1.0;
            bias[i] = -x[i];                                                  // r(x − x_i)
            out[0][i] = right - left;                                         // f'(x_i+) − f'(x_i−)
        }
        Network net = new Network(List.of(
                SawtoothNets.layer(in, bias, Activation.RELU),
                SawtoothNets.layer(out, new double[] {y[0]}, Activation.IDENTITY)));  // + f(x_0)
        return new ShallowInterpolant(net, x.clone(), width);
    }

    /** The hidden layer (for drawing). */
    public DenseLayer hidden() {
        return network.layers().get(0);
    }
}
