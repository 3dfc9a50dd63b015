package org.trainscope.engine.stability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Forks;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.nn.Mlp;
import org.trainscope.engine.optim.LearningRate;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;

/** noise-stability and compression train through {@code optim/}: the heavy ball of old at the defaults, any rule. */
class NoiseStabilityOptimizerTest {
    private static final NoiseStabilityExperiment.Config DEFAULTS =
            NoiseStabilityExperiment.Config.of(NoiseStabilityExperiment.TYPE.defaults());

    /**
     * The update the experiment wrote by hand before it went through {@code optim/}, kept here as the reference:
     * v ← μv, v ← v − η∇L, θ ← θ + v, three BLAS calls on the FLOAT parameter vector. A network of its own, started
     * at the experiment's θ_0, takes the experiment's minibatches (the order read from its snapshot: the data path did
     * not change) for 60 steps at the defaults, past two probes and two epochs' ends (23 batches of 64 an epoch);
     * after every step θ, the velocity and the batch loss must equal the experiment's bit for bit, so every frame
     * (the batch loss, and probes that are functions of θ) is the old one.
     */
    @Test
    void atTheDefaultsEveryStepIsTheHandWrittenHeavyBallBitForBit() {
        NoiseStabilityExperiment e = (NoiseStabilityExperiment) NoiseStabilityExperiment.TYPE.create(
                NoiseStabilityExperiment.TYPE.defaults(), 0);
        Mlp net = e.network();
        Mlp byHand = new Mlp(net.sizes(), net.capacity());
        byHand.setParameters(net.parameterArrays());
        int p = net.parameterCount();
        FloatPointer velocity = new FloatPointer(p);
        velocity.fill(0);
        float eta = (float) 0.02;
        float mu = (float) 0.9;
        int[] y = e.trainSet().labels();
        for (int step = 1; step <= 60; step++) {
            Snapshot before = e.snapshot();
            int[] order = Arrays.stream(before.array("order")).mapToInt(d -> (int) d).toArray();
            int position = (int) before.longValue("position");
            int count = Math.min(64, y.length - position);
            int[] labels = new int[count];
            for (int k = 0; k < count; k++) {
                labels[k] = y[order[position + k]];
            }
            byHand.gather(e.trainInputs(), order, position, count);
            byHand.forward(count);
            double loss = byHand.backward(labels, 0, count);
            long v = Blas.address(velocity);
            Blas.cblas_sscal(p, mu, v, 1);                                      // v ← μv
            Blas.cblas_saxpy(p, -eta, byHand.gradientAddress(), 1, v, 1);       // v ← v − η∇L
            Blas.cblas_saxpy(p, 1f, v, 1, byHand.parameterAddress(), 1);        // θ ← θ + v

            Frame f = e.step();
            assertEquals(loss, f.scalar(NoiseStabilityExperiment.BATCH_LOSS), 0.0, "batch loss, step " + step);
            assertArrayEquals(flat(byHand.parameterArrays()), flat(net.parameterArrays()), "θ after step " + step);
            double[] delta = e.snapshot().array("opt.delta");
            for (int i = 0; i < p; i += 97) {
                assertEquals(velocity.get(i), delta[i], 0.0, "v[" + i + "] after step " + step);
            }
        }
        assertEquals(50, e.frame().scalar(NoiseStabilityExperiment.PROBE_STEP), 0.0);
    }

    @Test
    void theOptimizerParamsAreOfferedWithTheOldNamesRangesAndDefaults() {
        Params p = NoiseStabilityExperiment.TYPE.defaults();
        for (ParamSpec s : OptimizerParams.specs("momentum", 0.02)) {
            assertEquals(s, p.spec(s.name()), s.name());
        }
        assertEquals("a number in [1.0E-6, 10]", p.spec("lr").allowed());
        assertEquals("a number in [0, 0.999]", p.spec("momentum").allowed());
        assertEquals(new OptimizerConfig("momentum", new LearningRate.Constant(0.02), 0.9, 0.9, 0.9, 0.999, 1e-8, 0),
                DEFAULTS.optimizer());
    }

    /** Config reads the optimizer and writes it back (compression hands its nets' params on that way). */
    @Test
    void theConfigCarriesTheOptimizerBothWays() {
        Params p = NoiseStabilityExperiment.TYPE.defaults().with("optimizer", "adam").with("lr", "0.001")
                .with("beta2", "0.99").with("schedule", "step").with("step_every", "7").with("depth", "2");
        NoiseStabilityExperiment.Config c = NoiseStabilityExperiment.Config.of(p);
        assertEquals(p, c.params());
        NoiseStabilityExperiment.Config random = c.training(true, 9);
        assertEquals(random, NoiseStabilityExperiment.Config.of(random.params()));
    }

    /** compression offers every optimizer param of noise-stability and trains both nets with the rule chosen. */
    @Test
    void compressionForwardsTheOptimizerToItsNets() {
        List<String> offered = CompressionExperiment.TYPE.params().stream().map(ParamSpec::name).toList();
        for (ParamSpec s : OptimizerParams.specs("momentum", 0.02)) {
            assertTrue(offered.contains(s.name()), s.name());
        }
        Params p = CompressionExperiment.TYPE.defaults().with("optimizer", "nesterov").with("momentum", "0.5")
                .with("weight_decay", "0.001");
        assertEquals(new OptimizerConfig("nesterov", new LearningRate.Constant(0.02), 0.5, 0.9, 0.9, 0.999, 1e-8, 0.001),
                CompressionExperiment.Config.of(p).net().optimizer());
        Params small = p.with("depth", "1").with("width", "16").with("train_steps", "30");
        Frame nesterov = CompressionExperiment.TYPE.create(small, 0).step();   // output_err: a function of the weights
        Frame heavyBall = CompressionExperiment.TYPE.create(small.with("optimizer", "momentum"), 0).step();
        assertNotEquals(nesterov, heavyBall, "the nets are trained by the rule chosen");
    }

    /** Each rule's state (Adam's moments, Nesterov's velocity, normalized's v) is in the snapshot: a fork continues exactly. */
    @Test
    void everyRulesStateForksExactly() {
        for (String rule : List.of("adam", "nesterov", "normalized")) {
            Params p = NoiseStabilityExperiment.TYPE.defaults().with("optimizer", rule).with("lr", "0.002")
                    .with("depth", "2").with("width", "32").with("probe_every", "10");
            Forks.assertForkContinuesExactly(NoiseStabilityExperiment.TYPE, p, 1, 15, 15, rule);
        }
    }

    private static double[] flat(double[][] arrays) {
        return Arrays.stream(arrays).flatMapToDouble(Arrays::stream).toArray();
    }
}
