package org.trainscope.engine.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Forks;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;

/** The factorizations train through {@code optim/}: the old GD and normalized updates bit for bit, and every rule. */
class FactorizationOptimizerTest {
    private static final double LR = 4e-3;

    /**
     * The update the experiment wrote by hand before it went through {@code optim/}, kept here as the reference:
     * gradients → Theorem 3's Euler step with η_t → W_j ← W_j − η_t ∂ℓ/∂W_j (daxpy) → forward, where η_t = η for gd
     * and, for normalized, v ← 0.9v + 0.1 Σ_j‖∂ℓ/∂W_j‖_F², η_t = η/(√v + 1e-4). A factorization of its own, started
     * at the experiment's factors, takes 60 such steps at the defaults (n = 100, depth 3, every = 1); after each, the
     * factors, the loss and Theorem 3's predictions must equal the experiment's bit for bit — so the frames (their
     * SVD, errors and predictions, functions of those) are the old ones, and saved sessions with optimizer=gd or
     * optimizer=normalized recompute the same runs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gd", "normalized"})
    void atTheDefaultsEveryStepIsTheHandWrittenUpdateBitForBit(String rule) {
        DeepMatrixFactorizationExperiment e = (DeepMatrixFactorizationExperiment) DeepMatrixFactorizationExperiment.TYPE
                .create(DeepMatrixFactorizationExperiment.TYPE.defaults().with("optimizer", rule), 0);
        double loss0 = e.frame().scalar(DeepMatrixFactorizationExperiment.LOSS);
        Rng rng = new Rng(0);   // the problem, the factors and Theorem 3's start basis, drawn as the experiment draws them
        MatrixCompletion problem = MatrixCompletion.generate(100, 5, 2000, rng);
        DeepFactorization byHand = new DeepFactorization(problem, 3, 1e-3, rng, OptimizerConfig.of("gd", 1));
        double[] basis = new double[100 * TheoremThree.blockSize(100, 10)];
        for (int i = 0; i < basis.length; i++) {
            basis[i] = rng.nextGaussian();
        }
        TheoremThree theory = new TheoremThree(100, 10, basis);
        assertArrayEquals(e.model().factor(0).toArray(), byHand.factor(0).toArray(), "the same start");
        double meanSquare = 0;
        for (int t = 1; t <= 60; t++) {
            byHand.gradients();
            double eta = LR;
            if (rule.equals("normalized")) {
                double norm2 = 0;
                for (int j = 0; j < 3; j++) {
                    norm2 += byHand.gradient(j).frobeniusSquared();
                }
                meanSquare = 0.9 * meanSquare + (1 - 0.9) * norm2;
                eta = LR / (Math.sqrt(meanSquare) + 1e-4);
            }
            theory.startInterval();
            theory.observe(byHand.endToEnd(), byHand.residual(), 3);
            theory.advance(eta);
            for (int j = 0; j < 3; j++) {
                byHand.factor(j).addScaled(-eta, byHand.gradient(j));
            }
            byHand.forward();

            Frame f = e.step();
            assertEquals(byHand.loss(), f.scalar(DeepMatrixFactorizationExperiment.LOSS), 0.0, rule + " loss, step " + t);
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(byHand.factor(j).toArray(), e.model().factor(j).toArray(), rule + " W_" + (j + 1) + ", step " + t);
            }
            for (int r = 0; r < 10; r++) {
                assertEquals(theory.predicted(r), f.scalar(DeepMatrixFactorizationExperiment.ODE_SV.of(r + 1)), 0.0,
                        rule + " Theorem 3's σ_" + (r + 1) + ", step " + t);
            }
        }
        assertTrue(e.frame().scalar(DeepMatrixFactorizationExperiment.LOSS) < loss0, rule + ": the loss went down");
    }

    @Test
    void everyFactorizationExperimentOffersEveryTrainedRuleAndAcceptsSavedValues() {
        for (ExperimentDef type : List.of(DeepMatrixFactorizationExperiment.TYPE, DepthComparisonExperiment.TYPE,
                CompletionSweepExperiment.TYPE)) {
            Params p = type.defaults();
            ParamSpec.Choice optimizer = (ParamSpec.Choice) p.spec("optimizer");
            assertEquals(OptimizerParams.TRAINED_RULES, optimizer.options(), type.id());
            assertEquals("gd", p.choice("optimizer"), type.id());
            assertEquals(LR, p.real("lr"), 0.0, type.id());
            assertEquals("a number in [1.0E-7, 1]", p.spec("lr").allowed(), type.id() + ": the range sessions were saved with");
            assertEquals(1e-4, p.real("eps"), 0.0, type.id() + ": normalized's ε");
            // values of saved sessions (the old param set was n … lr, optimizer=gd|normalized, k, every)
            assertEquals("normalized", p.with("optimizer", "normalized").with("lr", "1e-7").choice("optimizer"));
            for (ParamSpec s : OptimizerParams.specs("gd", LR)) {
                assertTrue(p.specs().stream().anyMatch(own -> own.name().equals(s.name())), type.id() + ": " + s.name());
            }
        }
    }

    /** depth-comparison hands its optimizer to each depth: each column is that depth's own run with the same params. */
    @Test
    void depthComparisonRunsEveryDepthWithTheRuleChosen() {
        String[] set = {"n", "30", "observed", "300", "k", "3", "optimizer", "adam", "lr", "1e-3", "beta1", "0.8"};
        Params both = DepthComparisonExperiment.TYPE.defaults();
        Params single = DeepMatrixFactorizationExperiment.TYPE.defaults();
        for (int i = 0; i < set.length; i += 2) {
            both = both.with(set[i], set[i + 1]);
            single = single.with(set[i], set[i + 1]);
        }
        Experiment e = DepthComparisonExperiment.TYPE.create(both, 2);
        Frame f = null;
        for (int i = 0; i < 20; i++) {
            f = e.step();
        }
        for (int d = 1; d <= 3; d++) {
            Experiment one = DeepMatrixFactorizationExperiment.TYPE.create(single.with("depth", String.valueOf(d)), 2);
            Frame s = null;
            for (int i = 0; i < 20; i++) {
                s = one.step();
            }
            assertEquals(s.scalar("loss"), f.scalar("depth" + d + ".loss"), 0.0, "depth " + d);
        }
        assertNotEquals(DepthComparisonExperiment.TYPE.create(both.with("optimizer", "gd"), 2).step(),
                DepthComparisonExperiment.TYPE.create(both, 2).step(), "the rule chosen is used");
    }

