package org.trainscope.engine.depth;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.nn.Network;

/** Evaluating one-output ND4J networks on plain arrays of inputs (one forward pass, one example per column). */
final class Nets {
    private Nets() {
    }

    /** f(x_i) for a network R → R, by one forward pass over the 1×B batch of the x_i. */
    static double[] eval(Network net, double[] xs) {
        INDArray x = Nd4j.create(xs.clone(), new long[] {1, xs.length}, 'c');
        return net.forward(x).output().toDoubleVector();
    }

    /** f(x_i, y_i) for a network R² → R, by one forward pass over the 2×B batch. */
    static double[] eval(Network net, double[] xs, double[] ys) {
        double[] both = new double[2 * xs.length];
        System.arraycopy(xs, 0, both, 0, xs.length);
        System.arraycopy(ys, 0, both, xs.length, ys.length);
        return net.forward(Nd4j.create(both, new long[] {2, xs.length}, 'c')).output().toDoubleVector();
    }

    /** The grid a + i·(b − a)/n, i = 0…n (dyadic, hence exact, when b − a and n are powers of two). */
    static double[] grid(double a, double b, int n) {
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = a + (b - a) * i / n;
        }
        return x;
    }
}
