package org.trainscope.engine.stability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.TwoCores;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.nn.Mlp;

/** The probe math against closed forms on hand-made matrices. */
class StabilityProbeTest {
    /** The network computes in FLOAT: a few roundings of 2⁻²⁴ ≈ 6e-8 relative on values of order 1. */
    private static final double FLOAT_TOL = 1e-6;

    /** A one-layer "network" x ↦ A x (bias 0) with the given row-major A. */
    private static Mlp linear(double[] a, int out, int in, int capacity) {
        Mlp mlp = new Mlp(new int[] {in, out}, capacity);
        mlp.setParameters(new double[][] {a, new double[out]});
        return mlp;
    }

    /**
     * A = σ·u·vᵀ has ‖A‖_F = σ and A v = σ u, so μ(c·v) = σc/(σ·c) = 1; any x ⟂ v gives A x = 0, μ = 0. The network
     * stores A in FLOAT, which moves each entry by ≤ 2⁻²⁴ ≈ 6e-8 relative, so every value below may move by
     * O(6e-8) (a few such roundings): tolerance FLOAT_TOL = 1e-6.
     */
    @Test
    void rankOneMatrixHasCushionOneOnItsTopSingularVector() {
        double[] u = {0.6, 0.8, 0.0};                 // unit
        double[] v = {0.5, -0.5, 0.5, -0.5};          // unit
        double sigma = 3.0;
        double[] a = new double[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                a[i * 4 + j] = sigma * u[i] * v[j];
            }
        }
        double[] x = {2 * v[0], 2 * v[1], 2 * v[2], 2 * v[3], 1, 1, 1, 1};   // 2v, and (1,1,1,1) ⟂ v
        StabilityProbe p = new StabilityProbe(linear(a, 3, 4, 2), x, 2, 10);
        StabilityProbe.Result r = p.run(new Rng(0));
        assertEquals(0.5, r.scalars().get("cushion.1.mean"), FLOAT_TOL);             // (μ(2v) + μ(x ⟂ v))/2 = (1 + 0)/2
        assertEquals(0.0, r.scalars().get("cushion.1.min"), FLOAT_TOL);
        assertEquals(0.5, r.scalars().get("cushion.1.random"), 0.0);             // 1/√4
        // histogram: one input in the last bin [0.9, 1] and one in the first [0, 0.1)
        assertArrayEquals(new double[] {0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.5}, r.series().get("cushion.1.hist"), 0.0);
        assertEquals(11, r.series().get("cushion.1.edges").length);
        // the spectrum of a rank-one matrix: σ then zeros; stable rank 1 (LAPACK to ~1e-15 relative)
        double[] sv = r.series().get("sv.1");
        assertEquals(3.0, sv[0], FLOAT_TOL);
        assertEquals(0.0, sv[1], FLOAT_TOL);
        assertEquals(1.0, r.scalars().get("stable_rank.1"), FLOAT_TOL);
    }

    /**
     * For x uniform on the sphere, E‖A x‖²/‖x‖² = tr(AᵀA)/n = ‖A‖_F²/n, so E μ² = 1/n: the random reference
     * 1/√(fan-in). With a Gaussian 32×64 A and 4,000 Gaussian directions, n·μ² has mean 1 and standard deviation
     * ≈ √(2Σσ⁴)/Σσ² ≈ 0.3, a standard error ≈ 0.005 of the mean: 3% is six standard errors.
     */
    @Test
    void randomDirectionsHaveMeanSquaredCushionOneOverN() {
        int out = 32;
        int in = 64;
        int count = 4000;
        Rng rng = new Rng(5);
        double[] a = new double[out * in];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        double[] x = new double[count * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        Mlp mlp = linear(a, out, in, count);
        mlp.load(x, 0, count);
        mlp.forward(count);
        double[] mu = StabilityProbe.cushions(mlp.linear(1, 0, count), x, out, in, count, StabilityProbe.norm(a, 0, a.length));
        double meanSquare = 0;
        for (double m : mu) {
            meanSquare += m * m / count;
        }
        assertEquals(1.0, meanSquare * in, 0.03);
    }

    /** ‖η‖ = ‖x‖ up to rounding: relative 1e-15 allows a few ulps from the two square roots and the sums. */
    @Test
    void injectedNoiseHasTheNormOfTheSignal() {
        Rng rng = new Rng(9);
        for (int len : new int[] {1, 10, 128}) {
            double[] x = new double[len + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = 10 * rng.nextGaussian();
            }
            double[] eta = new double[len];
            StabilityProbe.scaledNoise(x, 3, len, rng, eta);
            assertEquals(StabilityProbe.norm(x, 3, len), StabilityProbe.norm(eta, 0, len),
                    1e-15 * StabilityProbe.norm(x, 3, len));
        }
    }

    /**
     * Noise through a linear layer of orthogonal rows (A = I here) keeps its relative size: x₁' − x₁ = A η, so
     * ‖x₁' − x₁‖/‖x₁‖ = ‖η‖/‖x‖ = 1 for every input, up to the FLOAT rounding of x + η (FLOAT_TOL).
     */
    @Test
    void noiseThroughAnIsometryKeepsItsRelativeSize() {
        double[] identity = new double[9];
        for (int i = 0; i < 3; i++) {
            identity[i * 4] = 1;
        }
        double[] x = {1, 2, 3, -1, 0.5, 4};
        StabilityProbe.Result r = new StabilityProbe(linear(identity, 3, 3, 2), x, 2, 5).run(new Rng(1));
        assertEquals(1.0, r.scalars().get("noise.0.1"), FLOAT_TOL);
        assertEquals(1 / Math.sqrt(3), r.scalars().get("cushion.1.min"), FLOAT_TOL);   // μ = ‖x‖/(‖I‖_F‖x‖) = 1/√3
    }

    /**
     * The probe gives the same bits with the second core and without (tolerance 0): its inputs are cut into the
     * same two halves, each with its own noise stream, either way. W4's network (64-128-128-10) on 500 random
     * inputs; without spectra, as W4 computes it, the frame has no singular values.
     */
    @Test
    void theProbeIsTheSameBitsOnOneCoreOrTwo() {
        int count = 500;
        Rng data = new Rng(4);
        Mlp mlp = new Mlp(new int[] {64, 128, 128, 10}, count);
        mlp.initialize(Init.uniform(data::nextDouble));
        double[] x = new double[count * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.nextDouble();
        }
        StabilityProbe.Result[] r = new StabilityProbe.Result[2];
        boolean before = TwoCores.enabled();
        try {
            for (int run = 0; run < 2; run++) {
                TwoCores.setEnabled(run == 0);
                r[run] = new StabilityProbe(mlp, x, count, 40, false).run(new Rng(2));
            }
        } finally {
            TwoCores.setEnabled(before);
        }
        assertEquals(r[0].scalars(), r[1].scalars());
        assertEquals(r[0].series().keySet(), r[1].series().keySet());
        r[0].series().forEach((k, v) -> assertArrayEquals(v, r[1].series().get(k), 0.0, k));
        assertTrue(r[0].scalars().get("noise.0.3") > 0, "noise reaches the top: " + r[0].scalars());
        assertTrue(r[0].series().keySet().stream().noneMatch(k -> k.startsWith("sv.")), "no spectra");
    }
}
