package org.trainscope.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DenseLayerTest {
    private static final int IN = 4;
    private static final int OUT = 3;
    private static final int B = 5;

    /** W, b, x drawn so that no pre-activation is within the kink margin of 0. */
    private record Point(double[] w, double[] b, double[] x, double[] g) {
    }

    private static Point draw(Random random) {
        while (true) {
            Point p = new Point(GradCheck.uniform(random, OUT * IN, 1.0), GradCheck.uniform(random, OUT, 1.0),
                    GradCheck.uniform(random, IN * B, 2.0), GradCheck.uniform(random, OUT * B, 1.0));
            double[] z = GradCheck.flat(layer(p.w, p.b, Activation.IDENTITY).forward(GradCheck.array(p.x, IN, B))
                    .preActivation());
            if (!GradCheck.nearKink(z, 0.0)) {
                return p;
            }
        }
    }

    private static DenseLayer layer(double[] w, double[] b, Activation sigma) {
        return new DenseLayer(GradCheck.array(w, OUT, IN), GradCheck.array(b, OUT), sigma);
    }

    /** The test objective f = Σ G ⊙ σ(W·x + b·1ᵀ), so dL/do = G. */
    private static double objective(double[] w, double[] b, double[] x, INDArray g, Activation sigma) {
        return layer(w, b, sigma).forward(GradCheck.array(x, IN, B)).output().mul(g).sumNumber().doubleValue();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientsMatchCentralDifferences(Activation sigma) {
        Point p = draw(new Random(31 + sigma.ordinal()));
        INDArray g = GradCheck.array(p.g, OUT, B);
        DenseLayer layer = layer(p.w, p.b, sigma);
        DenseLayer.Gradient grad = layer.backward(layer.forward(GradCheck.array(p.x, IN, B)), g);

        assertArrayEquals(new long[] {OUT, IN}, grad.weights().shape());
        assertArrayEquals(new long[] {OUT}, grad.bias().shape());
        assertArrayEquals(new long[] {IN, B}, grad.input().shape());
        double[] numW = GradCheck.numeric(p.w, v -> objective(v, p.b, p.x, g, sigma));
        double[] numB = GradCheck.numeric(p.b, v -> objective(p.w, v, p.x, g, sigma));
        double[] numX = GradCheck.numeric(p.x, v -> objective(p.w, p.b, v, g, sigma));
        assertTrue(GradCheck.relativeError(GradCheck.flat(grad.weights()), numW) < GradCheck.TOLERANCE, "∇W");
        assertTrue(GradCheck.relativeError(GradCheck.flat(grad.bias()), numB) < GradCheck.TOLERANCE, "∇b");
        assertTrue(GradCheck.relativeError(GradCheck.flat(grad.input()), numX) < GradCheck.TOLERANCE, "dL/dx");
        double size = maxAbs(numW) + maxAbs(numB) + maxAbs(numX);
        if (sigma == Activation.STEP) {
            assertEquals(0.0, size, 0.0, "no gradient flows through a step");
        } else {
            assertTrue(size > 0.1, "a vacuous check: all gradients ≈ 0");
        }
    }

    @Test
    void forwardsDoNotClobberEachOther() {
        Point p = draw(new Random(32));
        DenseLayer layer = layer(p.w, p.b, Activation.TANH);
        DenseLayer.Cache first = layer.forward(GradCheck.array(p.x, IN, B));
        double[] firstOutput = GradCheck.flat(first.output());
        double[] firstZ = GradCheck.flat(first.preActivation());
        DenseLayer.Cache second = layer.forward(Nd4j.zeros(DataType.DOUBLE, IN, B));
        assertArrayEquals(firstOutput, GradCheck.flat(first.output()), 0.0);
        assertArrayEquals(firstZ, GradCheck.flat(first.preActivation()), 0.0);
        assertArrayEquals(p.x, GradCheck.flat(first.input()), 0.0);
        // z = W·0 + b: each column is b
        double[] z2 = GradCheck.flat(second.preActivation());
        for (int i = 0; i < OUT; i++) {
            for (int j = 0; j < B; j++) {
                assertEquals(p.b[i], z2[i * B + j], 0.0);
            }
        }
    }

    @Test
    void rejectsFloatParametersAndBadShapes() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, OUT, IN);
        INDArray b = Nd4j.zeros(DataType.DOUBLE, OUT);
        assertThrows(IllegalArgumentException.class, () -> new DenseLayer(w, b, Activation.RELU));
        assertThrows(IllegalArgumentException.class,
                () -> new DenseLayer(Nd4j.zeros(DataType.DOUBLE, OUT, IN), Nd4j.zeros(DataType.DOUBLE, IN),
                        Activation.RELU));
        DenseLayer ok = new DenseLayer(Nd4j.zeros(DataType.DOUBLE, OUT, IN), b, Activation.RELU);
        assertThrows(IllegalArgumentException.class, () -> ok.forward(Nd4j.zeros(DataType.DOUBLE, OUT, B)));
        assertEquals(OUT * IN + OUT, ok.parameterCount());
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
