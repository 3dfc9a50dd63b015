package org.trainscope.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.DoubleBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.experiment.Rng;

/** The fused cblas MLP against the ND4J {@link Network} (itself gradient-checked) on the same weights and batch. */
class MlpTest {
    /**
     * Same loss, logits and gradients as Network + SOFTMAX_CROSS_ENTROPY. Both compute the same sums in DOUBLE in
     * different orders (GEMM blocking), so they agree to a few ulps of the largest terms: 1e-12 absolute on values
     * of order 1 leaves room for ~1e3 roundings.
     */
    @Test
    void agreesWithTheNd4jNetwork() {
        int[] sizes = {5, 7, 6, 4};
        int batch = 9;
        Rng rng = new Rng(11);
        Mlp mlp = new Mlp(sizes, 16);
        mlp.initialize(Init.uniform(rng::nextDouble));
        double[][] params = mlp.parameterArrays();
        double[] x = new double[batch * sizes[0]];
        int[] y = new int[batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int k = 0; k < batch; k++) {
            y[k] = rng.nextInt(4);
        }
        mlp.load(x, 0, batch);
        mlp.forward(batch);
        double loss = mlp.backward(y, 0, batch);

        Network net = Network.of(sizes, Activation.RELU, Activation.IDENTITY, Init.uniform(() -> 0.5));
        Flat.copy(params, net.parameters());
        // column k of the ND4J batch is example k: the row-major n×d array is the column-major d×n matrix
        INDArray xb = Nd4j.create(x, new long[] {batch, sizes[0]}, 'c').transpose().dup('c');
        INDArray onehot = Nd4j.zeros(4, batch);
        for (int k = 0; k < batch; k++) {
            onehot.putScalar(y[k], k, 1.0);
        }
        Network.Forward f = net.forward(xb);
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY.value(f.output(), onehot), loss, 1e-12);
        for (int k = 0; k < batch; k++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(f.output().getDouble(i, k), mlp.output(3).get(k * 4 + i), 1e-12);
            }
        }
        double[] acc = new double[2];
        mlp.score(y, 0, batch, acc);
        assertEquals(loss * batch, acc[0], 1e-12);
        List<INDArray> grads = net.backward(f, Loss.SOFTMAX_CROSS_ENTROPY.gradient(f.output(), onehot));
        double[][] expected = Flat.toArrays(grads);
        List<DoubleBuffer> got = mlp.gradients();
        for (int p = 0; p < expected.length; p++) {
            for (int i = 0; i < expected[p].length; i++) {
                assertEquals(expected[p][i], got.get(p).get(i), 1e-12, "gradient " + p + " entry " + i);
            }
        }
    }
}
