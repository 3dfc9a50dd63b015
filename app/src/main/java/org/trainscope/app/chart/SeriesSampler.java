package org.trainscope.app.chart;

import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;

/**
 * Reads a scalar against step from a recording: at most {@code maxPoints} points (evenly strided over the frames,
 * always including the last one), so a long run draws as fast as a short one; and where the series diverged.
 */
public final class SeriesSampler {
    /** Steps and values, and the step at which the series diverged (NaN: it did not); the points are those before it. */
    public record Trace(double[] x, double[] y, double divergedAt) {
    }

    private SeriesSampler() {
    }

    /**
     * The scalar over frames [0, count). The series diverged at the first frame from which on its value is not finite
     * or {@code flag} (a scalar such as {@code gd.diverged}; null: none) is non-zero; divergence is for good, so that
     * frame is found by bisection. A frame without the scalar, or a non-finite value before recovering (such as a
     * loss that is NaN at step 0), is skipped.
     */
    public static Trace sample(Recording recording, int count, String scalar, String flag, int maxPoints) {
        int end = count;
        if (count > 0 && diverged(recording.get(count - 1), scalar, flag)) {
            int lo = 0;
            int hi = count - 1;             // diverged(hi); find the first index from which on every frame is
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (diverged(recording.get(mid), scalar, flag)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            end = lo;
        }
        double divergedAt = end < count ? recording.get(end).step() : Double.NaN;
        int stride = Math.max(1, (int) Math.ceil(end / (double) maxPoints));
        double[] x = new double[(end + stride - 1) / stride + 1];
        double[] y = new double[x.length];
        int m = 0;
        for (int i = 0; i < end; i += stride) {
            m = add(recording.get(i), scalar, x, y, m);
        }
        if (end > 0 && (end - 1) % stride != 0) {
            m = add(recording.get(end - 1), scalar, x, y, m);
        }
        return new Trace(java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m), divergedAt);
    }

    private static int add(Frame f, String scalar, double[] x, double[] y, int m) {
        double v = f.scalar(scalar, Double.NaN);
        if (!Double.isFinite(v)) {
            return m;
        }
        x[m] = f.step();
        y[m] = v;
        return m + 1;
    }

    private static boolean diverged(Frame f, String scalar, String flag) {
        if (flag != null && f.scalar(flag, 0) != 0) {
            return true;
        }
        return f.hasScalar(scalar) && !Double.isFinite(f.scalar(scalar));
    }
}
