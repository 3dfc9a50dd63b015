package org.trainscope.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class NetworkTest {
    private static final int[] SIZES = {3, 5, 4, 2};    // three layers
    private static final int B = 4;

    /** A network, a batch and targets whose pre-activations (and hinge margins) are all away from the kinks. */
    private record Problem(Network net, INDArray x, INDArray y) {
    }

    private static Problem draw(Random random, Activation hidden, Activation output, Loss loss) {
        while (true) {
            Network net = Network.of(SIZES, hidden, output, Init.uniform(random::nextDouble));
            INDArray x = GradCheck.array(GradCheck.uniform(random, SIZES[0] * B, 2.0), SIZES[0], B);
            double[] y = new double[SIZES[3] * B];
            for (int i = 0; i < y.length; i++) {
                y[i] = switch (loss) {
                    case HINGE -> random.nextBoolean() ? 1 : -1;
                    case SOFTMAX_CROSS_ENTROPY -> i < B ? 1 : 0;     // every example in class 0 (2 classes)
                    default -> 2 * random.nextDouble() - 1;
                };
            }
            Network.Forward f = net.forward(x);
            boolean nearKink = f.caches().stream()
                    .anyMatch(c -> GradCheck.nearKink(GradCheck.flat(c.preActivation()), 0.0));
            double[] margins = GradCheck.flat(f.output().mul(GradCheck.array(y, SIZES[3], B)));
            if (!nearKink && !(loss == Loss.HINGE && GradCheck.nearKink(margins, 1.0))) {
                return new Problem(net, x, GradCheck.array(y, SIZES[3], B));
            }
        }
    }

    /** Backprop against central differences over every parameter, perturbed through {@link Flat}. */
    private static void check(Problem p, Loss loss, String what) {
        Network.Forward forward = p.net.forward(p.x);
        List<INDArray> grads = p.net.backward(forward, loss.gradient(forward.output(), p.y));
        double[][] analytic = Flat.toArrays(grads);
        double[][] theta = Flat.toArrays(p.net.parameters());
        double total = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] numeric = GradCheck.numeric(theta[k], v -> {
                Flat.copy(theta, p.net.parameters());
                return loss.value(p.net.forward(p.x).output(), p.y);
            });
            Flat.copy(theta, p.net.parameters());
            double error = GradCheck.relativeError(analytic[k], numeric);
            assertTrue(error < GradCheck.TOLERANCE, what + ": parameter " + k + " error " + error);
            for (double g : numeric) {
                total += Math.abs(g);
            }
        }
        assertTrue(total > 0, what + ": all gradients zero, the check is vacuous");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void hiddenActivationEndToEnd(Activation hidden) {
        check(draw(new Random(41 + hidden.ordinal()), hidden, Activation.IDENTITY, Loss.SQUARED),
                Loss.SQUARED, hidden + " hidden");
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "STEP", mode = EnumSource.Mode.EXCLUDE)
    void outputActivationEndToEnd(Activation output) {
        check(draw(new Random(51 + output.ordinal()), Activation.TANH, output, Loss.SQUARED),
                Loss.SQUARED, output + " output");
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void lossEndToEnd(Loss loss) {
        check(draw(new Random(61 + loss.ordinal()), Activation.SOFTPLUS, Activation.IDENTITY, loss), loss,
                loss + " loss");
    }

    @Test
    void stepEverywhereGivesZeroGradients() {
        Problem p = draw(new Random(71), Activation.STEP, Activation.STEP, Loss.SQUARED);
        Network.Forward f = p.net.forward(p.x);
        for (double[] g : Flat.toArrays(p.net.backward(f, Loss.SQUARED.gradient(f.output(), p.y)))) {
            for (double v : g) {
                assertEquals(0.0, v, 0.0);
            }
        }
    }

    /**
     * x = (1, 2), W1 = [[1, −1], [0.5, 0.5]], b1 = (0, 1), ReLU; W2 = [2, −1], b2 = 0.5, identity; y = 1, squared loss.
     * By hand: z1 = (−1, 2.5), o1 = (0, 2.5), ŷ = −2, L = ½·9 = 4.5, dL/dŷ = −3; ∇W2 = −3·o1ᵀ = (0, −7.5), ∇b2 = −3;
     * dL/do1 = W2ᵀ·(−3) = (−6, 3), δ_z1 = (0, 3) (ReLU' = (0, 1)); ∇W1 = δ_z1·xᵀ = [[0, 0], [3, 6]], ∇b1 = (0, 3).
     */
    @Test
    void handComputedTwoLayerExample() {
        DenseLayer l1 = new DenseLayer(GradCheck.array(new double[] {1, -1, 0.5, 0.5}, 2, 2),
                GradCheck.array(new double[] {0, 1}, 2), Activation.RELU);
        DenseLayer l2 = new DenseLayer(GradCheck.array(new double[] {2, -1}, 1, 2),
                GradCheck.array(new double[] {0.5}, 1), Activation.IDENTITY);
        Network net = new Network(List.of(l1, l2));
        INDArray x = GradCheck.array(new double[] {1, 2}, 2, 1);
        INDArray y = GradCheck.array(new double[] {1}, 1, 1);
        Network.Forward f = net.forward(x);
        assertArrayEquals(new double[] {-1, 2.5}, GradCheck.flat(f.caches().get(0).preActivation()), 1e-15);
        assertArrayEquals(new double[] {0, 2.5}, GradCheck.flat(f.caches().get(0).output()), 1e-15);
        assertEquals(-2.0, f.output().getDouble(0, 0), 1e-15);
        assertEquals(4.5, Loss.SQUARED.value(f.output(), y), 1e-15);
        double[][] g = Flat.toArrays(net.backward(f, Loss.SQUARED.gradient(f.output(), y)));
        assertArrayEquals(new double[] {0, 0, 3, 6}, g[0], 1e-15);
        assertArrayEquals(new double[] {0, 3}, g[1], 1e-15);
        assertArrayEquals(new double[] {0, -7.5}, g[2], 1e-15);
        assertArrayEquals(new double[] {-3}, g[3], 1e-15);
        DenseLayer.Gradient g1 = l1.backward(f.caches().get(0), GradCheck.array(new double[] {-6, 3}, 2, 1));
        assertArrayEquals(new double[] {1.5, 1.5}, GradCheck.flat(g1.input()), 1e-15);  // W1ᵀ·δ_z1
    }

    @Test
    void parametersAreOrderedAndCounted() {
        Network net = Network.of(SIZES, Activation.RELU, Activation.IDENTITY, Init.uniform(new Random(1)::nextDouble));
        List<INDArray> p = net.parameters();
        assertEquals(6, p.size());
        for (int t = 1; t < SIZES.length; t++) {
            assertArrayEquals(new long[] {SIZES[t], SIZES[t - 1]}, p.get(2 * t - 2).shape());
            assertArrayEquals(new long[] {SIZES[t]}, p.get(2 * t - 1).shape());
            assertTrue(p.get(2 * t - 2) == net.layers().get(t - 1).weights());
            assertEquals(DataType.DOUBLE, p.get(2 * t - 2).dataType());
        }
        assertEquals(5 * 3 + 5 + 4 * 5 + 4 + 2 * 4 + 2, net.parameterCount());
        assertEquals(3, net.inputSize());
        assertEquals(2, net.outputSize());
        assertEquals(Activation.RELU, net.layers().get(1).activation());
        assertEquals(Activation.IDENTITY, net.layers().get(2).activation());
        List<INDArray> grads = net.backward(net.forward(GradCheck.array(new double[12], 3, 4)),
                GradCheck.array(new double[8], 2, 4));
        for (int k = 0; k < p.size(); k++) {
            assertArrayEquals(p.get(k).shape(), grads.get(k).shape(), "gradient " + k);
        }
    }

    @Test
    void uniformInitIsBoundedAndSeeded() {
        Network a = Network.of(SIZES, Activation.TANH, Activation.IDENTITY, Init.uniform(new Random(7)::nextDouble));
        Network b = Network.of(SIZES, Activation.TANH, Activation.IDENTITY, Init.uniform(new Random(7)::nextDouble));
        Network c = Network.of(SIZES, Activation.TANH, Activation.IDENTITY, Init.uniform(new Random(8)::nextDouble));
        double[][] pa = Flat.toArrays(a.parameters());
        assertTrue(java.util.Arrays.deepEquals(pa, Flat.toArrays(b.parameters())), "same seed, same network");
        assertFalse(java.util.Arrays.deepEquals(pa, Flat.toArrays(c.parameters())), "other seed, other network");
        for (int k = 0; k < pa.length; k++) {
            double bound = 1 / Math.sqrt(SIZES[k / 2]);          // 1/√fan_in, fan_in = d_{t−1}
            double max = 0;
            for (double v : pa[k]) {
                assertTrue(Math.abs(v) <= bound, v + " outside ±" + bound);
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max > 0.3 * bound, "parameters should spread over ±" + bound);
        }
    }

    @Test
    void gaussianInitDrawsSigmaTimesTheSupplierInOrder() {
        double[] counter = {0};
        Network net = Network.of(new int[] {2, 3, 1}, Activation.TANH, Activation.IDENTITY,
                Init.gaussian(0.5, () -> ++counter[0]));
        double[][] p = Flat.toArrays(net.parameters());
        // draws 1..6 → W1 (row-major), 7..9 → b1, 10..12 → W2, 13 → b2; each times σ = 0.5
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, p[0], 0.0);
        assertArrayEquals(new double[] {3.5, 4, 4.5}, p[1], 0.0);
        assertArrayEquals(new double[] {5, 5.5, 6}, p[2], 0.0);
        assertArrayEquals(new double[] {6.5}, p[3], 0.0);
        assertEquals(1.0, net.layers().get(0).weights().getDouble(0, 1), 0.0);   // entry (0, 1) is draw 2
        assertThrows(IllegalArgumentException.class, () -> Init.gaussian(-1, () -> 0));
    }

    @Test
    void rejectsLayersThatDoNotChain() {
        Init init = Init.uniform(new Random(3)::nextDouble);
        assertThrows(IllegalArgumentException.class, () -> new Network(List.of(
                DenseLayer.initialized(2, 3, Activation.RELU, init),
                DenseLayer.initialized(4, 1, Activation.RELU, init))));
        assertThrows(IllegalArgumentException.class, () -> new Network(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Network.of(new int[] {3}, Activation.RELU, Activation.RELU, init));
    }
}
