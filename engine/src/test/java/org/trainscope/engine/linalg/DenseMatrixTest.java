package org.trainscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainscope.engine.experiment.Rng;

/** GEMM through OpenBLAS on ND4J buffers against the textbook triple loop. */
class DenseMatrixTest {
    private static DenseMatrix random(int rows, int cols, Rng rng) {
        DenseMatrix m = new DenseMatrix(rows, cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                m.set(i, j, rng.nextGaussian());
            }
        }
        return m;
    }

    /**
     * Every transpose combination on non-square shapes (so a swapped dimension would throw or misplace entries).
     * Tolerance 1e-12: k = 7 products of N(0,1) numbers, a rounding of ~1e-16 each.
     */
    @Test
    void gemmMatchesTheTripleLoop() {
        Rng rng = new Rng(3);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                DenseMatrix a = ta ? random(7, 5, rng) : random(5, 7, rng);
                DenseMatrix b = tb ? random(4, 7, rng) : random(7, 4, rng);
                DenseMatrix c = random(5, 4, rng);
                double[][] before = new double[5][4];
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < 4; j++) {
                        before[i][j] = c.get(i, j);
                    }
                }
                DenseMatrix.gemm(ta, tb, 2.0, a, b, 0.5, c);
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < 4; j++) {
                        double s = 0;
                        for (int l = 0; l < 7; l++) {
                            s += (ta ? a.get(l, i) : a.get(i, l)) * (tb ? b.get(j, l) : b.get(l, j));
                        }
                        assertEquals(2 * s + 0.5 * before[i][j], c.get(i, j), 1e-12, "C(" + i + "," + j + ") ta=" + ta + " tb=" + tb);
                    }
                }
            }
        }
    }

    @Test
    void theNd4jViewSharesTheMemory() {
        DenseMatrix m = new DenseMatrix(3, 2);
        m.set(2, 1, 7.5);
        assertEquals(7.5, m.array().getDouble(2, 1), 0.0);
        assertEquals(7.5, m.toArray()[2 + 3], 0.0, "column-major");
    }

    @Test
    void mismatchedShapesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.gemm(false, false, 1, new DenseMatrix(3, 4), new DenseMatrix(3, 4), 0, new DenseMatrix(3, 4)));
    }

    /**
     * Two column halves, on the second core or not, give the product's bits exactly (tolerance 0), for every
     * transpose combination, at the sizes deep factorization cuts (n = 100 and an odd 65) and one past OpenBLAS's
     * small-matrix path (n = 256): each entry of C is the same sum over k in the same order whatever the number of
     * columns asked — the claim on which deep factorization's numbers being the same with and without the cut rests.
     */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {65, 100, 256})
    void twoColumnHalvesGiveTheBitsOfTheWholeProduct(int n) {
        Rng rng = new Rng(n);
        boolean before = TwoCores.enabled();
        try {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    DenseMatrix a = random(n, n, rng);
                    DenseMatrix b = random(n, n, rng);
                    DenseMatrix whole = random(n, n, rng);
                    DenseMatrix cut = new DenseMatrix(n, n);
                    cut.copyFrom(whole);
                    DenseMatrix.gemm(ta, tb, 0.7, a, b, 0.3, whole);
                    for (boolean twoCores : new boolean[] {true, false}) {
                        TwoCores.setEnabled(twoCores);
                        DenseMatrix c = new DenseMatrix(n, n);
                        c.copyFrom(cut);
                        TwoCores.halves(n, (half, c0, c1) -> DenseMatrix.gemmColumns(ta, tb, 0.7, a, b, 0.3, c, c0, c1));
                        assertArrayEquals(whole.toArray(), c.toArray(), 0.0,
                                "op(A) " + ta + ", op(B) " + tb + ", two cores " + twoCores);
                    }
                }
            }
        } finally {
            TwoCores.setEnabled(before);
        }
    }

    @Test
    void columnsOutsideTheProductAreRefused() {
        DenseMatrix a = new DenseMatrix(3, 3);
        assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.gemmColumns(false, false, 1, a, a, 0, new DenseMatrix(3, 3), 2, 4));
    }
}
