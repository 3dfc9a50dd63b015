package org.trainscope.app.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * {@code --perf-tour}: plays every lecture demo in turn at its own speed — {@value #WARM_UP_S} s to settle (the run
 * created, the first frames recorded), then {@value #MEASURE_S} s measured by the {@link PulseMeter} — and prints one
 * Markdown table row per demo. Driven by the pulse, so it never blocks the FX thread.
 */
public final class PerfTour {
    static final double WARM_UP_S = 2;
    static final double MEASURE_S = 6;

    private final PulseMeter meter;
    private final List<String> titles;
    private final IntConsumer start;
    private final BooleanSupplier playing;
    private final Supplier<String> message;
    private final List<String> rows = new ArrayList<>();
    private int demo = -1;
    private long phaseStart;
    private boolean measuring;

    /**
     * @param titles  the demos, in gallery order
     * @param start   starts demo i playing
     * @param playing whether the demo still plays (a demo's run may end before the time is up)
     * @param message the status line, which says why a run stopped
     */
    public PerfTour(PulseMeter meter, List<String> titles, IntConsumer start, BooleanSupplier playing,
                    Supplier<String> message) {
        this.meter = meter;
        this.titles = List.copyOf(titles);
        this.start = start;
        this.playing = playing;
        this.message = message;
    }

    /** Once per pulse, after the meter saw it; false once every demo has been measured. */
    public boolean pulse(long nanos) {
        if (demo < 0) {
            next(nanos);
            return true;
        }
        double elapsed = (nanos - phaseStart) / 1e9;
        if (!measuring && elapsed >= WARM_UP_S) {
            meter.reset();
            measuring = true;
            phaseStart = nanos;
        } else if (measuring && (elapsed >= MEASURE_S || !playing.getAsBoolean())) {
            rows.add(row(titles.get(demo), meter.summary(), playing.getAsBoolean() ? null : message.get()));
            if (demo + 1 == titles.size()) {
                return false;
            }
            next(nanos);
        }
        return true;
    }

    private void next(long nanos) {
        demo++;
        measuring = false;
        phaseStart = nanos;
        start.accept(demo);
    }

    /**
     * The demos (0-based) a command line asks to tour: {@code --perf-tour} all {@code count}, {@code --perf-tour=6,7}
     * those (1-based, as in the gallery); null without the flag.
     */
    public static List<Integer> demos(List<String> args, int count) {
        for (String a : args) {
            if (a.equals("--perf-tour")) {
                return java.util.stream.IntStream.range(0, count).boxed().toList();
            }
            if (a.startsWith("--perf-tour=")) {
                List<Integer> out = new ArrayList<>();
                for (String n : a.substring("--perf-tour=".length()).split(",")) {
                    int i = Integer.parseInt(n.trim()) - 1;
                    if (i < 0 || i >= count) {
                        throw new IllegalArgumentException("--perf-tour: no demo " + n.trim() + " (1 to " + count + ")");
                    }
                    out.add(i);
                }
                return out;
            }
        }
        return null;
    }

    /** The rows measured so far, under their header. */
    public String table() {
        StringBuilder out = new StringBuilder(
                "| demo | pulses | FX work p50 (ms) | FX work p95 (ms) | interval p50 (ms) | interval p95 (ms) | steps/s |\n"
                        + "|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    /** A demo's row; {@code stopped}: why its run stopped before the time was up, or null. */
    static String row(String title, PulseMeter.Summary s, String stopped) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f%s |", title.replace("|", "/"), s.pulses(), s.workP50(), s.workP95(), s.intervalP50(), s.intervalP95(),
                s.stepsPerSecond(), stopped == null ? "" : String.format(Locale.ROOT, " (stopped after %.1f s: %s)", s.seconds(),
                        stopped.isBlank() ? "paused" : stopped.replace("|", "/")));
    }
}
