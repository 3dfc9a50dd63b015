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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ActivationTest {

    /** Points in (−4, 4), away from 0 by the kink margin, shaped 3×5. */
    private static double[] points(long seed) {
        Random random = new Random(seed);
        double[] z = GradCheck.uniform(random, 15, 4.0);
        while (GradCheck.nearKink(z, 0.0)) {
            z = GradCheck.uniform(random, 15, 4.0);
        }
        return z;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "STEP", mode = EnumSource.Mode.EXCLUDE)
    void derivativeMatchesCentralDifferences(Activation sigma) {
        double[] z = points(11);
        double[] analytic = GradCheck.flat(sigma.derivative(GradCheck.array(z, 3, 5)));
        double[] numeric = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            final int k = i;   // σ is elementwise: ∂σ(z)_k/∂z_k is the only nonzero partial
            numeric[i] = GradCheck.numeric(new double[] {z[i]}, v -> {
                double[] zz = z.clone();
                zz[k] = v[0];
                return GradCheck.flat(sigma.apply(GradCheck.array(zz, 3, 5)))[k];
            })[0];
        }
        double error = GradCheck.relativeError(analytic, numeric);
        assertTrue(error < GradCheck.TOLERANCE, sigma + " derivative error " + error);
    }

    @Test
    void stepIsHeavisideWithZeroDerivativeAwayFromZero() {
        double[] z = points(12);
        double[] h = GradCheck.flat(Activation.STEP.apply(GradCheck.array(z, 3, 5)));
        double[] d = GradCheck.flat(Activation.STEP.derivative(GradCheck.array(z, 3, 5)));
        for (int i = 0; i < z.length; i++) {
            assertEquals(z[i] > 0 ? 1.0 : 0.0, h[i], 0.0, "H(" + z[i] + ")");
            assertEquals(0.0, d[i], 0.0);
            // the central difference agrees: H is locally constant away from 0
            final int k = i;
            double slope = GradCheck.numeric(new double[] {z[i]},
                    v -> GradCheck.flat(Activation.STEP.apply(GradCheck.array(v, 1)))[0])[0];
            assertEquals(0.0, slope, 0.0, "slope at " + z[k]);
        }
    }

    @Test
    void closedForms() {
        double[] z = points(13);
        double[] sig = GradCheck.flat(Activation.SIGMOID.apply(GradCheck.array(z, 3, 5)));
        double[] sigPrime = GradCheck.flat(Activation.SIGMOID.derivative(GradCheck.array(z, 3, 5)));
        double[] tanhPrime = GradCheck.flat(Activation.TANH.derivative(GradCheck.array(z, 3, 5)));
        double[] softplus = GradCheck.flat(Activation.SOFTPLUS.apply(GradCheck.array(z, 3, 5)));
        double[] relu = GradCheck.flat(Activation.RELU.apply(GradCheck.array(z, 3, 5)));
        double[] reluPrime = GradCheck.flat(Activation.RELU.derivative(GradCheck.array(z, 3, 5)));
        for (int i = 0; i < z.length; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            assertEquals(s, sig[i], 1e-15);
            assertEquals(sig[i] * (1 - sig[i]), sigPrime[i], 1e-15);            // σ' = σ(1 − σ)
            double t = Math.tanh(z[i]);
            assertEquals(1 - t * t, tanhPrime[i], 1e-15);                       // tanh' = 1 − tanh²
            assertEquals(Math.log1p(Math.exp(z[i])), softplus[i], 1e-14);       // softplus = log(1 + e^z)
            assertEquals(Math.max(0, z[i]), relu[i], 0.0);
            assertEquals(z[i] > 0 ? 1.0 : 0.0, reluPrime[i], 0.0);
        }
    }

    @Test
    void softplusDoesNotOverflow() {
        double[] out = GradCheck.flat(Activation.SOFTPLUS.apply(GradCheck.array(new double[] {-800, 800, 0}, 3)));
        assertEquals(0.0, out[0], 1e-300);
        assertEquals(800.0, out[1], 1e-12);
        assertEquals(Math.log(2), out[2], 1e-15);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void returnsNewDoubleArraysAndLeavesInputAlone(Activation sigma) {
        double[] z = points(14);
        INDArray input = GradCheck.array(z, 3, 5);
        INDArray out = sigma.apply(input);
        INDArray der = sigma.derivative(input);
        assertArrayEquals(z, GradCheck.flat(input), 0.0);
        assertTrue(out != input && der != input);
        assertEquals(DataType.DOUBLE, out.dataType());
        assertEquals(DataType.DOUBLE, der.dataType());
        assertArrayEquals(input.shape(), out.shape());
        assertArrayEquals(input.shape(), der.shape());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeFromOutputAgreesWithDerivative(Activation sigma) {
        INDArray z = GradCheck.array(points(15), 3, 5);
        double[] fromZ = GradCheck.flat(sigma.derivative(z));
        double[] fromOutput = GradCheck.flat(sigma.derivative(z, sigma.apply(z)));
        assertArrayEquals(fromZ, fromOutput, 1e-15);
    }

    @Test
    void parsesLowercaseNames() {
        for (Activation a : Activation.values()) {
            assertSame(a, Activation.of(a.label()));
        }
        assertSame(Activation.SOFTPLUS, Activation.of("softplus"));
        assertSame(Activation.RELU, Activation.of(" ReLU "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.of("gelu"));
        assertTrue(e.getMessage().contains("gelu"), e.getMessage());
        assertTrue(e.getMessage().contains("relu, sigmoid, tanh, softplus, identity, step"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activation.of(null));
    }
}
