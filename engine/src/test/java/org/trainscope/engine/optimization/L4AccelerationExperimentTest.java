package org.trainscope.engine.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/** Depth as acceleration on ℓ4 regression: the minimum, the layers' gradients, the end-to-end rule, the race. */
class L4AccelerationExperimentTest {
    private static L4AccelerationExperiment create(long seed, String... assignments) {
        Params p = L4AccelerationExperiment.TYPE.defaults();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            p = p.with(a.substring(0, eq), a.substring(eq + 1));
        }
        return (L4AccelerationExperiment) L4AccelerationExperiment.TYPE.create(p, seed);
    }

    /**
     * At the defaults (η = 0.07, the same for every racer) depth 2 reaches the target in fewer steps than depth 1:
     * plain GD on w diverges there (the loss is sharpest at w ≈ 0, λ_max(∇²ℓ(0)) ≈ 57 &gt; 2/η), while the depth-2
     * net's end-to-end rate ‖w‖η is small near 0 and grows with w. Exact step counts, no tolerance.
     */
    @Test
    void depthTwoReachesTheTargetInFewerStepsThanDepthOneAtTheDefaults() {
        L4AccelerationExperiment e = create(0);
        Frame f = e.frame();
        for (int s = 0; s < L4AccelerationExperiment.TYPE.defaultSteps(); s++) {
            f = e.step();
        }
        double depth1 = f.scalar(L4AccelerationExperiment.HIT.of("depth1"));
        double depth2 = f.scalar(L4AccelerationExperiment.HIT.of("depth2"));
        assertTrue(Double.isFinite(depth2), "depth 2 reaches the target");
        assertTrue(Double.isNaN(depth1) || depth2 < depth1, "depth 2 " + depth2 + " vs depth 1 " + depth1);
        assertTrue(f.scalar(L4AccelerationExperiment.EXCESS.of("depth2")) <= f.scalar(L4AccelerationExperiment.TARGET));
    }

    /** The Newton minimum of the ℓ2 loss is the least-squares solution by QR: both within 1e-10 (κ(X) ≈ 30, ε·κ² ≈ 1e-13). */
    @Test
    void theNewtonMinimumOfLeastSquaresIsTheQrSolution() {
        PowerRegression l2 = PowerRegression.diabetes(2);
        PowerRegression l4 = PowerRegression.diabetes(4);
        double[] newton = l2.minimizer();
        org.trainscope.engine.data.Table t = org.trainscope.engine.data.Table.diabetes().standardized();
        double[][] columns = new double[t.dim()][t.size()];
        for (int i = 0; i < t.size(); i++) {
            for (int j = 0; j < t.dim(); j++) {
                columns[j][i] = t.feature(i, j);
            }
        }
        double[] qr = LeastSquares.solve(columns, centredScaledTarget(t));
        for (int j = 0; j < t.dim(); j++) {
            assertEquals(qr[j], newton[j], 1e-10, "coefficient " + j);
        }
        double[] g4 = new double[t.dim()];
        l4.loss(l4.minimizer(), g4);
        for (double v : g4) {
            assertEquals(0, v, 1e-12, "∇ℓ₄ vanishes at its minimum (ℓ₄ ≈ 0.6, entries of size 1: rounding ≈ 1e-15)");
        }
    }

    private static double[] centredScaledTarget(org.trainscope.engine.data.Table t) {
        double[] y = t.targets();
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double var = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length;
        return java.util.Arrays.stream(y).map(v -> (v - mean) / Math.sqrt(var)).toArray();
    }

    /**
     * One gradient step on the layers of a balanced depth-N net moves w by −η‖w‖^{2−2/N}(∇ + (N−1)Pr_w∇) up to
     * O(η²) (Arora, Cohen &amp; Hazan, Claim 1, for gradient flow). At η = 1e-6 and ‖w‖ = 0.5 the second-order term
     * is ≈ η·‖∇‖·N relative, below 1e-4: tolerance 1e-3 of the step.
     */
    @Test
    void aStepOnTheLayersMovesWByTheEndToEndRule() {
        for (String racer : List.of("depth2", "depthN")) {
            L4AccelerationExperiment e = create(2, "lr=0.000001", "init=0.5", "every=1", "depth=4");
            PowerRegression problem = PowerRegression.diabetes(4);
            double[] w = e.endToEnd(racer);
            double[] grad = new double[w.length];
            problem.loss(w, grad);
            int depth = racer.equals("depth2") ? 2 : 4;
            double[] predicted = L4AccelerationExperiment.endToEndUpdate(w, grad, depth);
            e.step();
            double[] after = e.endToEnd(racer);
            double err = 0;
            double size = 0;
            for (int j = 0; j < w.length; j++) {
                double moved = after[j] - w[j];
                err = Math.hypot(err, moved + 1e-6 * predicted[j]);
                size = Math.hypot(size, 1e-6 * predicted[j]);
            }
            assertTrue(err <= 1e-3 * size, racer + ": |Δw − predicted| = " + err + " vs " + size);
        }
    }

    /**
     * The layers' gradients (chain rule through w = w₁·ω₂⋯ω_N) against central differences of the loss: step h = 1e-6
     * gives a truncation error h²·|ℓ'''| ≈ 1e-11 and a rounding error ε·ℓ/h ≈ 1e-10, so 1e-7 relative is safe.
     */
    @Test
    void theLayersGradientsMatchFiniteDifferences() {
        L4AccelerationExperiment e = create(4, "init=0.3", "depth=3", "lr=0.01");
        for (int s = 0; s < 3; s++) {
            e.step();
        }
        Snapshot snap = e.snapshot();
        double[] theta = snap.array("depthN.theta");
        double[] analytic = e.layerGradient("depthN", theta);
        double h = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (e.layerLoss("depthN", plus) - e.layerLoss("depthN", minus)) / (2 * h);
            assertEquals(numeric, analytic[k], 1e-7 * Math.max(1, Math.abs(numeric)), "∂ℓ/∂θ_" + k);
        }
    }

    @Test
    void sameSeedSameFramesAndARestoredSnapshotRepeatsThem() {
        L4AccelerationExperiment a = create(9);
        L4AccelerationExperiment b = create(9);
        Snapshot mid = null;
        List<Frame> after = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            assertEquals(a.step(), b.step());
            if (t == 9) {
                mid = a.snapshot();
            } else if (t > 9) {
                after.add(a.frame());
            }
        }
        a.restore(mid);
        for (Frame expected : after) {
            assertEquals(expected, a.step());
        }
        assertEquals(1.0, a.frame().scalar(L4AccelerationExperiment.DIVERGED.of("depth1")), "depth 1 frozen at η = 0.07");
    }
}
