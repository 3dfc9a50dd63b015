package org.trainscope.engine.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.trainscope.engine.landscape.Grid;
import org.trainscope.engine.landscape.Surface;

/**
 * The extra workloads {@code bench} times beside each experiment's steps/second at its defaults, by experiment id.
 * They live here, not in the experiments' definitions: {@code bench} depends on the families, never the reverse.
 */
public final class Workloads {
    private Workloads() {
    }

    /** The workloads offered for the experiment with this id (none for most). */
    public static List<BenchWorkload> of(String experimentId) {
        return switch (experimentId) {
            case "landscape" -> List.of(landscapeGrid());
            case "deep-matrix-factorization" -> SpectrumWorkloads.workloads();
            case "noise-stability" -> StabilityWorkloads.workloads();
            case "sharpness", "net-landscape" -> OptimizationWorkloads.workloads(experimentId);
            default -> List.of();
        };
    }

    /** W3 of shared/peers: the 1024×1024 grid of {@code valley} over [−2, 2]², DOUBLE, in grids per second. */
    static BenchWorkload landscapeGrid() {
        return new BenchWorkload("landscape.grid 1024x1024 valley DOUBLE", "grids", () -> {
            Surface valley = new Surface.Valley();
            return () -> Grid.evaluate(valley, -2, 2, -2, 2, 1024, 1024).values().length > 0 ? 1 : 0;
        }, peers -> {
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String lib : List.of("numpy", "torch")) {
                List<JsonNode> r = PeerResults.results(peers.resolve("w3_landscape.json"),
                        PeerResults.where("lib", lib).and(PeerResults.where("dtype", "float64")));
                PeerResults.putPerThreads(rates, lib, "", r, n -> 1000.0 / n.path("ms_per_grid_median").asDouble());
            }
            return rates;
        });
    }
}
