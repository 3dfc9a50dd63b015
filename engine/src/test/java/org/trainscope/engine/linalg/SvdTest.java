package org.trainscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.experiment.Rng;

/** The LAPACK route against facts: known singular values, reconstruction, orthogonality; the input is kept. */
class SvdTest {
    @Test
    void diagonalMatrixHasItsEntriesAsSingularValuesSorted() {
        INDArray a = Nd4j.createFromArray(new double[][] {{2, 0, 0}, {0, -5, 0}, {0, 0, 3}, {0, 0, 0}});
        // exact up to LAPACK's rounding: 1e-13 relative is several hundred ulps of slack
        assertArrayEquals(new double[] {5, 3, 2}, Svd.singularValues(a), 1e-13 * 5);
    }

    @Test
    void reconstructsARandomMatrixAndLeavesTheInputAlone() {
        Rng rng = new Rng(7);
        double[][] data = new double[100][80];
        for (double[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        INDArray a = Nd4j.createFromArray(data);
        INDArray copy = a.dup();
        Svd svd = Svd.of(a);
        assertEquals(copy, a, "input unchanged");
        INDArray sigma = Nd4j.zeros(100, 80);
        for (int i = 0; i < 80; i++) {
            sigma.putScalar(i, i, svd.s()[i]);
        }
        INDArray back = svd.u().mmul(sigma).mmul(svd.vt());
        // backward-stable SVD: ‖UΣVᵀ − A‖ ≈ ε·‖A‖·(small multiple of n); ‖A‖₂ ≈ √100 + √80 ≈ 19
        assertTrue(back.sub(a).norm2Number().doubleValue() < 1e-10 * a.norm2Number().doubleValue());
        INDArray utu = svd.u().transpose().mmul(svd.u());
        assertTrue(utu.sub(Nd4j.eye(100)).amaxNumber().doubleValue() < 1e-12, "U orthogonal");
        for (int i = 1; i < 80; i++) {
            assertTrue(svd.s()[i] <= svd.s()[i - 1], "descending");
        }
    }

    @Test
    void stableRankOfTheIdentityIsItsSizeAndOfRankOneIsOne() {
        assertEquals(7.0, Svd.stableRank(Svd.singularValues(Nd4j.eye(7))), 1e-12);
        INDArray u = Nd4j.createFromArray(new double[][] {{1}, {2}, {3}});
        INDArray v = Nd4j.createFromArray(new double[][] {{4, 5}});
        assertEquals(1.0, Svd.stableRank(Svd.singularValues(u.mmul(v))), 1e-12);
    }
}
