package org.trainscope.app.generalization;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the playground's map sets shown and, while playing, logs how many a second over each 5 s: the figure issue 13
 * asks for (≥ 30 a second at the default net, each set freshly computed from a newer frame's θ). FX thread only.
 */
final class MapRate {
    private static final Logger LOG = LoggerFactory.getLogger(MapRate.class);
    private static final long WINDOW_NANOS = 5_000_000_000L;
    private long total;
    private long windowStart = -1;
    private int inWindow;

    /** One more set of maps on screen; {@code playing}: shown while the player plays. */
    void shown(boolean playing) {
        total++;
        long now = System.nanoTime();
        if (!playing) {
            windowStart = -1;
        } else if (windowStart < 0) {
            windowStart = now;
            inWindow = 0;
        } else {
            inWindow++;
            if (now - windowStart >= WINDOW_NANOS) {
                double seconds = (now - windowStart) / 1e9;
                LOG.info("playground while playing: {} fresh maps/s over {} s", String.format(Locale.ROOT, "%.1f",
                        inWindow / seconds), String.format(Locale.ROOT, "%.1f", seconds));
                windowStart = now;
                inWindow = 0;
            }
        }
    }

    /** Map sets shown so far. */
    long total() {
        return total;
    }
}