    /** η = 1 diverges (as in DeepMatrixFactorizationExperimentTest); the rollback brings the velocity back too. */
    @Test
    void aRollbackAfterDivergenceRestoresTheOptimizersStateToo() {
        Params p = DeepMatrixFactorizationExperiment.TYPE.defaults().with("n", "20").with("observed", "200")
                .with("lr", "1").with("init", "1").with("optimizer", "momentum");
        Experiment e = DeepMatrixFactorizationExperiment.TYPE.create(p, 0);
        Snapshot before = e.snapshot();
        try {
            for (int i = 0; i < 1000; i++) {
                before = e.snapshot();
                e.step();
            }
        } catch (DivergedException ex) {
            Snapshot after = e.snapshot();
            assertEquals(before.longValue("opt.t"), after.longValue("opt.t"));
            assertArrayEquals(before.array("opt.delta"), after.array("opt.delta"));
            assertArrayEquals(before.array("W1"), after.array("W1"));
            assertTrue(before.longValue("opt.t") > 0, "diverged after a few steps, with a velocity to restore");
            return;
        }
        throw new AssertionError("η = 1 should diverge");
    }

    /**
     * Every rule's state is in the snapshot (the velocity of momentum and Nesterov, Adam's moments, normalized's v, t
     * for the schedule): a fork continues bit for bit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"momentum", "sgdm", "nesterov", "adagrad", "rmsprop", "adam", "normalized"})
    void everyRuleForksExactly(String rule) {
        Params p = DeepMatrixFactorizationExperiment.TYPE.defaults().with("n", "30").with("observed", "300")
                .with("optimizer", rule).with("lr", "1e-3").with("every", "3").with("schedule", "exponential")
                .with("exp_c", "-0.01");
        Forks.assertForkContinuesExactly(DeepMatrixFactorizationExperiment.TYPE, p, 1, 8, 6, rule);
    }
}
