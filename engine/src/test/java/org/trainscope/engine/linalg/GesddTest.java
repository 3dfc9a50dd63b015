package org.trainscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainscope.engine.experiment.Rng;

/** dgesdd (divide and conquer) against the project's reference SVD (gesvd) and against A = U Σ Vᵀ. */
class GesddTest {
    /**
     * Two LAPACK drivers on the same n×n Gaussian matrix agree to 1e-12 relative to σ₁ (backward stable both), and
     * U Σ Vᵀ gives A back. n = 100 is where OpenBLAS 0.3.19's AVX-512 kernels returned wrong vectors (linalg.Blas).
     */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {40, 100})
    void agreesWithGesvdAndReconstructs(int n) {
        Rng rng = new Rng(2);
        DenseMatrix a = new DenseMatrix(n, n);
        for (int i = 0; i < n * n; i++) {
            a.buffer().put(i, rng.nextGaussian());
        }
        double[] before = a.toArray();
        Gesdd g = new Gesdd(n);
        double[] s = new double[n];
        g.decompose(a, s);
        double[] ref = Svd.singularValues(a.array());
        for (int r = 0; r < n; r++) {
            assertEquals(ref[r], s[r], 1e-12 * ref[0], "σ_" + (r + 1));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int r = 0; r < n; r++) {
                    x += g.u().get(i, r) * s[r] * g.vt().get(r, j);
                }
                assertEquals(before[i + j * n], x, 1e-11 * ref[0], "A(" + i + "," + j + ")");
            }
        }
        double[] values = new double[n];
        g.singularValues(a, values);
        for (int r = 0; r < n; r++) {
            assertEquals(s[r], values[r], 1e-12 * ref[0]);
        }
        assertEquals(before[5], a.toArray()[5], 0.0, "the input is not modified");
    }

    /**
     * A decomposition taken for later is that of the matrix when it was taken, run on the second core while the
     * matrix changes: the same bits as decomposing it at once (tolerance 0; the same LAPACK call on the same copy).
     */
    @Test
    void aDecompositionForLaterIsThatOfTheMatrixWhenTaken() {
        int n = 100;
        Rng rng = new Rng(5);
        DenseMatrix a = new DenseMatrix(n, n);
        for (int i = 0; i < n * n; i++) {
            a.buffer().put(i, rng.nextGaussian());
        }
        Gesdd now = new Gesdd(n);
        double[] expected = new double[n];
        now.decompose(a, expected);
        Gesdd later = new Gesdd(n);
        double[] s = new double[n];
        Runnable task = later.later(a, s, true);
        TwoCores.both(() -> a.addScaled(1.0, a), task);                           // A ← 2A meanwhile
        assertArrayEquals(expected, s, 0.0);
        assertArrayEquals(now.u().toArray(), later.u().toArray(), 0.0);
        assertArrayEquals(now.vt().toArray(), later.vt().toArray(), 0.0);
    }
}
