package org.trainscope.app.landscape;

import java.util.Arrays;
import java.util.List;

import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.experiment.Recording;

/**
 * Each racer's path (x₁, x₂) over the recorded frames, extended incrementally as frames arrive and rebuilt when
 * the recording is replaced or thinned. FX thread only.
 */
final class PathCache {
    private Recording recording;
    private long generation = -1;
    private List<String> racers = List.of();
    private double[][] x1 = new double[0][];
    private double[][] x2 = new double[0][];
    private String[] keys1 = new String[0];   // each racer's {racer}.x1 and {racer}.x2, made once
    private String[] keys2 = new String[0];
    private String[] keysDiverged = new String[0];
    private int count;

    /** Brings the cache up to the recording's {@code size} frames. */
    void update(Recording rec, List<String> names, int size) {
        if (rec != recording || rec.generation() != generation || !names.equals(racers) || size < count) {
            recording = rec;
            generation = rec.generation();
            racers = List.copyOf(names);
            keys1 = racers.stream().map(LandscapeExperiment.X1::of).toArray(String[]::new);
            keys2 = racers.stream().map(LandscapeExperiment.X2::of).toArray(String[]::new);
            keysDiverged = racers.stream().map(LandscapeExperiment.DIVERGED::of).toArray(String[]::new);
            x1 = new double[names.size()][Math.max(64, size)];
            x2 = new double[names.size()][Math.max(64, size)];
            count = 0;
        }
        for (int i = count; i < size; i++) {
            Frame f = rec.get(i);
            for (int r = 0; r < racers.size(); r++) {
                if (i >= x1[r].length) {
                    x1[r] = Arrays.copyOf(x1[r], x1[r].length * 2);
                    x2[r] = Arrays.copyOf(x2[r], x2[r].length * 2);
                }
                // a diverged racer's point is no point: its path ends at the last frame before
                boolean diverged = f.scalar(keysDiverged[r], 0) != 0;
                x1[r][i] = diverged ? Double.NaN : f.scalar(keys1[r], Double.NaN);
                x2[r][i] = diverged ? Double.NaN : f.scalar(keys2[r], Double.NaN);
            }
        }
        count = size;
    }

    int count() {
        return count;
    }

    List<String> racers() {
        return racers;
    }

    /**
     * How many of the first {@code n} points of the racer's path are drawn: those before the first that is
     * diverged, not finite or outside {@code sane} ({@link Viewport#saneBounds}).
     */
    int drawable(int racer, int n, double[] sane) {
        return saneLength(x1[racer], x2[racer], n, sane);
    }

    /** The length of the prefix of (xs1, xs2)[0, n) that stays inside {@code sane}. */
    static int saneLength(double[] xs1, double[] xs2, int n, double[] sane) {
        int i = 0;
        while (i < n && Viewport.inside(sane, xs1[i], xs2[i])) {
            i++;
        }
        return i;
    }

    double x1(int racer, int i) {
        return x1[racer][i];
    }

    double x2(int racer, int i) {
        return x2[racer][i];
    }
}
