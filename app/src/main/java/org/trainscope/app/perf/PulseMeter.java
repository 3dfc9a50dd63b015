package org.trainscope.app.perf;

import java.util.Arrays;

/**
 * How smooth playback is, measured on the FX thread while a demo plays ({@code --perf}): per pulse, the FX thread's
 * work — from the start of the pulse's animation phase (our {@code tick}: the frame pulled, the views updated and
 * drawn) to the end of its CSS and layout — and the interval between pulses, which also takes in any wait for the
 * render thread; with the experiment's steps shown per second. A pulse arrives every 16.7 ms at 60 Hz, so a p95 of the
 * work above that drops frames.
 */
public final class PulseMeter {
    private long[] work = new long[1024];
    private long[] intervals = new long[1024];
    private int works;
    private int gaps;
    private long started = -1;
    private long lastStart = -1;
    private long firstStep = -1;
    private long lastStep;
    private long since = -1;
    private long until;

    /** The animation phase of a pulse starts, at {@code nanos} ({@link System#nanoTime()}). */
    public void pulseStarted(long nanos) {
        if (since < 0) {
            since = nanos;
        }
        if (lastStart >= 0) {
            intervals = add(intervals, gaps++, nanos - lastStart);
        }
        lastStart = nanos;
        started = nanos;
    }

    /** The same pulse finished its CSS and layout, at {@code nanos}. */
    public void pulseLaidOut(long nanos) {
        if (started >= 0) {
            work = add(work, works++, nanos - started);
            until = nanos;
            started = -1;
        }
    }

    /** The step of the frame shown in this pulse. */
    public void shown(long step) {
        if (firstStep < 0) {
            firstStep = step;
        }
        lastStep = step;
    }

    /** Forgets every pulse (play paused, or another demo started). */
    public void reset() {
        works = 0;
        gaps = 0;
        started = -1;
        lastStart = -1;
        firstStep = -1;
        since = -1;
    }

    /** What was measured since the last reset. */
    public Summary summary() {
        double seconds = since < 0 ? 0 : (until - since) / 1e9;
        return new Summary(works, percentileMs(work, works, 50), percentileMs(work, works, 95),
                percentileMs(intervals, gaps, 50), percentileMs(intervals, gaps, 95),
                seconds > 0 && firstStep >= 0 ? (lastStep - firstStep) / seconds : 0, seconds);
    }

    /**
     * Pulses measured, the FX thread's work per pulse and the interval between pulses (p50 and p95, ms), and the steps
     * shown per second over the measured seconds.
     */
    public record Summary(int pulses, double workP50, double workP95, double intervalP50, double intervalP95,
                          double stepsPerSecond, double seconds) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%d pulses in %.1f s: FX work p50 %.1f ms, p95 %.1f ms; interval p50 %.1f ms, p95 %.1f ms; %.1f steps/s",
                    pulses, seconds, workP50, workP95, intervalP50, intervalP95, stepsPerSecond);
        }
    }

    /** The nearest-rank p-th percentile of the first n values, in ms; NaN when there are none. */
    static double percentileMs(long[] nanos, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * n);                 // nearest rank: the smallest value ≥ p % of them
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static long[] add(long[] values, int at, long v) {
        long[] out = at < values.length ? values : Arrays.copyOf(values, 2 * values.length);
        out[at] = v;
        return out;
    }
}
