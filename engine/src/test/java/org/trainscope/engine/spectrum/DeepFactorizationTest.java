package org.trainscope.engine.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.DenseMatrix;
import org.trainscope.engine.linalg.Gesdd;
import org.trainscope.engine.linalg.TwoCores;
import org.trainscope.engine.optim.OptimizerConfig;

/** The closed-form gradients of the product loss against finite differences and GD at depth 1 against its closed form. */
class DeepFactorizationTest {

    /**
     * ∂ℓ/∂(W_j)_ab by central differences, h = 1e-5, for every entry of every factor of a depth-3 product (n = 6).
     * ℓ is a polynomial of degree 6 in the entries, so the central difference's error is h²/6·∂³ℓ ≈ 1e-10·O(1) at
     * entries of size ~0.5; rounding adds ε·ℓ/h ≈ 1e-11. Tolerance 1e-7 absolute + 1e-6 relative.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        for (int depth = 1; depth <= 3; depth++) {
            Rng rng = new Rng(7 + depth);
            MatrixCompletion problem = MatrixCompletion.generate(6, 2, 20, rng);
            DeepFactorization model = new DeepFactorization(problem, depth, 2.0, rng, OptimizerConfig.of("gd", 0.1));
            model.gradients();
            double h = 1e-5;
            for (int j = 0; j < depth; j++) {
                DenseMatrix w = model.factor(j);
                double[] grad = model.gradient(j).toArray();
                for (int idx = 0; idx < 36; idx++) {
                    double x = w.buffer().get(idx);
                    w.buffer().put(idx, x + h);
                    model.forward();
                    double up = model.loss();
                    w.buffer().put(idx, x - h);
                    model.forward();
                    double down = model.loss();
                    w.buffer().put(idx, x);
                    model.forward();
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, grad[idx], 1e-7 + 1e-6 * Math.abs(fd), "depth " + depth + ", ∂ℓ/∂W_" + (j + 1) + "[" + idx + "]");
                }
            }
        }
    }

    /**
     * Depth 1 is plain GD on W: W_{t+1} = W_t − η P_Ω(W_t − M), so on Ω the error decays as (1−η)^t and off Ω W never
     * moves. After 60 steps at η = 0.05, each entry agrees to 1e-12 relative (one rounding per step, 60·1e-16).
     */
    @Test
    void depthOneGradientDescentFollowsTheClosedForm() {
        Rng rng = new Rng(1);
        MatrixCompletion problem = MatrixCompletion.generate(20, 3, 150, rng);
        double eta = 0.05;
        DeepFactorization model = new DeepFactorization(problem, 1, 0.5, rng, OptimizerConfig.of("gd", eta));
        double[] w0 = model.endToEnd().toArray();
        int steps = 60;
        for (int t = 0; t < steps; t++) {
            model.step();
        }
        double[] w = model.endToEnd().toArray();
        double decay = Math.pow(1 - eta, steps);
        for (int idx = 0; idx < w.length; idx++) {
            double expected = problem.isObserved(idx) ? problem.truth(idx) + decay * (w0[idx] - problem.truth(idx)) : w0[idx];
            assertEquals(expected, w[idx], 1e-12 * (1 + Math.abs(expected)), "entry " + idx + (problem.isObserved(idx) ? " on Ω" : " off Ω"));
        }
    }

    /** The problem: ‖M‖_F = n, rank r, exactly |Ω| distinct observed entries. Frobenius norm to 1e-12 relative. */
    @Test
    void theGroundTruthHasTheAdvertisedNormRankAndSample() {
        MatrixCompletion p = MatrixCompletion.generate(30, 4, 200, new Rng(9));
        double[] m = p.truth();
        double s = 0;
        for (double x : m) {
            s += x * x;
        }
        assertEquals(30, Math.sqrt(s), 30 * 1e-12);
        org.trainscope.engine.linalg.DenseMatrix dm = new org.trainscope.engine.linalg.DenseMatrix(30, 30);
        dm.copyFrom(m);
        double[] sigma = org.trainscope.engine.linalg.Svd.singularValues(dm.array());
        assertEquals(true, sigma[3] > 1, "4 non-zero values: " + sigma[3]);
        assertEquals(0, sigma[4], 1e-12 * sigma[0], "rank 4");
        assertEquals(200, p.observedCount());
        assertEquals(200, java.util.Arrays.stream(p.observed()).distinct().count());
        int count = 0;
        for (int i = 0; i < 900; i++) {
            count += p.isObserved(i) ? 1 : 0;
        }
        assertEquals(200, count);
    }

