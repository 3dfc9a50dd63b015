package org.trainscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Rng;

/** The engine's own OpenBLAS: the bundled build is the one loaded, and its FLOAT routines compute what they say. */
class BlasTest {
    @Test
    void theBundledBuildIsLoaded() {
        Blas.load();
        String version = Blas.BUNDLED.substring("openblas-".length(), Blas.BUNDLED.indexOf('-', "openblas-".length()));
        assertTrue(Blas.config().startsWith("OpenBLAS " + version), Blas.config());
        assertTrue(!Blas.kernels().isBlank());
    }

    /**
     * C ← α·op(A)·op(B) + β·C in FLOAT against the same sums in double, for all four transposes. Each entry is a
     * sum of k = 37 products of numbers of order 1, rounded to FLOAT at every step: |error| ≤ k·2⁻²⁴·Σ|a||b| ≈
     * 37·6e-8·37 ≈ 1e-4 at worst; 2e-4 is that bound with room, while a wrong transpose is off by O(1).
     */
    @Test
    void sgemmMatchesTheTripleLoop() {
        int m = 23;
        int n = 19;
        int k = 37;
        Rng rng = new Rng(4);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = gaussians(rng, m * k);
                float[] b = gaussians(rng, k * n);
                float[] c = gaussians(rng, m * n);
                FloatPointer pa = new FloatPointer(a);
                FloatPointer pb = new FloatPointer(b);
                FloatPointer pc = new FloatPointer(c);
                int lda = ta ? k : m;    // column-major: op(A) is m×k
                int ldb = tb ? n : k;
                Blas.cblas_sgemm(Blas.COL_MAJOR, ta ? Blas.TRANS : Blas.NO_TRANS, tb ? Blas.TRANS : Blas.NO_TRANS,
                        m, n, k, 2f, Blas.address(pa), lda, Blas.address(pb), ldb, 0.5f, Blas.address(pc), m);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int l = 0; l < k; l++) {
                            double aij = ta ? a[l + i * k] : a[i + l * m];
                            double blj = tb ? b[j + l * n] : b[l + j * k];
                            s += aij * blj;
                        }
                        assertEquals(2 * s + 0.5 * c[i + j * m], pc.get(i + (long) j * m), 2e-4,
                                "C(" + i + "," + j + ") ta=" + ta + " tb=" + tb);
                    }
                }
            }
        }
    }

    /** saxpy, sscal, snrm2 and sgemv on small vectors with exact (dyadic) values: exact results. */
    @Test
    void levelOneAndTwoRoutinesAreExactOnDyadicNumbers() {
        FloatPointer x = new FloatPointer(1f, 2f, -3f, 0.5f);
        FloatPointer y = new FloatPointer(4f, 4f, 4f, 4f);
        Blas.cblas_saxpy(4, -2f, Blas.address(x), 1, Blas.address(y), 1);          // y = y − 2x
        assertEquals(2f, y.get(0), 0f);
        assertEquals(10f, y.get(2), 0f);
        Blas.cblas_sscal(4, 0.5f, Blas.address(y), 1);                                // y = (1, 0, 5, 1.5)
        assertEquals(0f, y.get(1), 0f);
        assertEquals(1.5f, y.get(3), 0f);
        assertEquals(Math.sqrt(1 + 0 + 25 + 2.25), Blas.cblas_snrm2(4, Blas.address(y), 1), 1e-6);
        FloatPointer ones = new FloatPointer(1f, 1f);
        FloatPointer out = new FloatPointer(2);
        // the column-major 2×2 matrix [[1, −3], [2, 0.5]] (x's values) times (1, 1): row sums
        Blas.cblas_sgemv(Blas.COL_MAJOR, Blas.NO_TRANS, 2, 2, 1f, Blas.address(x), 2, Blas.address(ones), 1, 0f,
                Blas.address(out), 1);
        assertEquals(-2f, out.get(0), 0f);
        assertEquals(2.5f, out.get(1), 0f);
        FloatPointer bad = new FloatPointer(1f, Float.NaN, 2f);
        assertTrue(Float.isNaN(Blas.cblas_snrm2(3, Blas.address(bad), 1)), "a NaN entry makes the norm NaN");
    }

    private static float[] gaussians(Rng rng, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) rng.nextGaussian();
        }
        return out;
    }
}
