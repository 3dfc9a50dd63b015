package org.trainscope.engine.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Rng;

/** Idea 1's estimator against its closed-form mean and variance. */
class SignCompressionTest {
    private static double[] matrix(int entries, Rng rng) {
        double[] a = new double[entries];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    /**
     * Unbiased: the mean of R independent Â (k = 1 each) is itself the k = R estimator, whose squared error has
     * expectation (mn − 1)‖A‖²/R. With 4×5 = 20 entries and R = 20,000 the expected relative error is
     * √(19/20000) ≈ 0.031; the error of a biased estimator would not shrink with R. Bound: 2× the expectation.
     */
    @Test
    void meanOfManyDrawsApproachesA() {
        Rng rng = new Rng(1);
        double[] a = matrix(20, rng);
        int draws = 20_000;
        double[] mean = new double[a.length];
        for (int r = 0; r < draws; r++) {
            double[] one = SignCompression.compress(a, 1, rng);
            for (int i = 0; i < a.length; i++) {
                mean[i] += one[i] / draws;
            }
        }
        double err = SignCompression.relativeError(a, mean);
        assertTrue(err < 2 * Math.sqrt(19.0 / draws), "relative error of the mean " + err);
    }

    /**
     * E‖Â − A‖_F²/‖A‖_F² = (mn − 1)/k exactly. The squared error is dominated by (mn − 2)·mean_t ⟨A, M_t⟩², a
     * mean of k chi-square-like terms of relative sd ≈ √2; averaged over 200 draws its relative sd is
     * ≈ √2/√(200k) ≤ 5% (k ≥ 4), so 25% is ≥ 5 sd. Quadrupling k halves the root error: the 1/√k law.
     */
    @Test
    void errorFallsLikeOneOverRootK() {
        Rng rng = new Rng(2);
        double[] a = matrix(64, rng);
        for (int k : new int[] {4, 16, 64, 256}) {
            double meanSquare = 0;
            int draws = 200;
            for (int r = 0; r < draws; r++) {
                double e = SignCompression.relativeError(a, SignCompression.compress(a, k, rng));
                meanSquare += e * e / draws;
            }
            assertEquals(63.0 / k, meanSquare, 0.25 * 63.0 / k, "k = " + k);
        }
    }
}
