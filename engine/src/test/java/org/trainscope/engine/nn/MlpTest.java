package org.trainscope.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.Nd4jRuntime;
import org.trainscope.engine.linalg.TwoCores;

/** The fused cblas MLP against the ND4J {@link Network} (itself gradient-checked) on the same weights and batch. */
class MlpTest {
    private static final double TOL = 1e-5;

    /**
     * Same loss, logits and gradients as Network + SOFTMAX_CROSS_ENTROPY (DOUBLE) on the same FLOAT-representable
     * weights and inputs. The Mlp computes in FLOAT: each stored value carries a relative rounding of at most
     * 2⁻²⁴ ≈ 6e-8, and each sum here has ≤ 7 terms of order 1 over ≤ 3 layers, so ~100 roundings of 6e-8: 1e-5
     * absolute is a bound with room, while a wrong formula is off by O(0.1).
     */
    /**
     * Two halves give the same bits whether the second runs on the helper thread or after the first on the caller:
     * the numbers depend on the batch only, not on the number of cores.
     */
    @Test
    void twoHalvesGiveTheSameBitsOnOneCoreOrTwo() {
        int batch = Mlp.SPLIT_AT + 45;
        float[][] runs = new float[2][];
        double[] losses = new double[2];
        boolean before = TwoCores.enabled();
        try {
            for (int run = 0; run < 2; run++) {
                TwoCores.setEnabled(run == 0);
                Rng rng = new Rng(3);
                Mlp mlp = new Mlp(new int[] {6, 9, 7, 5}, batch);
                mlp.initialize(Init.uniform(rng::nextDouble));
                double[] x = new double[batch * 6];
                int[] y = new int[batch];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextGaussian();
                }
                for (int k = 0; k < batch; k++) {
                    y[k] = rng.nextInt(5);
                }
                mlp.load(x, 0, batch);
                mlp.forward(batch);
                losses[run] = mlp.backward(y, 0, batch);
                List<FloatBuffer> grads = mlp.gradients();
                runs[run] = new float[0];
                for (FloatBuffer g : grads) {
                    float[] part = new float[g.capacity()];
                    g.get(0, part);
                    float[] all = Arrays.copyOf(runs[run], runs[run].length + part.length);
                    System.arraycopy(part, 0, all, runs[run].length, part.length);
                    runs[run] = all;
                }
            }
        } finally {
            TwoCores.setEnabled(before);
        }
        assertEquals(losses[0], losses[1], 0.0);
        assertArrayEquals(runs[0], runs[1], 0f);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {9, Mlp.SPLIT_AT + 45})   // one block, and two halves summed (the helper thread's path)
    void agreesWithTheNd4jNetwork(int batch) {
        Nd4jRuntime.init();                            // DOUBLE defaults for the ND4J reference
        int[] sizes = {5, 7, 6, 4};
        Rng rng = new Rng(11);
        Mlp mlp = new Mlp(sizes, batch);
        mlp.initialize(Init.uniform(rng::nextDouble));
        double[][] params = mlp.parameterArrays();     // exactly the FLOAT weights
        double[] x = new double[batch * sizes[0]];
        int[] y = new int[batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();            // FLOAT-representable, so both nets see the same input
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
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY.value(f.output(), onehot), loss, TOL);
        for (int k = 0; k < batch; k++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(f.output().getDouble(i, k), mlp.output(3).get(k * 4 + i), TOL);
            }
        }
        double[] acc = new double[2];
        mlp.score(y, 0, batch, acc);
        assertEquals(loss * batch, acc[0], batch * TOL);
        List<INDArray> grads = net.backward(f, Loss.SOFTMAX_CROSS_ENTROPY.gradient(f.output(), onehot));
        double[][] expected = Flat.toArrays(grads);
        List<FloatBuffer> got = mlp.gradients();
        for (int p = 0; p < expected.length; p++) {
            for (int i = 0; i < expected[p].length; i++) {
                assertEquals(expected[p][i], got.get(p).get(i), TOL, "gradient " + p + " entry " + i);
            }
        }
    }

    /**
     * A layer taken in two parts — its linear part, then bias and activation — gives the forward pass's bits
     * (tolerance 0): the probe computes the cushions from the linear parts and goes on from them.
     */
    @Test
    void linearThenActivateIsTheForwardPass() {
        int batch = 37;
        Rng rng = new Rng(8);
        Mlp mlp = new Mlp(new int[] {6, 9, 7, 5}, batch);
        mlp.initialize(Init.uniform(rng::nextDouble));
        double[] x = new double[batch * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        mlp.load(x, 0, batch);
        mlp.forward(batch);
        float[][] expected = new float[4][];
        for (int t = 1; t <= 3; t++) {
            expected[t] = new float[batch * mlp.sizes()[t]];
            mlp.output(t).get(0, expected[t]);
        }
        mlp.load(x, 0, batch);
        for (int t = 1; t <= 3; t++) {
            mlp.linear(t, 0, 20);
            mlp.linear(t, 20, batch);
            mlp.activate(t, 0, 20);
            mlp.activate(t, 20, batch);
            float[] got = new float[batch * mlp.sizes()[t]];
            mlp.output(t).get(0, got);
            assertArrayEquals(expected[t], got, 0f, "o_" + t);
        }
    }
}
