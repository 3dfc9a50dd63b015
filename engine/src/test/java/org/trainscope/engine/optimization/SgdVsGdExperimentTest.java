package org.trainscope.engine.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/** GD vs SGD on lecture 003's linear regression, against the least-squares solution and the sampling statistics. */
class SgdVsGdExperimentTest {
    private static SgdVsGdExperiment create(long seed, String... assignments) {
        Params p = SgdVsGdExperiment.TYPE.defaults();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            p = p.with(a.substring(0, eq), a.substring(eq + 1));
        }
        return (SgdVsGdExperiment) SgdVsGdExperiment.TYPE.create(p, seed);
    }

    /**
     * The QR solution satisfies the normal equations: ∇L(β̂) = (2/n)Xᵀ(Xβ̂ − y) = 0. Tolerance 1e-12: each sum of
     * n = 100,000 residual terms of size ≈ σ = 1 carries a rounding error of about √n·ε·|r| ≈ 1e-13.
     */
    @Test
    void theQrSolutionSatisfiesTheNormalEquations() {
        SgdVsGdExperiment e = create(3);
        Frame f = e.frame();
        double[] m = e.moments(f.scalar(SgdVsGdExperiment.OLS_B0), f.scalar(SgdVsGdExperiment.OLS_B1));
        assertEquals(0, m[1], 1e-12);
        assertEquals(0, m[2], 1e-12);
        assertEquals(1.0, f.scalar(SgdVsGdExperiment.OLS_B0), 0.05, "β̂₀ near the true 1 (its s.e. is ≈ 0.007)");
        assertEquals(2.0, f.scalar(SgdVsGdExperiment.OLS_B1), 0.05, "β̂₁ near the true 2");
    }

    /**
     * GD converges to the QR solution. Its error contracts by ρ = max|1 − ηλ_i(∇²L)| per step: at η = 0.2 with
     * λ ≈ {4.4, 0.30} that is 0.94, so 700 steps shrink the start's distance (≈ 4.5) below 4·0.94⁷⁰⁰ ≈ 1e-18; what is
     * left is the rounding of ∇L near β̂ (≈ 1e-13 per sum, divided by λ_min ≈ 0.3): tolerance 1e-9.
     */
    @Test
    void gradientDescentConvergesToTheQrSolution() {
        SgdVsGdExperiment e = create(3, "lr=0.2");
        Frame f = e.frame();
        for (int t = 0; t < 700; t++) {
            f = e.step();
        }
        assertEquals(f.scalar(SgdVsGdExperiment.OLS_B0), f.scalar(SgdVsGdExperiment.B0.of("gd")), 1e-9);
        assertEquals(f.scalar(SgdVsGdExperiment.OLS_B1), f.scalar(SgdVsGdExperiment.B1.of("gd")), 1e-9);
        assertEquals(0, f.scalar(SgdVsGdExperiment.EXCESS.of("gd")), 1e-12);
        assertEquals(700L * 100_000, (long) f.scalar(SgdVsGdExperiment.EXAMPLES.of("gd")));
    }

    /**
     * The mean of M minibatch gradients equals ∇L within its standard error √(c_ii/M), c = Σ(β)/B the declared
     * covariance of one batch gradient: we allow 4 standard errors (a 6e-5 chance per component for a fair sampler;
     * the seed is fixed, so the test is deterministic). The sample variance of M draws has a relative standard error
     * √((κ − 1)/M) ≈ 0.03–0.06 for these residuals (kurtosis κ ≈ 3–9): 20 % is more than 3 of them.
     */
    @Test
    void theMeanOfManyBatchGradientsIsTheFullGradient() {
        SgdVsGdExperiment e = create(5);
        Frame f = e.frame();
        int draws = 4000;
        for (String racer : List.of("sgd", "mb")) {
            double[] grad = f.series(SgdVsGdExperiment.GRADIENT.of(racer));
            double[] cov = f.series(SgdVsGdExperiment.COVARIANCE.of(racer));
            double[] sum = new double[2];
            double[] sq = new double[2];
            for (int k = 0; k < draws; k++) {
                double[] g = e.batchGradient(racer, f.scalar(SgdVsGdExperiment.B0.of(racer)),
                        f.scalar(SgdVsGdExperiment.B1.of(racer)));
                for (int i = 0; i < 2; i++) {
                    sum[i] += g[i];
                    sq[i] += (g[i] - grad[i]) * (g[i] - grad[i]);
                }
            }
            double[] variance = {cov[0], cov[2]};
            for (int i = 0; i < 2; i++) {
                double se = Math.sqrt(variance[i] / draws);
                assertEquals(grad[i], sum[i] / draws, 4 * se, racer + ": mean of component " + i);
                assertEquals(variance[i], sq[i] / draws, 0.2 * variance[i], racer + ": variance of component " + i);
            }
        }
    }

    @Test
    void sameSeedSameFramesAndARestoredSnapshotRepeatsThem() {
        SgdVsGdExperiment a = create(11, "n=5000", "schedule=robbins-monro");
        SgdVsGdExperiment b = create(11, "n=5000", "schedule=robbins-monro");
        Snapshot at20 = null;
        List<Frame> after = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            assertEquals(a.step(), b.step());
            if (t == 19) {
                at20 = a.snapshot();
            } else if (t > 19) {
                after.add(a.frame());
            }
        }
        a.restore(at20);
        for (Frame expected : after) {
            assertEquals(expected, a.step());
        }
        SgdVsGdExperiment other = create(12, "n=5000", "schedule=robbins-monro");
        other.step();
        assertTrue(other.frame().scalar("sgd.b0") != create(11, "n=5000", "schedule=robbins-monro").step()
                .scalar("sgd.b0"), "another seed draws other data and batches");
    }

    @Test
    void theRobbinsMonroRateFallsAsEta0OverOnePlusTOverK() {
        SgdVsGdExperiment e = create(1, "n=1000", "schedule=robbins-monro", "rm_k=10", "lr=0.1");
        assertEquals(0.1, e.frame().scalar(SgdVsGdExperiment.LR), 0);
        for (int t = 0; t < 10; t++) {
            e.step();
        }
        assertEquals(0.05, e.frame().scalar(SgdVsGdExperiment.LR), 1e-15);
    }

    @Test
    void aDivergingRunStopsAtItsLastGoodFrameAndBadValuesAreRefused() {
        SgdVsGdExperiment e = create(1, "n=1000", "lr=1");
        DivergedException ex = assertThrows(DivergedException.class, () -> {
            for (int t = 0; t < 5000; t++) {
                e.step();
            }
        });
        assertTrue(ex.getMessage().contains("lower lr"), ex.getMessage());
        Frame last = e.frame();
        assertTrue(Double.isFinite(last.scalar("gd.b0")));
        assertEquals(e.stepCount(), last.step(), "the state is the last good frame's");
        ParamException bad = assertThrows(ParamException.class,
                () -> SgdVsGdExperiment.TYPE.defaults().with("n", "10"));
        assertTrue(bad.getMessage().contains("n") && bad.getMessage().contains("[100, 1000000]"), bad.getMessage());
    }
}
