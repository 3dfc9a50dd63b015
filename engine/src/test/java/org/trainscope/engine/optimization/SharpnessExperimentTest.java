package org.trainscope.engine.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.data.Digits;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;

/** Sharpness: Lanczos against a known spectrum, the exact Hessian-vector product against differences of gradients. */
class SharpnessExperimentTest {
    private static SharpnessExperiment create(long seed, String... assignments) {
        Params p = SharpnessExperiment.TYPE.defaults();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            p = p.with(a.substring(0, eq), a.substring(eq + 1));
        }
        return (SharpnessExperiment) SharpnessExperiment.TYPE.create(p, seed);
    }

    /** H = Q·diag(λ)·Qᵀ with a random orthogonal Q (Gram–Schmidt of Gaussian columns), as an operator. */
    private static double[][] quadratic(double[] lambda, Rng rng) {
        int d = lambda.length;
        double[][] q = new double[d][d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                q[c][i] = rng.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = Lanczos.dot(q[c], q[p]);
                    for (int i = 0; i < d; i++) {
                        q[c][i] -= dot * q[p][i];
                    }
                }
            }
            double norm = Lanczos.norm(q[c]);
            for (int i = 0; i < d; i++) {
                q[c][i] /= norm;
            }
        }
        double[][] h = new double[d][d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    h[i][j] += lambda[c] * q[c][i] * q[c][j];
                }
            }
        }
        return h;
    }

    /**
     * On a quadratic with a known Hessian, Lanczos with m = d steps returns its eigenvalues exactly: T = QᵀHQ is
     * similar to H. Tolerance 1e-10 relative: full reorthogonalization keeps Q orthogonal to ~d·ε, and Jacobi's
     * eigenvalues are backward stable. With m = 15 &lt; d the top three, well separated (gaps ≥ 20 on a spread of
     * 100), converge to the same tolerance (Kaniel–Paige: error ∝ ((1 − gap)/(1 + gap))^{2m}).
     */
    @Test
    void lanczosEigenvaluesOfAQuadraticWithAKnownHessianAreExact() {
        int d = 40;
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            lambda[i] = 0.5 * i - 3;             // −3 … 16.5, indefinite as a net's Hessian is
        }
        lambda[0] = 100;
        lambda[1] = 60;
        lambda[2] = 40;
        double[][] h = quadratic(lambda, new Rng(7));
        double[] start = new double[d];
        Rng rng = new Rng(8);
        for (int i = 0; i < d; i++) {
            start[i] = rng.nextGaussian();
        }
        java.util.function.BiConsumer<double[], double[]> op = (v, hv) -> {
            for (int i = 0; i < d; i++) {
                hv[i] = Lanczos.dot(h[i], v);
            }
        };
        double[] sorted = lambda.clone();
        java.util.Arrays.sort(sorted);
        Lanczos.Result full = Lanczos.top(op, start, d, d);
        for (int i = 0; i < d; i++) {
            assertEquals(sorted[d - 1 - i], full.values()[i], 1e-10 * 100, "eigenvalue " + (i + 1));
        }
        Lanczos.Result partial = Lanczos.top(op, start, 15, 3);
        assertEquals(100, partial.values()[0], 1e-8);
        assertEquals(60, partial.values()[1], 1e-8);
        assertEquals(40, partial.values()[2], 1e-8);
        double[] hv = new double[d];
        op.accept(partial.vectors()[0], hv);
        for (int i = 0; i < d; i++) {
            assertEquals(100 * partial.vectors()[0][i], hv[i], 1e-6, "Hv = λv for the top Ritz vector");
        }
    }

    /**
     * The forward-over-backward Hessian-vector product against central differences of exact gradients,
     * (∇L(θ + hv) − ∇L(θ − hv))/2h: truncation h²·‖∇⁴L‖ ≈ 1e-10 and rounding ε‖∇L‖/h ≈ 1e-11 at h = 1e-5, so
     * 1e-6 of ‖Hv‖; and H is symmetric, uᵀHv = vᵀHu, to rounding (1e-12 relative).
     */
    @Test
    void theExactHessianVectorProductMatchesDifferencesOfGradientsForBothLosses() {
        for (String loss : List.of("square", "cross-entropy")) {
            SharpnessExperiment e = create(1, "n=40", "hidden=6", "loss=" + loss, "k=1");
            TanhMlp net = e.net();
            double[] theta = e.theta();
            Rng rng = new Rng(3);
            double[] v = new double[theta.length];
            double[] u = new double[theta.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextGaussian();
                u[i] = rng.nextGaussian();
            }
            double[] hv = new double[theta.length];
            double[] hu = new double[theta.length];
            net.hessianVector(theta, v, hv);
            net.hessianVector(theta, u, hu);
            double h = 1e-5;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            for (int i = 0; i < theta.length; i++) {
                plus[i] += h * v[i];
                minus[i] -= h * v[i];
            }
            double[] gp = new double[theta.length];
            double[] gm = new double[theta.length];
            net.loss(plus, gp);
            net.loss(minus, gm);
            double size = Lanczos.norm(hv);
            for (int i = 0; i < theta.length; i++) {
                assertEquals((gp[i] - gm[i]) / (2 * h), hv[i], 1e-6 * size, loss + ": (Hv)_" + i);
            }
            assertEquals(Lanczos.dot(u, hv), Lanczos.dot(v, hu), 1e-12 * Lanczos.norm(u) * size * 10, loss + ": symmetric");
        }
    }

    @Test
    void aFrameHoldsTheTopKEigenvaluesInOrderAndTwoOverEta() {
        SharpnessExperiment e = create(2, "n=64", "hidden=8", "k=4", "lr=0.5");
        Frame f = e.step();
        assertEquals(4.0, f.scalar(SharpnessExperiment.TWO_OVER_LR), 0);
        assertEquals(f.scalar(SharpnessExperiment.EIG.of(1)), f.scalar(SharpnessExperiment.SHARPNESS), 0);
        for (int i = 1; i < 4; i++) {
            assertTrue(f.scalar(SharpnessExperiment.EIG.of(i)) >= f.scalar(SharpnessExperiment.EIG.of(i + 1)));
        }
        assertEquals(Digits.DIM * 8 + 8 + 8 * 8 + 8 + 8 * 10 + 10, e.net().parameterCount());
    }

    @Test
    void sameSeedSameFramesAndARestoredSnapshotRepeatsThem() {
        SharpnessExperiment a = create(5, "n=64", "hidden=8");
        SharpnessExperiment b = create(5, "n=64", "hidden=8");
        Snapshot mid = null;
        List<Frame> after = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            assertEquals(a.step(), b.step());
            if (t == 4) {
                mid = a.snapshot();
            } else if (t > 4) {
                after.add(a.frame());
            }
        }
        Frame atMid = null;
        a.restore(mid);
        atMid = a.frame();
        assertEquals(5, atMid.step());
        for (Frame expected : after) {
            assertEquals(expected, a.step());
        }
    }
}
