package org.trainscope.engine.generalization;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.DenseLayer;
import org.trainscope.engine.nn.Network;

/**
 * The playground's net as the params describe it — its input features, its widths and each layer's activation — and
 * what it computes on any points: the features of lecture 003's "Example" (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂),
 * then an {@link Network} of {@link DenseLayer}s with a linear output of one score per class.
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

    /** The features of n points (row-major n×2) as the network's input: d_0×n, one point per column. */
    public INDArray inputs(double[] xy) {
        int n = xy.length / 2;
        int d = features.size();
        double[] out = new double[d * n];
        for (int j = 0; j < d; j++) {
            String f = features.get(j);
            for (int k = 0; k < n; k++) {
                out[j * n + k] = feature(f, xy[2 * k], xy[2 * k + 1]);
            }
        }
        return Nd4j.create(out, new long[] {d, n}, 'c');
    }

    /** Sizes of θ's arrays: W_1, b_1, W_2, b_2, … (W row-major d_t × d_{t−1}). */
    public int[] arraySizes() {
        int[] out = new int[2 * (sizes.length - 1)];
        for (int t = 1; t < sizes.length; t++) {
            out[2 * t - 2] = sizes[t] * sizes[t - 1];
            out[2 * t - 1] = sizes[t];
        }
        return out;
    }

    /** A network holding θ given as one flat vector (W_1, b_1, W_2, b_2, …), as frames carry it. */
    public Network network(double[] theta) {
        List<DenseLayer> layers = new ArrayList<>();
        int off = 0;
        for (int t = 1; t < sizes.length; t++) {
            int w = sizes[t] * sizes[t - 1];
            INDArray weights = Nd4j.create(java.util.Arrays.copyOfRange(theta, off, off + w), new long[] {sizes[t], sizes[t - 1]}, 'c');
            off += w;
            INDArray bias = Nd4j.createFromArray(java.util.Arrays.copyOfRange(theta, off, off + sizes[t]));
            off += sizes[t];
            Activation sigma = t < sizes.length - 1 ? activations.get(t - 1) : Activation.IDENTITY;
            layers.add(new DenseLayer(weights, bias, sigma));
        }
        return new Network(layers);
    }
}
