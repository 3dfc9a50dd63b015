package org.trainscope.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the peers' reference results ({@code shared/peers/results/*.json}: one JSON object with a {@code results}
 * array) so that {@code bench} can print ratios against the same workloads in NumPy and PyTorch.
 */
public final class PeerResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PeerResults() {
    }

    /** The {@code results} entries of a peers' JSON file that match {@code filter}; empty if the file is absent. */
    public static List<JsonNode> results(Path file, Predicate<JsonNode> filter) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            String text = Files.readString(file).trim();
            // a results file holds one JSON line per run; the last one is the newest
            String[] lines = text.split("\n");
            JsonNode root = JSON.readTree(lines[lines.length - 1]);
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode r : root.path("results")) {
                if (filter.test(r)) {
                    out.add(r);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read peers' results " + file + ": " + e.getMessage(), e);
        }
    }

    /** True if the entry has the given text or number at {@code field}. */
    public static Predicate<JsonNode> where(String field, Object value) {
        return r -> r.path(field).asText().equals(String.valueOf(value));
    }

    /**
     * Adds one line per thread count found among {@code entries} (the peers run each workload on 1 and 2 threads,
     * and either may be the faster): label "{@code lib} (N thread[s]{@code note})" → rate.
     */
    public static void putPerThreads(Map<String, Double> out, String lib, String note, List<JsonNode> entries,
                                     java.util.function.ToDoubleFunction<JsonNode> rate) {
        for (JsonNode e : entries) {
            int threads = e.path("threads").asInt(1);
            out.putIfAbsent(lib + " (" + threads + (threads == 1 ? " thread" : " threads") + note + ")",
                    rate.applyAsDouble(e));
        }
    }
}
