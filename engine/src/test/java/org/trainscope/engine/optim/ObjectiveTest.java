package org.trainscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.trainscope.engine.optim.Storage.BANANA;
import static org.trainscope.engine.optim.Storage.START;

import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Snapshot;

/**
 * {@link Objective#atParameters}: a model that can only compute at its own θ into its own gradient buffer (as the
 * MLP) must get every rule exactly as an objective that evaluates anywhere — Nesterov's look-ahead and the flow's
 * stages included, by swapping the point into θ and back. Exact equality: copies are exact, so the same
 * arithmetic happens on the same bits.
 */
class ObjectiveTest {
    @Test
    void everyRuleOnAModelThatComputesOnlyAtItsParametersMatchesAFreeObjective() {
        for (String rule : OptimizerConfig.RULES) {
            for (Storage storage : new Storage[] {Storage.HEAP, Storage.NATIVE_DOUBLE, Storage.NATIVE_FLOAT}) {
                if (rule.equals("flow") && storage == Storage.NATIVE_FLOAT) {
                    continue;
                }
                double[] start = Storage.tile(START, 300);   // 900 elements: BLAS on native storage
                OptimizerConfig config = OptimizerConfig.of(rule, 0.003).withWeightDecay(0.01);
                Vector free = storage.vector(start);
                Optimizer reference = config.create(free);
                Model model = new Model(storage.vector(start));
                Optimizer swapped = config.create(model.theta, model.grad);
                Objective f = Objective.atParameters(model.theta, model.grad, model);
                for (int t = 0; t < 15; t++) {
                    assertEquals(reference.step(BANANA), swapped.step(f), 0.0, rule + " " + storage + ": f");
                    assertArrayEquals(free.toArray(), model.theta.toArray(), rule + " " + storage + ": x_" + (t + 1));
                }
            }
        }
    }

    @Test
    void aModelCachingItsPassByTheParametersVersionStillMatchesAFreeObjective() {
        // the experiments' pattern: the frame's pass at θ_k is reused by step k+1's gradient if θ has not moved;
        // if the version missed a write (the rule's update, a look-ahead swapped in or put back), a stale ∇f
        // would be used and the paths would part
        for (String rule : OptimizerConfig.RULES) {
            for (Storage storage : new Storage[] {Storage.HEAP, Storage.JOINED_NATIVE_DOUBLE}) {
                double[] start = Storage.tile(START, 300);
                OptimizerConfig config = OptimizerConfig.of(rule, 0.003);
                Vector free = storage.vector(start);
                Optimizer reference = config.create(free);
                CachingModel model = new CachingModel(storage.vector(start));
                Optimizer swapped = config.create(model.theta, model.grad);
                Objective f = Objective.atParameters(model.theta, model.grad, model);
                model.getAsDouble();           // frame 0's loss at θ_0
                for (int t = 0; t < 15; t++) {
                    reference.step(BANANA);
                    swapped.step(f);
                    model.getAsDouble();       // the frame's loss at the new θ
                    assertArrayEquals(free.toArray(), model.theta.toArray(), rule + " " + storage + ": x_" + (t + 1));
                }
                // every step's first gradient is at θ_k and reuses the frame's pass; Nesterov's is at the look-ahead
                assertEquals(rule.equals("nesterov") ? 0 : 15, model.reused, rule + ": passes reused");
            }
        }
    }

    @Test
    void aFailedEvaluationAtTheLookaheadLeavesParametersAndStateAsTheyWere() {
        Model model = new Model(Storage.NATIVE_FLOAT.vector(Storage.tile(START, 300)));
        Optimizer nag = OptimizerConfig.of("nesterov", 0.003).create(model.theta, model.grad);
        Objective f = Objective.atParameters(model.theta, model.grad, model);
        for (int t = 0; t < 5; t++) {
            nag.step(f);
        }
        double[] before = model.theta.toArray();
        Snapshot state = nag.state();
        model.failing = true;
        assertThrows(ArithmeticException.class, () -> nag.step(f));
        assertArrayEquals(before, model.theta.toArray(), "θ put back");
        assertEquals(state.longValue("t"), nag.t());
        assertArrayEquals(state.array("velocity"), nag.state().array("velocity"));
    }

    @Test
    void theModelsOwnGradientBufferIsRequired() {
        Model model = new Model(Vector.of(1, 2, 3));
        Optimizer gd = OptimizerConfig.of("gd", 0.1).create(model.theta);   // a gradient vector of its own
        assertThrows(IllegalArgumentException.class,
                () -> gd.step(Objective.atParameters(model.theta, model.grad, model)));
    }

    /** {@link Model} that reuses its last pass while θ's version is unchanged. */
    private static final class CachingModel extends Model {
        private long version = -1;
        private double value;
        private Vector cached;
        int reused;

        CachingModel(Vector theta) {
            super(theta);
        }

        @Override
        public double getAsDouble() {
            if (theta.version() == version) {
                reused++;
                grad.copyFrom(cached);
                return value;
            }
            value = super.getAsDouble();
            cached = grad.zerosLike();
            cached.copyFrom(grad);
            version = theta.version();
            return value;
        }
    }

    /** BANANA as a model sees it: f and ∇f of its own θ, into its own gradient buffer. */
    private static class Model implements DoubleSupplier {
        final Vector theta;
        final Vector grad;
        boolean failing;

        Model(Vector theta) {
            this.theta = theta;
            this.grad = theta.zerosLike();
        }

        @Override
        public double getAsDouble() {
            if (failing) {
                throw new ArithmeticException("the loss is not finite");
            }
            return BANANA.evaluate(theta, grad);
        }
    }
}
