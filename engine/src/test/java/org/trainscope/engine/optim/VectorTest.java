package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.linalg.DenseMatrix;

/**
 * The storages against the arithmetic they promise: axpy is y + a·x rounded once ({@link Math#fma}), also into a
 * third vector, and scal a·x rounded once, on the loop path and on the BLAS path alike — checked bit for bit on random data at lengths around
 * {@link Vector#BLAS_FROM} and the BLAS kernels' block sizes, where a kernel's tail loop could round differently.
 */
class VectorTest {
    private static final int[] LENGTHS = {1, 2, 3, 17, 511, 512, 513, 1000, 4099};

    @Test
    void axpyScaleCopyRoundAsTheFormulaSaysOnEveryPathInDouble() {
        Random r = new Random(1);
        for (int n : LENGTHS) {
            double[] y = gaussians(r, n);
            double[] x = gaussians(r, n);
            double a = r.nextGaussian();
            double[] fused = new double[n];
            double[] scaled = new double[n];
            for (int i = 0; i < n; i++) {
                fused[i] = Math.fma(a, x[i], y[i]);
                scaled[i] = a * y[i];
            }
            for (Storage s : new Storage[] {Storage.HEAP, Storage.NATIVE_DOUBLE}) {
                if (s == Storage.HEAP && n < 2) {
                    continue;
                }
                Vector vy = s.vector(y);
                vy.axpy(a, s.vector(x));
                assertArrayEquals(fused, vy.toArray(), s + " axpy, n = " + n);
                vy.set(y);
                vy.scale(a);
                assertArrayEquals(scaled, vy.toArray(), s + " scal, n = " + n);
                vy.setToSum(s.vector(y), a, s.vector(x));
                assertArrayEquals(fused, vy.toArray(), s + " y + a·x into a third vector, n = " + n);
                vy.copyFrom(s.vector(x));
                assertArrayEquals(x, vy.toArray(), s + " copy, n = " + n);
                // any summation order is within n·u·Σ|x_i y_i| of the exact sum (Higham, Accuracy and Stability, §3.1)
                assertEquals(dot(x, y), s.vector(x).dot(s.vector(y)), 2 * n * 0x1p-53 * absDot(x, y), s + " dot, n = " + n);
            }
        }
    }

    @Test
    void axpyAndScaleRoundOnceInFloatOnEveryPath() {
        Random r = new Random(2);
        for (int n : LENGTHS) {
            double[] y = gaussians(r, n);
            double[] x = gaussians(r, n);
            float a = (float) r.nextGaussian();
            double[] fused = new double[n];
            double[] scaled = new double[n];
            for (int i = 0; i < n; i++) {
                fused[i] = Math.fma(a, (float) x[i], (float) y[i]);
                scaled[i] = a * (float) y[i];
            }
            Vector vy = Storage.NATIVE_FLOAT.vector(y);
            vy.axpy(a, Storage.NATIVE_FLOAT.vector(x));
            assertArrayEquals(fused, vy.toArray(), "saxpy, n = " + n);
            vy.set(y);
            vy.scale(a);
            assertArrayEquals(scaled, vy.toArray(), "sscal, n = " + n);
            vy.setToSum(Storage.NATIVE_FLOAT.vector(y), a, Storage.NATIVE_FLOAT.vector(x));
            assertArrayEquals(fused, vy.toArray(), "y + a·x into a third vector, n = " + n);
        }
    }

    @Test
    void floatStorageRoundsWhatIsSetAndReadsItBackExactly() {
        Vector v = Vector.floats(3);
        v.set(new double[] {0.1, 1.0 / 3, -2.5});
        assertArrayEquals(new double[] {(float) 0.1, (float) (1.0 / 3), -2.5}, v.toArray());
        v.set(1, Math.PI);
        assertEquals((float) Math.PI, v.get(1), 0.0);
    }

    @Test
    void heapAndJoinedVectorsAreLiveViewsOfTheCallersArrays() {
        double[] first = {1, 2};
        double[] second = {3};
        Vector v = Vector.join(first, second);
        assertEquals(3, v.length());
        v.set(2, 30);
        first[0] = 10;
        assertArrayEquals(new double[] {10, 2, 30}, v.toArray());
        assertEquals(30, second[0], 0.0);
        v.axpy(2, Vector.join(new double[] {1, 1}, new double[] {1}));
        assertArrayEquals(new double[] {12, 4}, first);
    }

    @Test
    void aDenseMatrixIsAVectorOfItsColumnMajorEntries() {
        DenseMatrix m = new DenseMatrix(2, 3);
        m.copyFrom(new double[] {1, 2, 3, 4, 5, 6});
        Vector v = Vector.of(m);
        v.scale(2);
        assertEquals(8, m.get(1, 1), 0.0);   // entry (1, 1) is element 1 + 1·2 = 3
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12}, v.toArray());
    }

    @Test
    void theVersionCountsEveryWriteThroughTheVectorOrTheOptimizer() {
        for (Storage s : new Storage[] {Storage.HEAP, Storage.NATIVE_FLOAT, Storage.JOINED_NATIVE_DOUBLE}) {
            Vector v = s.vector(new double[] {1, 2, 3, 4});
            Vector w = s.vector(new double[] {4, 3, 2, 1});
            long seen = v.version();
            assertEquals(seen, v.version(), "reading does not count");
            v.toArray();
            v.get(1);
            assertEquals(seen, v.version(), "reading does not count");
            Runnable[] writes = {() -> v.set(0, 5), () -> v.set(new double[] {1, 1, 1, 1}), () -> v.copyFrom(w),
                () -> v.axpy(1, w), () -> v.scale(2), () -> v.setToSum(w, 1, w), () -> v.fill(0),
                () -> {
                    for (Chunks c = new Chunks(v).start(); c.next(); ) {
                        c.array(0)[c.from()] = 7;
                    }
                },
                () -> OptimizerConfig.of("adam", 0.1).create(v).step((at, g) -> 0)};
            for (Runnable write : writes) {
                write.run();
                assertTrue(v.version() != seen, s + ": a write must change the version");
                seen = v.version();
            }
        }
    }

    @Test
    void vectorsOfAnotherLayoutAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Vector.of(1, 2).axpy(1, Vector.of(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Vector.doubles(4).copyFrom(Vector.floats(4)));
        assertThrows(IllegalArgumentException.class, () -> Vector.join(Vector.of(1), Vector.of(2, 3))
                .axpy(1, Vector.join(Vector.of(1, 2), Vector.of(3))));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.of("gd", 0.1).create(Vector.of(1, 2),
                Vector.doubles(2)));
        assertThrows(IllegalArgumentException.class, () -> Vector.of(1).set(new double[2]));
    }

    private static double[] gaussians(Random r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextGaussian();
        }
        return out;
    }

    private static double absDot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(x[i] * y[i]);
        }
        return s;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
