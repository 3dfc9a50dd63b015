package org.trainscope.app.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

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
    private final List<String> rows = new ArrayList<>();
    private int demo = -1;
    private long phaseStart;
    private boolean measuring;

    /**
     * @param titles  the demos, in gallery order
     * @param start   starts demo i playing
     * @param playing whether the demo still plays (a demo's run may end before the time is up)
     */
    public PerfTour(PulseMeter meter, List<String> titles, IntConsumer start, BooleanSupplier playing) {
        this.meter = meter;
        this.titles = List.copyOf(titles);
        this.start = start;
        this.playing = playing;
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
            rows.add(row(demo, titles.get(demo), meter.summary(), playing.getAsBoolean()));
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

    /** The rows measured so far, under their header. */
    public String table() {
        StringBuilder out = new StringBuilder(
                "| # | demo | pulses | FX work p50 (ms) | FX work p95 (ms) | interval p50 (ms) | interval p95 (ms) | steps/s |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    static String row(int i, String title, PulseMeter.Summary s, boolean stillPlaying) {
        return String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f%s |", i + 1,
                title.replace("|", "/"), s.pulses(), s.workP50(), s.workP95(), s.intervalP50(), s.intervalP95(),
                s.stepsPerSecond(), stillPlaying ? "" : String.format(Locale.ROOT, " (run ended after %.1f s)", s.seconds()));
    }
}
