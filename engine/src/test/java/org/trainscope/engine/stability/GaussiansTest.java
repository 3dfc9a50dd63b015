package org.trainscope.engine.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Rng;

/** The ziggurat's normals against the standard normal's moments and tails. */
class GaussiansTest {
    /**
     * The ziggurat's normals have mean 0, variance 1 and kurtosis 3, and the normal's tails: P(|z| > a) for a = 0.5,
     * 1, 2, 3 and 3.5 (beyond R = 3.44, where the tail algorithm draws) against 2(1 − Φ(a)). With 1,000,000 draws
     * the standard errors are 0.001 (mean), 0.0014 (variance), ≈ 0.005 (kurtosis) and √(p(1−p)/n) for a fraction
     * p; every tolerance is 5 of them, so a wrong layer table or wedge test (errors of ≥ 1e-2 in some fraction) fails.
     */
    @Test
    void zigguratGaussiansAreStandardNormal() {
        int n = 1_000_000;
        double[] z = new double[n];
        Gaussians.fill(new Rng(4), z, n);
        double m1 = 0;
        double m2 = 0;
        double m4 = 0;
        double[] a = {0.5, 1, 2, 3, 3.5};
        double[] p = {0.617075077, 0.317310508, 0.045500264, 0.002699796, 0.000465258};     // 2(1 − Φ(a))
        double[] beyond = new double[a.length];
        for (double v : z) {
            m1 += v / n;
            m2 += v * v / n;
            m4 += v * v * v * v / n;
            for (int k = 0; k < a.length; k++) {
                beyond[k] += Math.abs(v) > a[k] ? 1.0 / n : 0;
            }
        }
        assertEquals(0, m1, 0.005);
        assertEquals(1, m2, 0.007);
        assertEquals(3, m4 / (m2 * m2), 0.025);
        for (int k = 0; k < a.length; k++) {
            assertEquals(p[k], beyond[k], 5 * Math.sqrt(p[k] * (1 - p[k]) / n), "P(|z| > " + a[k] + ")");
        }
    }
}
