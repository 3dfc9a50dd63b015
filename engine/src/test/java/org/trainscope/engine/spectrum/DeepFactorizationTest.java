package org.trainscope.engine.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.DenseMatrix;
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
}
