package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainscope.engine.optim.Storage.BANANA;
import static org.trainscope.engine.optim.Storage.START;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule, one problem, every storage: the rule must not depend on where its numbers live.
 *
 * <p><b>Same bits on both paths.</b> A block of three (x, y, z) is run alone in a heap array and, tiled 1000
 * times, as native DOUBLE (3000 elements: BLAS, and two chunks for the elementwise rules) and as two joined native
 * parts (BLAS on each); and in FLOAT, alone (loop path) and tiled (BLAS). Blocks do not interact (even the flow's
 * error norm is a max over identical blocks), and both paths round alike (axpy fused, scal one product), so every
 * block must equal the lone block bit for bit. Not for {@code normalized}, whose ‖g‖² sums over every block (tiling
 * changes its step): NormalizedGradientTest compares its storages at one length.
 *
 * <p><b>FLOAT within FLOAT rounding.</b> On a separable quadratic, FLOAT storage against DOUBLE: each step rounds
 * x, ∇f and the rule's state to FLOAT once (relative u = 2⁻²⁴ ≈ 6e-8, three roundings ≈ 2e-7 of max|x|); a
 * contracting rule does not amplify earlier errors and momentum μ = 0.5 at most by 1/(1−μ) = 2, so after 20
 * steps the paths are within 20 · 2e-7 · 2 ≈ 8e-6 of max|x_0|: tolerance 1e-5. A step moves x by η|∇f| ≈ 0.05,
 * so a rule that went wrong in FLOAT would miss by thousands of tolerances; and the check that the paths differ
 * at all shows that FLOAT storage is really used.
 */
class StoragePathsTest {
    private static final int TILES = 1000;

    static Iterable<String> rules() {
        return OptimizerConfig.RULES.stream().filter(r -> !r.equals("normalized")).toList();
    }

    static Iterable<String> floatRules() {
        return OptimizerParams.TRAINED_RULES;
    }

    static Iterable<String> blockwiseFloatRules() {
        return OptimizerParams.TRAINED_RULES.stream().filter(r -> !r.equals("normalized")).toList();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void largeDoubleVectorsThroughBlasGiveTheBitsOfASmallOneThroughLoops(String rule) {
        OptimizerConfig config = config(rule);
        Vector lone = Storage.HEAP.vector(START);
        Vector tiled = Storage.NATIVE_DOUBLE.vector(Storage.tile(START, TILES));
        Vector joined = Storage.JOINED_NATIVE_DOUBLE.vector(Storage.tile(START, TILES));
        assertTrue(tiled.length() >= Vector.BLAS_FROM && joined.parts().get(0).length() >= Vector.BLAS_FROM);
        checkSameBits(config, lone, tiled, joined);
    }

    @ParameterizedTest
    @MethodSource("blockwiseFloatRules")
    void largeFloatVectorsThroughBlasGiveTheBitsOfASmallOneThroughLoops(String rule) {
        OptimizerConfig config = config(rule);
        checkSameBits(config, Storage.NATIVE_FLOAT.vector(START), Storage.NATIVE_FLOAT.vector(Storage.tile(START, TILES)));
    }

    private static void checkSameBits(OptimizerConfig config, Vector lone, Vector... large) {
        Optimizer small = config.create(lone);
        Optimizer[] big = new Optimizer[large.length];
        for (int k = 0; k < large.length; k++) {
            big[k] = config.create(large[k]);
        }
        for (int t = 1; t <= 25; t++) {
            small.step(BANANA);
            for (int k = 0; k < large.length; k++) {
                big[k].step(BANANA);
                double[] v = large[k].toArray();
                for (int i = 0; i < v.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(lone.get(i % 3)), Double.doubleToRawLongBits(v[i]),
                            () -> config.rule() + ": " + large[0] + " differs from the lone block");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("floatRules")
    void floatStorageFollowsTheDoubleTrajectoryWithinFloatRounding(String rule) {
        for (int n : new int[] {7, 700}) {   // the loop path and the BLAS path
            double[] a = new double[n];
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = 0.5 + 1.5 * i / (n - 1);                       // curvatures in [0.5, 2]: 2ηa ≤ 0.2
                x0[i] = (i % 2 == 0 ? 1 : -1) * (0.5 + (i % 5) / 4.0); // |x_0| in [0.5, 1.5]
            }
            Objective f = Quadratics.quadratic(new double[][] {a});
            Vector single = Storage.NATIVE_FLOAT.vector(x0);
            Vector exact = Storage.HEAP.vector(x0);
            OptimizerConfig config = new OptimizerConfig(rule, new LearningRate.Constant(0.05), 0.5, 0.9, 0.9, 0.999,
                    1e-8, 0.01);
            Optimizer inFloat = config.create(single);
            Optimizer inDouble = config.create(exact);
            double largest = 0;
            for (int t = 1; t <= 20; t++) {
                inFloat.step(f);
                inDouble.step(f);
                for (int i = 0; i < n; i++) {
                    double xf = single.get(i);
                    assertEquals(xf, (float) xf, 0.0, "stored in FLOAT");
                    largest = Math.max(largest, Math.abs(xf - exact.get(i)));
                }
            }
            assertTrue(largest <= 1e-5 * 1.5, rule + " n=" + n + ": FLOAT is " + largest + " from DOUBLE");
            assertTrue(largest > 0, rule + ": FLOAT rounding should show");
        }
    }

    @org.junit.jupiter.api.Test
    void theFlowRefusesFloatParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerConfig.of("flow", 0.01).create(Vector.floats(4)));
        assertTrue(e.getMessage().contains("DOUBLE"), e.getMessage());
    }

    private static OptimizerConfig config(String rule) {
        return new OptimizerConfig(rule, new LearningRate.Exponential(0.002, 0.05), 0.9, 0.9, 0.9, 0.999, 1e-8, 0.01);
    }
}
