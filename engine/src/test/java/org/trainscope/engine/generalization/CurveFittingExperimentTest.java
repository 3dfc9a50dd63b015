package org.trainscope.engine.generalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.linalg.Nd4jRuntime;
import org.trainscope.engine.linalg.Svd;

/** The polynomial fit is the least-squares solution; the wide random-features fit is the min-norm interpolant. */
class CurveFittingExperimentTest {
    static {
        Nd4jRuntime.init();
    }

    private static CurveFittingExperiment create(Params p, long seed) {
        return (CurveFittingExperiment) CurveFittingExperiment.TYPE.create(p, seed);
    }

    /**
     * The QR solution against an independent oracle, LAPACK's SVD pseudo-inverse (A⁺y is the least-squares solution of
     * a full-column-rank A). Degree 7 on t ∈ [−1, 1] has cond(A) ≈ 1e3, so two backward-stable solvers agree to
     * ≈ cond·1e-16 ≈ 1e-13 relative; 1e-10 leaves room. The optimality condition Aᵀ(Ac − y) = 0 is checked too, relative
     * to ‖A‖·‖y‖ (the size of Aᵀy) at the same 1e-12 scale of rounding.
     */
    @Test
    void polynomialFitIsTheQrLeastSquaresSolution() {
        CurveFittingExperiment e = create(CurveFittingExperiment.TYPE.defaults().with("degree", "7"), 3);
        double[] a = e.designMatrix();
        double[] y = e.samples();
        int n = y.length;
        int q = 8;
        double[] c = e.closedForm();
        double[] oracle = pinv(a, n, q, y);
        for (int j = 0; j < q; j++) {
            assertEquals(oracle[j], c[j], 1e-10 * (1 + Math.abs(oracle[j])), "c_" + j);
        }
        double[] r = LeastSquares.times(a, n, q, c);
        double norms = 0;
        for (int i = 0; i < n; i++) {
            r[i] -= y[i];
            norms += y[i] * y[i];
        }
        for (int j = 0; j < q; j++) {
            double g = 0;
            double col = 0;
            for (int i = 0; i < n; i++) {
                g += a[i * q + j] * r[i];
                col += a[i * q + j] * a[i * q + j];
            }
            assertEquals(0, g, 1e-12 * Math.sqrt(col * norms), "normal equation " + j);
        }
    }

