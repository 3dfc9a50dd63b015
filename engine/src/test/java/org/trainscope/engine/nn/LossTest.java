package org.trainscope.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class LossTest {
    private static final int K = 3;
    private static final int B = 4;

    /** Targets of the kind each loss expects, K×B in 'c' order. */
    private static double[] targets(Loss loss, Random random) {
        double[] y = new double[K * B];
        switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> {
                for (int j = 0; j < B; j++) {
                    y[random.nextInt(K) * B + j] = 1.0;          // one-hot column j
                }
            }
            case HINGE -> {
                for (int i = 0; i < y.length; i++) {
                    y[i] = random.nextBoolean() ? 1.0 : -1.0;
                }
            }
            default -> y = GradCheck.uniform(random, K * B, 1.0);
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientMatchesCentralDifferences(Loss loss) {
        Random random = new Random(21);
        double[] y = targets(loss, random);
        double[] yHat = GradCheck.uniform(random, K * B, 2.0);
        if (loss == Loss.HINGE) {
            for (int i = 0; i < yHat.length; i++) {
                while (Math.abs(1 - y[i] * yHat[i]) < GradCheck.KINK_MARGIN) {   // away from the kink y·ŷ = 1
                    yHat[i] = 2.0 * (2 * random.nextDouble() - 1);
                }
            }
        }
        INDArray yArr = GradCheck.array(y, K, B);
        double[] analytic = GradCheck.flat(loss.gradient(GradCheck.array(yHat, K, B), yArr));
        double[] numeric = GradCheck.numeric(yHat, v -> loss.value(GradCheck.array(v, K, B), yArr));
        double error = GradCheck.relativeError(analytic, numeric);
        assertTrue(error < GradCheck.TOLERANCE, loss + " gradient error " + error);
        if (loss == Loss.HINGE) {
            assertTrue(maxAbs(analytic) > 0, "some hinge terms must be active for the check to mean anything");
        }
    }

    @Test
    void softmaxCrossEntropyGradientIsSoftmaxMinusTarget() {
        Random random = new Random(22);
        double[] logits = GradCheck.uniform(random, K * B, 3.0);
        double[] y = targets(Loss.SOFTMAX_CROSS_ENTROPY, random);
        double[] g = GradCheck.flat(Loss.SOFTMAX_CROSS_ENTROPY.gradient(GradCheck.array(logits, K, B),
                GradCheck.array(y, K, B)));
        for (int j = 0; j < B; j++) {
            double norm = 0;
            for (int i = 0; i < K; i++) {
                norm += Math.exp(logits[i * B + j]);
            }
            for (int i = 0; i < K; i++) {
                double softmax = Math.exp(logits[i * B + j]) / norm;
                assertEquals((softmax - y[i * B + j]) / B, g[i * B + j], 1e-15);   // (softmax(ŷ) − y)/B
            }
        }
    }

    @Test
    void softmaxCrossEntropyGeneralTargetsMatchCentralDifferences() {
        Random random = new Random(23);
        double[] logits = GradCheck.uniform(random, K * B, 3.0);
        double[] y = GradCheck.uniform(random, K * B, 1.0);
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.abs(y[i]);            // non-negative, columns not normalized
        }
        INDArray yArr = GradCheck.array(y, K, B);
        double[] analytic = GradCheck.flat(Loss.SOFTMAX_CROSS_ENTROPY.gradient(GradCheck.array(logits, K, B), yArr));
        double[] numeric = GradCheck.numeric(logits,
                v -> Loss.SOFTMAX_CROSS_ENTROPY.value(GradCheck.array(v, K, B), yArr));
        assertTrue(GradCheck.relativeError(analytic, numeric) < GradCheck.TOLERANCE);
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        // columns (1000, 0) and (−1000, 1000): a naive Σ e^ŷ overflows to ∞
        INDArray logits = GradCheck.array(new double[] {1000, -1000, 0, 1000}, 2, 2);
        INDArray y = GradCheck.array(new double[] {1, 0, 0, 1}, 2, 2);        // classes (0, 1): both right, ℓ ≈ 0
        INDArray yWrong = GradCheck.array(new double[] {1, 1, 0, 0}, 2, 2);   // classes (0, 0): ℓ_2 = 1000 − (−1000)
        assertEquals(0.0, Loss.SOFTMAX_CROSS_ENTROPY.value(logits, y), 1e-12);
        assertEquals(2000.0 / 2, Loss.SOFTMAX_CROSS_ENTROPY.value(logits, yWrong), 1e-9);
        double[] g = GradCheck.flat(Loss.SOFTMAX_CROSS_ENTROPY.gradient(logits, yWrong));
        assertArrayEquals(new double[] {0, -0.5, 0, 0.5}, g, 1e-12);
    }

    @Test
    void handComputedValues() {
        INDArray yHat = GradCheck.array(new double[] {1, 2, -1, 0.5}, 2, 2);
        INDArray y = GradCheck.array(new double[] {0, 2, 1, 0.5}, 2, 2);
        // differences (1, 0, −2, 0); columns: (1, −2) and (0, 0)
        assertEquals((0.5 * (1 + 4)) / 2, Loss.SQUARED.value(yHat, y), 1e-15);       // (1/B) Σ ½‖d‖²
        assertEquals((0.25 * (1 + 16)) / 2, Loss.L4.value(yHat, y), 1e-15);          // (1/B) Σ ¼ d⁴
        assertArrayEquals(new double[] {0.5, 0, -1, 0}, GradCheck.flat(Loss.SQUARED.gradient(yHat, y)), 1e-15);
        assertArrayEquals(new double[] {0.5, 0, -4, 0}, GradCheck.flat(Loss.L4.gradient(yHat, y)), 1e-15);

        INDArray scores = GradCheck.array(new double[] {2, 0.5, -0.5, -3}, 2, 2);
        INDArray labels = GradCheck.array(new double[] {1, 1, -1, 1}, 2, 2);
        // margins y·ŷ = (2, 0.5, 0.5, −3): hinge terms (0, 0.5, 0.5, 4)
        assertEquals((0.5 + 0.5 + 4) / 2, Loss.HINGE.value(scores, labels), 1e-15);
        assertArrayEquals(new double[] {0, -0.5, 0.5, -0.5}, GradCheck.flat(Loss.HINGE.gradient(scores, labels)),
                1e-15);

        INDArray logits = GradCheck.array(new double[] {0, 0}, 2, 1);
        INDArray oneHot = GradCheck.array(new double[] {1, 0}, 2, 1);
        assertEquals(Math.log(2), Loss.SOFTMAX_CROSS_ENTROPY.value(logits, oneHot), 1e-15);
    }

    @Test
    void rejectsMismatchedShapesAndParsesNames() {
        INDArray a = GradCheck.array(new double[] {1, 2, 3, 4}, 2, 2);
        INDArray b = GradCheck.array(new double[] {1, 2, 3, 4}, 4, 1);
        for (Loss loss : Loss.values()) {
            assertThrows(IllegalArgumentException.class, () -> loss.value(a, b));
            assertThrows(IllegalArgumentException.class, () -> loss.gradient(a, b));
            assertSame(loss, Loss.of(loss.label()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.of("mse"));
        assertTrue(e.getMessage().contains("squared, softmax_cross_entropy, l4, hinge"), e.getMessage());
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
