package org.trainscope.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.trainscope.engine.bench.BenchWorkload;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.linalg.Cpu;
import org.trainscope.engine.linalg.TwoCores;

/**
 * Times the engine alone, after a warm-up: each experiment's steps/second at its defaults, then each extra
 * {@link BenchWorkload} it offers, with the ratio to the peers' reference rates where their results are found
 * ({@code --peers DIR}, default {@code ../shared/peers/results}). A benchmark, never a test: its numbers depend on
 * the machine and its load, so it prints the CPU's SIMD level, OpenBLAS's kernel set and the load average beside
 * them. Each workload is timed with the second core ({@link TwoCores}) and without, in alternating windows of one
 * run, so that the two rates share the machine's load; the ratios to the peers use the rate with both cores.
 */
final class Bench {
    private static final double WARMUP_SECONDS = 1.0;
    private static final double MEASURE_SECONDS = 3.0;
    private static final int REPEATS = 3;

    private final Registry registry;
    private final PrintStream out;

    Bench(Registry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    /** Times {@code types} (all when empty), with ratios to the peers' results found in {@code peers}. */
    int run(List<ExperimentDef> chosen, Path peers) {
        List<ExperimentDef> types = chosen.isEmpty() ? registry.types() : chosen;
        Cpu cpu = Cpu.here();
        Blas.load();
        out.printf(Locale.ROOT, "# trainscope bench: %s, %d cores, Java %s; median of %d runs of %.0f s after %.0f s warm-up%n",
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                REPEATS, MEASURE_SECONDS, WARMUP_SECONDS);
        out.printf(Locale.ROOT, "# cpu: %s; SIMD %s; %s; kernels %s%n", cpu.model(), cpu.simd(), Blas.config(),
                Blas.kernels());
        out.printf(Locale.ROOT, "# load average at start: %s; second core %s%n", loadAverage(),
                TwoCores.enabled() ? "on" : "off (one core)");
        for (ExperimentDef type : types) {
            double rate = median(defaultRuns(type));
            out.printf(Locale.ROOT, "%-44s %12.1f steps/s   (defaults, %d-step runs)%n", type.id(), rate, type.defaultSteps());
            for (BenchWorkload w : org.trainscope.engine.bench.Workloads.of(type.id())) {
                double[] r = medianOnTwoCoresAndOne(w.setup().get());
                out.printf(Locale.ROOT, "%-44s %12.1f %s/s   (one core: %.1f, ×%.2f from the second; load %s)%n",
                        w.name(), r[0], w.unit(), r[1], r[0] / r[1], loadAverage());
                for (Map.Entry<String, Double> peer : w.peers().apply(peers).entrySet()) {
                    out.printf(Locale.ROOT, "  %-42s %12.1f %s/s   trainscope/%s = %.2fx (one core: %.2fx)%n",
                            "vs " + peer.getKey(), peer.getValue(), w.unit(), peer.getKey().split(" ")[0],
                            r[0] / peer.getValue(), r[1] / peer.getValue());
                }
            }
        }
        out.flush();
        return Cli.OK;
    }

    /** Steps of fresh default-length runs (a run that diverges starts over). */
    private static LongSupplier defaultRuns(ExperimentDef type) {
        return () -> {
            long steps = 0;
            Experiment e = type.create(type.defaults(), 0);
            try {
                for (int s = 0; s < type.defaultSteps(); s++) {
                    e.step();
                    steps++;
                }
            } catch (DivergedException | org.trainscope.engine.experiment.EndOfRunException ignored) {
                // counted up to the divergence
            }
            return steps;
        };
    }

    /** Units per second: the median over {@link #REPEATS} timed windows, after a warm-up window. */
    private static double median(LongSupplier action) {
        window(action, WARMUP_SECONDS);
        double[] rates = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            rates[r] = window(action, MEASURE_SECONDS);
        }
        Arrays.sort(rates);
        return rates[REPEATS / 2];
    }

    /**
     * {rate with the second core, rate on one core}: medians over {@link #REPEATS} pairs of windows, the two alternating
     * (two cores, one core, two cores, …) after a warm-up of each; the second core's setting is restored after.
     */
    private static double[] medianOnTwoCoresAndOne(LongSupplier action) {
        boolean before = TwoCores.enabled();
        double[][] rates = new double[2][REPEATS];
        try {
            for (int r = -1; r < REPEATS; r++) {
                for (int cores = 0; cores < 2; cores++) {
                    TwoCores.setEnabled(cores == 0);
                    double rate = window(action, r < 0 ? WARMUP_SECONDS : MEASURE_SECONDS);
                    if (r >= 0) {
                        rates[cores][r] = rate;
                    }
                }
            }
        } finally {
            TwoCores.setEnabled(before);
        }
        Arrays.sort(rates[0]);
        Arrays.sort(rates[1]);
        return new double[] {rates[0][REPEATS / 2], rates[1][REPEATS / 2]};
    }

    /** The 1-, 5- and 15-minute load averages of /proc/loadavg, or "unknown". */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double window(LongSupplier action, double seconds) {
        long units = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            units += action.getAsLong();
        }
        return units / ((System.nanoTime() - start) / 1e9);
    }
}
