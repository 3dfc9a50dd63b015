package org.trainscope.app.chart;

import org.jfree.data.xy.XYSeries;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;

/**
 * Builds chart series from a recording: at most {@code maxPoints} points per series (evenly strided over the
 * frames, always including the newest), so a long run draws as fast as a short one.
 */
public final class SeriesSampler {
    private SeriesSampler() {
    }

    /** Fills {@code series} with (step, scalar) for frames [0, count), skipping non-finite values and, if
     * {@code positiveOnly}, values ≤ 0 (a log axis cannot show them). */
    public static void fill(XYSeries series, Recording recording, int count, String scalar, int maxPoints, boolean positiveOnly) {
        series.setNotify(false);
        series.clear();
        int stride = Math.max(1, (int) Math.ceil(count / (double) maxPoints));
        for (int i = 0; i < count; i += stride) {
            add(series, recording.get(i), scalar, positiveOnly);
        }
        if (count > 0 && (count - 1) % stride != 0) {
            add(series, recording.get(count - 1), scalar, positiveOnly);
        }
        series.setNotify(true);
    }

    private static void add(XYSeries series, Frame f, String scalar, boolean positiveOnly) {
        double v = f.scalar(scalar, Double.NaN);
        if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
            series.add(f.step(), v, false);
        }
    }
}
