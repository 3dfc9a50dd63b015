package org.trainscope.engine.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * An extra workload that an experiment family offers to {@code bench}, beside its steps/second at the defaults:
 * e.g. the landscape grid, or a training loop at the peers' exact settings. Rates are "units per second", higher
 * is better, so that every ratio reads the same way.
 *
 * @param name   what is timed, e.g. {@code landscape.grid 1024x1024 valley DOUBLE}
 * @param unit   what one unit is, e.g. {@code grids}, {@code steps}
 * @param setup  builds the state and returns the timed action; the action does some work and returns the units done
 * @param peers  the peers' rates for the same workload, by library label, read from the peers' results folder
 *               (empty if the files are absent)
 */
public record BenchWorkload(String name, String unit, java.util.function.Supplier<LongSupplier> setup,
                            Function<Path, Map<String, Double>> peers) {
}
