package org.trainscope.engine.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.trainscope.engine.stability.NoiseStabilityExperiment;
import org.trainscope.engine.stability.StabilityProbe;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;

/**
 * The {@code noise-stability} workloads at the peers' exact settings (shared/peers W2, W4): the 64-128-128-10 MLP
 * on the digits with plain SGD at lr 0.1, full-batch GD (1,437 examples) and minibatch SGD (batch 64), timed as
 * whole experiment steps; and the probe: as W4 computes it (cushions and noise on 500 inputs, no spectra; W4 takes
 * the cushions of the 360 distinct ones, so ours does a little more), and the experiment's full probe (cushion,
 * noise, spectra) on the 360 test images. The network
 * computes in FLOAT like the peers (whose files say their precision; the labels carry it); batches of
 * {@link org.trainscope.engine.nn.Mlp#SPLIT_AT} or more use both cores (the full batch), smaller ones one.
 */
final class StabilityWorkloads {
    /** W4's probe inputs: noise goes into 500, test image k mod 360 for input k (its cushions use the 360 once). */
    static final int W4_INPUTS = 500;

    private StabilityWorkloads() {
    }

    static List<BenchWorkload> workloads() {
        return List.of(
                training("stability.w2 gd 64-128-128-10 full batch FLOAT", 1437, 10, "gd"),
                training("stability.w2 sgd 64-128-128-10 batch 64 FLOAT", 64, 23, "sgd"),
                probe("stability.w4 probe 64-128-128-10 as W4 (no spectra), 500 inputs, FLOAT", 2, W4_INPUTS, false,
                        true),
                probe("stability.w4 probe 64-128-128-10, 360 inputs, + spectra (W4 has none) FLOAT", 2, 360, true,
                        true),
                probe("stability.probe defaults 64-128-128-128-10, 360 inputs, + spectra FLOAT", 3, 360, true, false));
    }

    private static Params w2(int depth, int batch) {
        return NoiseStabilityExperiment.TYPE.defaults().with("depth", String.valueOf(depth)).with("batch", String.valueOf(batch))
                .with("lr", "0.1").with("momentum", "0").with("probe_every", "1000000");
    }

    private static BenchWorkload training(String name, int batch, int stepsPerCall, String mode) {
        return new BenchWorkload(name, "steps", () -> {
            Experiment e = NoiseStabilityExperiment.TYPE.create(w2(2, batch), 0);
            return () -> {
                for (int s = 0; s < stepsPerCall; s++) {
                    e.step();
                }
                return stepsPerCall;
            };
        }, peers -> peerRates(peers.resolve("w2_mlp_digits.json"), mode, "steps_per_sec_median", false));
    }

    private static BenchWorkload probe(String name, int depth, int inputs, boolean spectra, boolean withPeers) {
        return new BenchWorkload(name, "probes", () -> {
            var e = (NoiseStabilityExperiment) NoiseStabilityExperiment.TYPE.create(w2(depth, 64), 0);
            double[] test = e.testSet().inputs();
            int d0 = e.network().sizes()[0];
            int images = test.length / d0;
            double[] x = new double[inputs * d0];
            for (int k = 0; k < inputs; k++) {
                System.arraycopy(test, (k % images) * d0, x, k * d0, d0);            // input k = image k mod 360
            }
            StabilityProbe p = new StabilityProbe(e.network(), x, inputs, 40, spectra);
            Rng rng = new Rng(2);
            return () -> p.run(rng).scalars().isEmpty() ? 0 : 1;
        }, peers -> withPeers
                ? peerRates(peers.resolve("w4_noise_stability.json"), null, "ms_per_probe_median", true) : Map.of());
    }

    /** lib (threads, dtype) → rate, from a peers' results file; {@code inverseMs} turns ms per unit into units/s. */
    private static Map<String, Double> peerRates(Path file, String mode, String field, boolean inverseMs) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String lib : List.of("numpy", "torch")) {
            var filter = PeerResults.where("lib", lib);
            if (mode != null) {
                filter = filter.and(PeerResults.where("mode", mode));
            }
            List<JsonNode> r = PeerResults.results(file, filter);
            String dtype = r.isEmpty() ? "" : r.get(0).path("dtype").asText("float32");
            PeerResults.putPerThreads(rates, lib, ", " + dtype, r,
                    n -> inverseMs ? 1000.0 / n.path(field).asDouble() : n.path(field).asDouble());
        }
        return rates;
    }
}