    /** W1's problem (n = 100, rank 5, |Ω| = 3000, depth 3, factors N(0, 1e-6)) and its GD at η = 4e-3. */
    private static DeepFactorization w1() {
        Rng rng = new Rng(0);
        MatrixCompletion problem = MatrixCompletion.generate(100, 5, 3000, rng);
        return new DeepFactorization(problem, 3, 1e-6, rng, OptimizerConfig.of("gd", 4e-3));
    }

    /**
     * A W1 run gives the same bits with the second core and without (tolerance 0): its products are cut into the
     * same column halves either way (n = 100 ≥ SPLIT_AT), only who computes the second half differs. And the SVDs
     * of W_t and W_{t+1} taken as the steps reach them and run at once on two cores (as bench times W1 with an SVD
     * every step) give the σ's of the serial loop, SVD then step. 1500 steps: far enough for W to leave its tiny start
     * (σ₁ grows by orders of magnitude), so a difference anywhere in a step would show.
     */
    @Test
    void aW1RunAndItsSvdsAreTheSameBitsOnOneCoreOrTwo() {
        assertEquals(true, 100 >= DeepFactorization.SPLIT_AT, "W1 takes the cut path");
        int steps = 1500;
        double[][][] factors = new double[2][][];
        double[][] sigmas = new double[2][];
        boolean before = TwoCores.enabled();
        try {
            for (int run = 0; run < 2; run++) {
                boolean twoCores = run == 0;
                TwoCores.setEnabled(twoCores);
                DeepFactorization model = w1();
                Gesdd[] svd = {new Gesdd(100), new Gesdd(100)};
                double[][] sigma = new double[2][100];
                sigmas[run] = new double[steps];
                for (int t = 0; t < steps; t += 2) {
                    if (twoCores) {                                  // W_t, W_{t+1} decomposed at once, on two cores
                        Runnable first = svd[0].later(model.endToEnd(), sigma[0], true);
                        model.step();
                        Runnable second = svd[1].later(model.endToEnd(), sigma[1], true);
                        model.step();
                        TwoCores.both(first, second);
                    } else {
                        svd[0].decompose(model.endToEnd(), sigma[0]);
                        model.step();
                        svd[1].decompose(model.endToEnd(), sigma[1]);
                        model.step();
                    }
                    sigmas[run][t] = sigma[0][0];
                    sigmas[run][t + 1] = sigma[1][0];
                }
                factors[run] = model.saveFactors();
            }
        } finally {
            TwoCores.setEnabled(before);
        }
        assertEquals(true, sigmas[0][steps - 1] > 100 * sigmas[0][0], "σ₁ grew: " + sigmas[0][0] + " → " + sigmas[0][steps / 2] + " → " + sigmas[0][steps - 1]);
        assertArrayEquals(sigmas[1], sigmas[0], 0.0, "σ₁(W_t)");
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(factors[1][j], factors[0][j], 0.0, "W_" + (j + 1));
        }
    }

    /**
     * The cut into column halves changes no bit of a step: 20 steps of W1 through the cut path equal 20 steps done
     * with whole products (gradients of the same factors by whole GEMMs, tolerance 0).
     */
    @Test
    void theColumnHalvesGiveTheGradientsOfWholeProducts() {
        DeepFactorization model = w1();
        for (int t = 0; t < 20; t++) {
            model.step();
        }
        model.gradients();
        int n = 100;
        DenseMatrix g = model.residual();
        DenseMatrix p1 = new DenseMatrix(n, n);
        DenseMatrix.gemm(false, false, 1, model.factor(1), model.factor(0), 0, p1);        // P_1 = W_2 W_1
        DenseMatrix back1 = new DenseMatrix(n, n);
        DenseMatrix.gemm(true, false, 1, model.factor(2), g, 0, back1);                    // W_3ᵀ G
        DenseMatrix[] expected = {new DenseMatrix(n, n), new DenseMatrix(n, n), new DenseMatrix(n, n)};
        DenseMatrix.gemm(true, false, 1, model.factor(1), back1, 0, expected[0]);         // W_2ᵀ W_3ᵀ G
        DenseMatrix.gemm(false, true, 1, back1, model.factor(0), 0, expected[1]);         // W_3ᵀ G W_1ᵀ
        DenseMatrix.gemm(false, true, 1, g, p1, 0, expected[2]);                          // G (W_2 W_1)ᵀ
        DenseMatrix w = new DenseMatrix(n, n);
        DenseMatrix.gemm(false, false, 1, model.factor(2), p1, 0, w);                     // W = W_3 W_2 W_1
        assertArrayEquals(w.toArray(), model.endToEnd().toArray(), 0.0, "W");
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(expected[j].toArray(), model.gradient(j).toArray(), 0.0, "∂ℓ/∂W_" + (j + 1));
        }
    }
}
