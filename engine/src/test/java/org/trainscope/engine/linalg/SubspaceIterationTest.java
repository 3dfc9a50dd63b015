package org.trainscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Rng;

/** The warm-started subspace iteration against the full SVD (LAPACK dgesdd) and against the definition W v = σ u. */
class SubspaceIterationTest {
    /** W = Σ_r s_r a_r b_rᵀ (s = 10, 9, …, 3) plus N(0, 0.01²) noise: a clear gap after the 8th value. */
    private static DenseMatrix lowRankPlusNoise(int n, Rng rng) {
        double[] w = new double[n * n];
        for (int r = 0; r < 8; r++) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextGaussian() / Math.sqrt(n);
                b[i] = rng.nextGaussian() / Math.sqrt(n);
            }
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    w[i + j * n] += (10 - r) * a[i] * b[j];
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.01 * rng.nextGaussian();
        }
        DenseMatrix m = new DenseMatrix(n, n);
        m.copyFrom(w);
        return m;
    }

    /**
     * After 30 warm-started calls the top 6 Ritz values agree with dgesdd's to 1e-10 relative: the error shrinks by
     * about (σ_11/σ_6)² ≤ (0.2/5)² per call, far below 1e-10 after 30 calls, leaving rounding (1e-14).
     */
    @Test
    void convergesToTheTopSingularValuesAndVectors() {
        int n = 60;
        Rng rng = new Rng(11);
        DenseMatrix w = lowRankPlusNoise(n, rng);
        double[] start = new double[n * 10];
        for (int i = 0; i < start.length; i++) {
            start[i] = rng.nextGaussian();
        }
        SubspaceIteration it = new SubspaceIteration(n, 10, start);
        for (int i = 0; i < 30; i++) {
            it.update(w);
        }
        double[] sigma = new double[n];
        new Gesdd(n).singularValues(w, sigma);
        for (int r = 0; r < 6; r++) {
            assertEquals(sigma[r], it.sigma(r), 1e-10 * sigma[r], "σ_" + (r + 1));
            // W v_r = σ_r u_r, column by column
            double err = 0;
            for (int i = 0; i < n; i++) {
                double wv = 0;
                for (int j = 0; j < n; j++) {
                    wv += w.get(i, j) * it.right().get(j, r);
                }
                err = Math.max(err, Math.abs(wv - it.sigma(r) * it.left().get(i, r)));
            }
            assertTrue(err < 1e-9, "W v_" + (r + 1) + " = σ u, max error " + err);
        }
    }

    /**
     * Warm start: W moves by a small step; one call from the previous basis already gives σ₁ to 1e-8 relative, while
     * one call from a fresh random basis is off by more than 1e-4 (the test would fail without the warm start).
     */
    @Test
    void oneWarmStartedCallTracksASlowlyMovingMatrix() {
        int n = 60;
        Rng rng = new Rng(5);
        DenseMatrix w = lowRankPlusNoise(n, rng);
        double[] start = new double[n * 10];
        for (int i = 0; i < start.length; i++) {
            start[i] = rng.nextGaussian();
        }
        SubspaceIteration warm = new SubspaceIteration(n, 10, start);
        for (int i = 0; i < 30; i++) {
            warm.update(w);
        }
        DenseMatrix moved = new DenseMatrix(n, n);
        moved.copyFrom(w);
        DenseMatrix noise = new DenseMatrix(n, n);
        for (int i = 0; i < n * n; i++) {
            noise.buffer().put(i, rng.nextGaussian());
        }
        moved.addScaled(1e-3, noise);
        warm.update(moved);
        SubspaceIteration cold = new SubspaceIteration(n, 10, start);
        cold.update(moved);
        double[] sigma = new double[n];
        new Gesdd(n).singularValues(moved, sigma);
        assertEquals(sigma[0], warm.sigma(0), 1e-8 * sigma[0]);
        assertTrue(Math.abs(cold.sigma(0) - sigma[0]) > 1e-4 * sigma[0], "a cold start needs more than one call");
    }
}
