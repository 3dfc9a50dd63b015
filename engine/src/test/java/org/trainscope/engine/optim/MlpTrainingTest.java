package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.nn.Mlp;

/**
 * The MLP's FLOAT parameter vector trained through the optimizer, as noise-stability will be wired: θ and ∇L are
 * vectors over {@link Mlp#parameterAddress()} and {@link Mlp#gradientAddress()}, the objective is the network's
 * forward and backward pass at its own θ ({@link Objective#atParameters}). Rule {@code momentum} must give exactly
 * the bits of the heavy ball the experiment writes by hand today — v ← μv, v ← v − η∇L, θ ← θ + v, three BLAS
 * calls — on the loop path (P = 99) and the BLAS path (P = 684), so the wiring will not move its frames.
 */
class MlpTrainingTest {
    private static final int BATCH = 16;

    @ParameterizedTest
    @ValueSource(ints = {5, 20})
    void heavyBallThroughTheOptimizerIsTheHandWrittenOneBitForBit(int width) {
        double eta = 0.05;
        double mu = 0.9;
        Mlp byHand = network(width);
        Mlp wired = network(width);
        int p = byHand.parameterCount();
        assertEquals(width == 5 ? 99 : 684, p);   // below and above Vector.BLAS_FROM

        FloatPointer velocity = new FloatPointer(p);
        velocity.fill(0);
        Vector theta = Vector.floats(wired.parameterAddress(), p);
        Vector grad = Vector.floats(wired.gradientAddress(), p);
        Optimizer optimizer = new OptimizerConfig("momentum", new LearningRate.Constant(eta), mu, 0.9, 0.9, 0.999,
                1e-8, 0).create(theta, grad);
        Rng data = new Rng(11);
        for (int step = 0; step < 20; step++) {
            double[] x = new double[BATCH * 8];
            int[] y = new int[BATCH];
            for (int i = 0; i < x.length; i++) {
                x[i] = data.nextGaussian();
            }
            for (int k = 0; k < BATCH; k++) {
                y[k] = data.nextInt(4);
            }
            byHand.load(x, 0, BATCH);
            byHand.forward(BATCH);
            double expected = byHand.backward(y, 0, BATCH);
            long v = Blas.address(velocity);
            Blas.cblas_sscal(p, (float) mu, v, 1);                                          // v ← μv
            Blas.cblas_saxpy(p, (float) -eta, byHand.gradientAddress(), 1, v, 1);           // v ← v − η∇L
            Blas.cblas_saxpy(p, 1f, v, 1, byHand.parameterAddress(), 1);                    // θ ← θ + v

            wired.load(x, 0, BATCH);
            double loss = optimizer.step(Objective.atParameters(theta, grad, () -> {
                wired.forward(BATCH);
                return wired.backward(y, 0, BATCH);
            }));
            assertEquals(expected, loss, 0.0, "the loss of the batch at θ_t");
            assertArrayEquals(flat(byHand), flat(wired), "θ after step " + (step + 1));
        }
        assertTrue(flat(wired)[0] != network(width).parameterArrays()[0][0], "θ moved");
    }

    private static Mlp network(int width) {
        Mlp mlp = new Mlp(new int[] {8, width, width, 4}, BATCH);
        mlp.initialize(Init.uniform(new Rng(5)::nextDouble));
        return mlp;
    }

    private static double[] flat(Mlp mlp) {
        return java.util.Arrays.stream(mlp.parameterArrays()).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
