package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainscope.engine.optim.Quadratics.assertRelative;
import static org.trainscope.engine.optim.Quadratics.assertScaled;
import static org.trainscope.engine.optim.Quadratics.quadratic;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Snapshot;

/**
 * The normalized rule (RMSprop on the global gradient norm) on f = a₁x₁² + a₂x₂², g = (2a₁x₁, 2a₂x₂), against its
 * first three steps by hand, with the running mean unrolled as in AdaptiveRulesTest: v_1 = (1−ρ)‖g_0‖²,
 * v_2 = (1−ρ)(ρ‖g_0‖² + ‖g_1‖²), v_3 = (1−ρ)(ρ²‖g_0‖² + ρ‖g_1‖² + ‖g_2‖²), x_{t+1} = x_t − η g_t/(√v_{t+1} + ε).
 * Tolerance 1e-13 relative: each step is a dozen roundings (≈ 3e-15). ε = 1e-4 against ‖g‖ ≈ 3 shifts each step by
 * ~3e-5 of itself, far above the tolerance, so forgetting ε is seen; as is a per-coordinate v (RMSprop), whose
 * first step would move both coordinates by the same η/√(1−ρ) instead of along g.
 */
class NormalizedGradientTest {
    private static final double TOL = 1e-13;
    private static final double ETA = 0.05;
    private static final double RHO = 0.8;
    private static final double EPS = 1e-4;
    private static final double[] A = {1.5, 0.25};

    private static OptimizerConfig config() {
        return new OptimizerConfig("normalized", new LearningRate.Constant(ETA), 0.9, RHO, 0.9, 0.999, EPS, 0);
    }

    @Test
    void firstThreeStepsByHand() {
        double[] x = {0.8, -1.2};
        Optimizer o = config().create(Vector.of(x));
        Objective f = quadratic(new double[][] {A});
        double[][] xs = {x.clone(), null, null, null};
        double[] steps = new double[3];
        for (int t = 0; t < 3; t++) {
            o.step(f);
            xs[t + 1] = x.clone();
            steps[t] = o.stepSize();
        }
        double n0 = normSquared(xs[0]);
        double n1 = normSquared(xs[1]);
        double n2 = normSquared(xs[2]);
        double[] expectedSteps = {
            ETA / (Math.sqrt((1 - RHO) * n0) + EPS),                                  // ≈ η/(√(1−ρ)‖g_0‖)
            ETA / (Math.sqrt((1 - RHO) * (RHO * n0 + n1)) + EPS),
            ETA / (Math.sqrt((1 - RHO) * (RHO * RHO * n0 + RHO * n1 + n2)) + EPS)};
        for (int t = 0; t < 3; t++) {
            assertRelative(expectedSteps[t], steps[t], TOL, "η/(√v+ε) of step " + (t + 1));
            for (int i = 0; i < 2; i++) {
                double expected = xs[t][i] - expectedSteps[t] * 2 * A[i] * xs[t][i];
                assertRelative(expected, xs[t + 1][i], TOL, "x_" + (t + 1) + "[" + i + "]");
            }
        }
    }

    /** The snapshot holds t and v, the running mean of ‖g‖², and a restored rule takes the same next step. */
    @Test
    void theSnapshotHoldsTheRunningMeanAndRestoresIt() {
        double[] x = {0.8, -1.2};
        Optimizer o = config().create(Vector.of(x));
        Objective f = quadratic(new double[][] {A});
        double n0 = normSquared(x);
        o.step(f);
        double n1 = normSquared(x);
        o.step(f);
        Snapshot s = o.state();
        assertEquals(2, s.longValue("t"));
        assertRelative((1 - RHO) * (RHO * n0 + n1), s.array("v")[0], TOL, "v_2");

        double[] y = x.clone();
        o.step(f);
        Optimizer fork = config().create(Vector.of(y));
        fork.restore(s);
        fork.step(f);
        assertArrayEquals(x, y, "the restored rule continues bit for bit");
        assertEquals(o.stepSize(), fork.stepSize(), 0.0);
    }

    /**
     * Heap arrays, native DOUBLE (BLAS) and two joined native parts at one length (3000, a quadratic): only the
     * summation order of ‖g‖² differs (a loop, one ddot, two), ~n·2⁻⁵³ ≈ 3e-13 of v, half that on the step; the
     * quadratic contracts (η·2a/‖g‖ small), so 25 steps stay within 25 · 2e-13 of |x_0|: tolerance 1e-11.
     */
    @Test
    void everyDoubleStorageFollowsTheSamePathUpToTheOrderOfTheSum() {
        int n = 3000;
        double[] a = new double[n];
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.5 + 1.5 * i / (n - 1);
            x0[i] = (i % 2 == 0 ? 1 : -1) * (0.5 + (i % 5) / 4.0);
        }
        Objective f = quadratic(new double[][] {a});
        Vector heap = Storage.HEAP.vector(x0);
        Vector[] others = {Storage.NATIVE_DOUBLE.vector(x0), Storage.JOINED_NATIVE_DOUBLE.vector(x0)};
        Optimizer reference = config().create(heap);
        Optimizer[] rules = {config().create(others[0]), config().create(others[1])};
        for (int t = 1; t <= 25; t++) {
            reference.step(f);
            for (int k = 0; k < others.length; k++) {
                rules[k].step(f);
                for (int i = 0; i < n; i += 7) {
                    assertScaled(heap.get(i), others[k].get(i), 1e-11, 1.5, others[k] + " x_" + t + "[" + i + "]");
                }
            }
        }
        assertTrue(Math.abs(heap.get(0) - x0[0]) > 1e-3, "x moved (a step of length ~η spreads over 3000 coordinates)");
    }

    /** The step size a model can integrate with: η_t for gd, NaN where the step is not one multiple of ∇f. */
    @Test
    void stepSizeIsTheScheduledRateForGdAndUndefinedForMomentum() {
        Objective f = quadratic(new double[][] {A});
        OptimizerConfig decaying = new OptimizerConfig("gd", new LearningRate.Exponential(0.1, -0.5), 0.9, 0.9, 0.9,
                0.999, 1e-8, 0);
        Optimizer gd = decaying.create(Vector.of(0.8, -1.2));
        assertTrue(Double.isNaN(gd.stepSize()), "no step yet");
        gd.step(f);
        assertEquals(0.1, gd.stepSize(), 0.0);
        gd.step(f);
        assertEquals(0.05, gd.stepSize(), 0.0);
        Optimizer heavy = decaying.withRule("momentum").create(Vector.of(0.8, -1.2));
        heavy.step(f);
        assertTrue(Double.isNaN(heavy.stepSize()), "momentum's step also carries the last one");
    }

    /** ‖g‖² at x for f = a₁x₁² + a₂x₂², summed in the other order than the rule's. */
    private static double normSquared(double[] x) {
        double g1 = 2 * A[1] * x[1];
        double g0 = 2 * A[0] * x[0];
        return g1 * g1 + g0 * g0;
    }
}
