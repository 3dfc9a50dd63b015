package org.trainscope.engine.generalization;

import java.util.List;

import org.trainscope.engine.nn.Activation;

/**
 * The playground's net as the params describe it — its input features, its widths and each layer's activation — and
 * what it computes on any points: the features of lecture 003's "Example" (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂),
 * then a {@link SmallMlp} with a linear output of one score per class.
 *
 * @param features    the chosen input features, in {@link #FEATURES} order of choice
 * @param sizes       (d_0 = #features, hidden widths …, classes)
 * @param activations σ of each hidden layer
 */
public record PlaygroundNet(List<String> features, int[] sizes, List<Activation> activations) {
    /** The input features a user can pick. */
    public static final List<String> FEATURES = List.of("x1", "x2", "x1sq", "x2sq", "x1x2", "sin_x1", "sin_x2");

    /** Feature {@code name} of the point (x₁, x₂). */
    public static double feature(String name, double x1, double x2) {
        return switch (name) {
            case "x1" -> x1;
            case "x2" -> x2;
            case "x1sq" -> x1 * x1;
            case "x2sq" -> x2 * x2;
            case "x1x2" -> x1 * x2;
            case "sin_x1" -> StrictMath.sin(x1);
            case "sin_x2" -> StrictMath.sin(x2);
            default -> throw new IllegalArgumentException("unknown feature '" + name + "'");
        };
    }

    /** The features of n points (row-major n×2) as the network's input: d_0 × n, one point per column. */
    public double[][] inputs(double[] xy) {
        int n = xy.length / 2;
        double[][] out = new double[features.size()][n];
        for (int j = 0; j < out.length; j++) {
            String f = features.get(j);
            for (int k = 0; k < n; k++) {
                out[j][k] = feature(f, xy[2 * k], xy[2 * k + 1]);
            }
        }
        return out;
    }

    /** The network that computes on these inputs. */
    public SmallMlp mlp() {
        return new SmallMlp(sizes, activations);
    }
}