    /**
     * p = 3n features, λ = 0: c* must interpolate (Ac = y) and lie in the row space of A (c = Aᵀz for some z): those
     * two facts characterize the minimum-norm interpolant A⁺y uniquely. The interpolation residual is the SVD's
     * rounding, ≈ cond(A)·1e-16·‖y‖ ≈ 1e-10 (hence 1e-9); the row-space test solves min_z ‖Aᵀz − c‖ independently by
     * Householder QR, whose residual for c in the range is again ≈ cond·1e-16 relative, so 1e-8 relative.
     */
    @Test
    void minNormInterpolantIsThePseudoInverse() {
        Params p = CurveFittingExperiment.TYPE.defaults().with("mode", "features").with("features", "60");
        CurveFittingExperiment e = create(p, 5);
        double[] a = e.designMatrix();
        double[] y = e.samples();
        int n = y.length;
        int q = 60;
        double[] c = e.closedForm();
        double[] fitted = LeastSquares.times(a, n, q, c);
        assertArrayEquals(y, fitted, 1e-9, "interpolates the samples");
        double[] at = new double[q * n];                 // Aᵀ, row-major q × n
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                at[j * n + i] = a[i * q + j];
            }
        }
        double[] z = LeastSquares.qr(at, q, n, c, 0);     // the z that brings Aᵀz closest to c
        double[] back = LeastSquares.times(at, q, n, z);
        double gap = 0;
        double size = 0;
        for (int j = 0; j < q; j++) {
            gap += (back[j] - c[j]) * (back[j] - c[j]);
            size += c[j] * c[j];
        }
        assertTrue(Math.sqrt(gap) < 1e-8 * Math.sqrt(size), "c lies in the row space of A: ‖Aᵀz − c‖ = " + Math.sqrt(gap));
    }

    /**
     * Double descent. The features are generic, so n of them interpolate n samples: the closed-form train MSE drops
     * from a visible residual at p = n − 1 to rounding at p = n (a solved square system of condition ≤ 1e6 leaves
     * residuals ≈ 1e-10, an MSE ≈ 1e-20; 1e-12 is far above that and far below the noise σ² = 0.04). The test error
     * peaks there (within n/4) and is ten times lower again at p = 10n.
     */
    @Test
    void testErrorPeaksAtTheInterpolationThresholdPEqualsN() {
        Frame f = create(CurveFittingExperiment.TYPE.defaults().with("mode", "features"), 0).frame();
        double[] ps = f.series(CurveFittingExperiment.SWEEP_P);
        double[] train = f.series(CurveFittingExperiment.SWEEP_TRAIN_MSE);
        double[] test = f.series(CurveFittingExperiment.SWEEP_TEST_MSE);
        int n = 20;
        assertEquals(n, ps[n - 1], "the sweep holds every p = 1 … 2n");
        assertTrue(train[n - 2] > 1e-4, "p = n − 1 cannot interpolate: " + train[n - 2]);
        assertTrue(train[n - 1] < 1e-12, "p = n interpolates: " + train[n - 1]);
        int peak = 0;
        for (int k = 1; k < ps.length; k++) {
            if (test[k] > test[peak]) {
                peak = k;
            }
        }
        assertEquals(n, ps[peak], n / 4.0, "peak at p = " + ps[peak]);
        assertTrue(test[ps.length - 1] < test[peak] / 10, "falls again: " + test[ps.length - 1] + " vs " + test[peak]);
    }

    /** GD moves towards the closed form: its loss never undercuts L(c*) (the minimum) and approaches it. */
    @Test
    void gradientDescentApproachesTheClosedForm() {
        Experiment e = CurveFittingExperiment.TYPE.create(CurveFittingExperiment.TYPE.defaults().with("degree", "3"), 2);
        double first = e.frame().scalar(CurveFittingExperiment.GD_LOSS);
        Frame f = null;
        for (int k = 0; k < 200; k++) {
            f = e.step();
            assertTrue(f.scalar(CurveFittingExperiment.GD_LOSS) >= f.scalar(CurveFittingExperiment.CLOSED_LOSS) - 1e-12);
        }
        double gap = f.scalar(CurveFittingExperiment.GD_LOSS) - f.scalar(CurveFittingExperiment.CLOSED_LOSS);
        assertTrue(gap < 1e-3 * (first - f.scalar(CurveFittingExperiment.CLOSED_LOSS)), "gap " + gap);
    }

    /**
     * GD on the degree-19 fit with η = 10: the Hessian AᵀA/n has eigenvalues near d + 1 ≈ 5 > 2/η, so the iterates grow
     * geometrically until the loss overflows. The run must stop with a DivergedException and stay at its last frame.
     */
    @Test
    void divergenceStopsAtTheLastGoodFrame() {
        Experiment e = CurveFittingExperiment.TYPE.create(CurveFittingExperiment.TYPE.defaults().with("degree", "19")
                .with("lr", "10").with("every", "50"), 0);
        Frame last = e.frame();
        org.trainscope.engine.experiment.DivergedException thrown = null;
        for (int k = 0; k < 200 && thrown == null; k++) {
            try {
                last = e.step();
            } catch (org.trainscope.engine.experiment.DivergedException ex) {
                thrown = ex;
            }
        }
        assertTrue(thrown != null, "η = 10 diverges");
        assertTrue(thrown.getMessage().contains("lower lr"), thrown.getMessage());
        assertEquals(last, e.frame(), "the state is that of the last good frame");
    }

    @Test
    void sameSeedSameFrames() {
        Params p = CurveFittingExperiment.TYPE.defaults().with("mode", "features").with("optimizer", "adam").with("lr", "0.01");
        Experiment a = CurveFittingExperiment.TYPE.create(p, 9);
        Experiment b = CurveFittingExperiment.TYPE.create(p, 9);
        for (int k = 0; k < 5; k++) {
            assertEquals(a.step(), b.step());
        }
    }

    @Test
    void degreeAboveNMinusOneIsRefused() {
        ParamException ex = assertThrows(ParamException.class, () -> create(CurveFittingExperiment.TYPE.defaults()
                .with("n", "10").with("degree", "10"), 0));
        assertEquals("degree", ex.param());
        assertTrue(ex.getMessage().contains("[0, 9]"), ex.getMessage());
    }

    private static double[] pinv(double[] a, int m, int q, double[] y) {
        Svd svd = Svd.of(Nd4j.create(a.clone(), new long[] {m, q}, 'c'));
        double[] c = new double[q];
        for (int k = 0; k < svd.s().length; k++) {
            double uy = 0;
            for (int i = 0; i < m; i++) {
                uy += svd.u().getDouble(i, k) * y[i];
            }
            for (int j = 0; j < q; j++) {
                c[j] += uy / svd.s()[k] * svd.vt().getDouble(k, j);
            }
        }
        return c;
    }
}
