package org.trainscope.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentType;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.landscape.Grid;
import org.trainscope.engine.landscape.Surface;

/**
 * Times the engine alone at each experiment's defaults, after a warm-up, and prints one line per workload.
 * Where the peers' reference results are found ({@code --peers DIR}, default {@code ../shared/peers/results}),
 * prints the ratio too. A benchmark, never a test: its numbers depend on the machine and its load.
 */
final class Bench {
    private static final double WARMUP_SECONDS = 1.0;
    private static final double MEASURE_SECONDS = 3.0;

    private final Registry registry;
    private final PrintStream out;

    Bench(Registry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    int run(List<String> args) throws IOException {
        List<String> ids = new ArrayList<>();
        Path peers = Path.of("..", "shared", "peers", "results");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--peers")) {
                if (i + 1 >= args.size()) {
                    throw new Cli.UsageException("--peers needs a directory");
                }
                peers = Path.of(args.get(++i));
            } else {
                ids.add(args.get(i));
            }
        }
        List<ExperimentType> types = new ArrayList<>();
        for (String id : ids) {
            types.add(registry.find(id).orElseThrow(() -> new Cli.UsageException("unknown experiment '" + id + "'")));
        }
        if (types.isEmpty()) {
            types.addAll(registry.types());
        }
        out.printf(Locale.ROOT, "# trainscope bench: %s, %d cores, Java %s%n",
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (ExperimentType type : types) {
            double rate = stepsPerSecond(type);
            out.printf(Locale.ROOT, "%-24s %12.0f steps/s   (defaults, %d-step runs)%n", type.id(), rate, type.defaultSteps());
            if (type.id().equals("landscape")) {
                landscapeGrid(peers);
            }
        }
        out.flush();
        return Cli.OK;
    }

    /** Steps per second over fresh runs of the default length (a run that diverges is restarted). */
    private static double stepsPerSecond(ExperimentType type) {
        timeRuns(type, WARMUP_SECONDS);
        long[] stepsAndNanos = timeRuns(type, MEASURE_SECONDS);
        return stepsAndNanos[0] / (stepsAndNanos[1] / 1e9);
    }

    private static long[] timeRuns(ExperimentType type, double seconds) {
        long steps = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            Experiment e = type.create(type.defaults(), 0);
            try {
                for (int s = 0; s < type.defaultSteps(); s++) {
                    e.step();
                    steps++;
                }
            } catch (DivergedException ignored) {
                // a fresh run starts over
            }
        }
        return new long[] {steps, System.nanoTime() - start};
    }

    /** W3 of shared/peers: the 1024×1024 grid of {@code valley} over [−2, 2]², DOUBLE. */
    private void landscapeGrid(Path peers) throws IOException {
        Surface valley = Surface.of("valley", 1, 1);
        double checksum = 0;
        for (int i = 0; i < 30; i++) {
            checksum += Grid.evaluate(valley, -2, 2, -2, 2, 1024, 1024).values()[i];
        }
        int repeats = 5;
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            int inner = 50;
            long t0 = System.nanoTime();
            for (int i = 0; i < inner; i++) {
                checksum += Grid.evaluate(valley, -2, 2, -2, 2, 1024, 1024).values()[i];
            }
            ms[r] = (System.nanoTime() - t0) / 1e6 / inner;
        }
        java.util.Arrays.sort(ms);
        double median = ms[repeats / 2];
        double sum = 0;
        for (double v : Grid.evaluate(valley, -2, 2, -2, 2, 1024, 1024).values()) {
            sum += v;
        }
        out.printf(Locale.ROOT, "%-24s %12.3f ms/grid  (1024x1024 valley, DOUBLE, median of %d; sum f = %.6e)%n",
                "landscape.grid", median, repeats, sum);
        OptionalDouble numpy = peerGridMs(peers.resolve("w3_landscape.json"), "numpy");
        OptionalDouble torch = peerGridMs(peers.resolve("w3_landscape.json"), "torch");
        if (numpy.isPresent()) {
            out.printf(Locale.ROOT, "%-24s %12.3f ms/grid  numpy/trainscope = %.2fx%n", "  vs numpy (1 thread)",
                    numpy.getAsDouble(), numpy.getAsDouble() / median);
        }
        if (torch.isPresent()) {
            out.printf(Locale.ROOT, "%-24s %12.3f ms/grid  torch/trainscope = %.2fx%n", "  vs torch (1 thread)",
                    torch.getAsDouble(), torch.getAsDouble() / median);
        }
        if (checksum == 42) {
            out.println(); // keeps the JIT from discarding the timed work
        }
    }

    /** The reference's median ms/grid for a library at 1 thread, float64, if its JSON is at hand. */
    static OptionalDouble peerGridMs(Path json, String lib) throws IOException {
        if (!Files.isRegularFile(json)) {
            return OptionalDouble.empty();
        }
        String text = Files.readString(json);
        Pattern p = Pattern.compile("\\{\"lib\": \"" + lib + "\", \"threads\": 1, \"dtype\": \"float64\", \"ms_per_grid_median\": ([0-9.eE+-]+)");
        Matcher m = p.matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
