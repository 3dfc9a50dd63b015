package org.trainscope.app.landscape;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Recording;

/**
 * Every racer's path up to the frame shown, on a canvas of its own. A JavaFX canvas keeps its pixels and
 * rasterizes only the commands added since the last pulse, so playing forward draws one short segment per racer per
 * frame; anything else (a step back, a scrub, a new view or run) clears the layer and draws the trails again from
 * frame 0. Segments drawn piece by piece overlap where they meet, so their anti-aliased pixels differ slightly from
 * one stroke; {@link #extended()} says so. The map extends trails only while playing and draws any frame shown while
 * paused whole (see {@code LandscapeCanvas}): a still picture is the same however its frame was reached. FX thread
 * only.
 */
final class TrailsLayer {
    private static final Color HALO = Color.web("#0B0F19");

    private boolean invalid = true;
    private boolean extended;                      // drawn in more than one piece since the last clear
    private Recording recording;
    private long generation = -1;
    private List<String> racers = List.of();
    private int count;
    private double[][] ends = new double[0][];   // per racer: the last point drawn (x, y) and its dash offset
    private double[][] tails = new double[0][];  // per racer: the last few pixels of colour (x, y interleaved)
    private boolean[] stopped = new boolean[0];   // per racer: its path left the sane region or diverged

    /** The view or the line scale changed: the next {@link #draw} starts again from frame 0. */
    void invalidate() {
        invalid = true;
    }

    /** Brings the trails up to {@code n} points of each path in {@code paths} (the recording {@code rec}). */
    void draw(GraphicsContext g, Viewport v, Recording rec, PathCache paths, int n, double lineScale) {
        List<String> names = paths.racers();
        boolean fresh = invalid || rec != recording || rec == null || rec.generation() != generation
                || !names.equals(racers) || n < count;
        if (fresh) {
            g.clearRect(0, 0, v.width(), v.height());
            invalid = false;
            recording = rec;
            generation = rec == null ? -1 : rec.generation();
            racers = List.copyOf(names);
            count = 0;
            extended = false;
            ends = new double[names.size()][];
            tails = new double[names.size()][];
            stopped = new boolean[names.size()];
        }
        if (n <= count || !v.isFitted()) {
            return;
        }
        extended = count > 0;
        g.save();
        g.beginPath();
        g.rect(Viewport.LEFT, Viewport.TOP, v.plotWidth(), v.plotHeight());
        g.clip();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        // pass 1 collects each racer's new points, pass 2 draws every halo, pass 3 every colour: a halo never
        // covers the colour of a racer drawn before it in the same frame
        double[][] xs = new double[names.size()][];
        double[][] ys = new double[names.size()][];
        int[] counts = new int[names.size()];
        double[] offsets = new double[names.size()];
        double[] sane = v.saneBounds();
        for (int r = 0; r < names.size(); r++) {
            // starts at the last point drawn (x, y, dash offset); points within half a pixel of the previous one add
            // nothing visible and are skipped, so a converged racer costs nothing
            double[] px = new double[n - count + 1];
            double[] py = new double[px.length];
            int m = 0;
            double[] end = ends[r];
            if (end != null) {
                px[0] = end[0];
                py[0] = end[1];
                m = 1;
            }
            double length = 0;
            // the path ends for good at its first point that diverged or left the sane region: no streaks
            for (int i = count; i < n && !stopped[r]; i++) {
                double x1 = paths.x1(r, i);
                double x2 = paths.x2(r, i);
                if (!Viewport.inside(sane, x1, x2)) {
                    stopped[r] = true;
                    break;
                }
                double qx = v.toPx(x1);
                double qy = v.toPy(x2);
                if (m == 0 || Math.abs(qx - px[m - 1]) + Math.abs(qy - py[m - 1]) >= 0.5) {
                    if (m > 0) {
                        length += Math.hypot(qx - px[m - 1], qy - py[m - 1]);
                    }
                    px[m] = qx;
                    py[m] = qy;
                    m++;
                }
            }
            xs[r] = px;
            ys[r] = py;
            counts[r] = m;
            offsets[r] = end == null ? 0 : end[2];
            if (m > 0) {
                ends[r] = new double[] {px[m - 1], py[m - 1], offsets[r] + length};
            }
        }
        for (int r = 0; r < names.size(); r++) {
            if (counts[r] == 0) {
                continue;
            }
            g.setLineDashes(dashes(names.get(r), lineScale));
            g.setLineCap(StrokeLineCap.BUTT); // a round cap would reach back over the colour drawn last frame
            g.setLineDashOffset(offsets[r]);
            g.setStroke(HALO);
            g.setLineWidth(4.5 * lineScale);
            g.strokePolyline(xs[r], ys[r], counts[r]);
        }
        g.setLineCap(StrokeLineCap.ROUND);
        for (int r = 0; r < names.size(); r++) {
            if (counts[r] > 0) {
                drawColour(g, r, names.get(r), xs[r], ys[r], counts[r], offsets[r], lineScale);
            }
        }
        g.setLineDashes(null);
        g.restore();
        count = n;
    }

    /** True if the trails on the canvas were drawn in more than one piece (play or step forward). */
    boolean extended() {
        return extended;
    }

    /**
     * The pixel point where racer {@code r}'s path ended (diverged or left the sane region), moved onto the plot's
     * edge where its last segment leaves the plot; null while it runs.
     */
    double[] stopPoint(int r, Viewport v) {
        if (r >= stopped.length || !stopped[r] || ends[r] == null) {
            return null;
        }
        double[] t = tails[r];
        int k = t == null ? 0 : t.length;
        return k >= 4 ? v.exitPoint(t[k - 4], t[k - 3], ends[r][0], ends[r][1])
                : v.exitPoint(ends[r][0], ends[r][1], ends[r][0], ends[r][1]);
    }

    /** The colour is laid again over the last few pixels drawn before, where the new halo may have crept. */
    private void drawColour(GraphicsContext g, int r, String name, double[] xs, double[] ys, int count, double offset,
                            double lineScale) {
        double[] tail = tails[r] == null ? new double[0] : tails[r];
        int k = tail.length / 2;
        double[] cx = new double[k + count];
        double[] cy = new double[cx.length];
        for (int i = 0; i < k; i++) {
            cx[i] = tail[2 * i];
            cy[i] = tail[2 * i + 1];
        }
        int start = k > 0 ? 1 : 0; // the first new point repeats the tail's last
        int m = k;
        for (int i = start; i < count; i++) {
            cx[m] = xs[i];
            cy[m] = ys[i];
            m++;
        }
        double back = 0;
        for (int i = 1; i < k; i++) {
            back += Math.hypot(cx[i] - cx[i - 1], cy[i] - cy[i - 1]);
        }
        g.setLineDashes(dashes(name, lineScale));
        g.setLineDashOffset(offset - back);
        g.setStroke(Palette.of(name).colour());
        g.setLineWidth(2.2 * lineScale);
        g.strokePolyline(cx, cy, m);
        tails[r] = tailOf(cx, cy, m, 6 * lineScale);
    }

    /** The racer's dash pattern (the gradient flow's, sgdm's), as in the legend and the loss chart. */
    private static double[] dashes(String racer, double lineScale) {
        return Palette.of(racer).dashes(lineScale);
    }

    /** The last points of a polyline that cover at least {@code length} pixels (x, y interleaved). */
    private static double[] tailOf(double[] xs, double[] ys, int m, double length) {
        int from = m - 1;
        double covered = 0;
        while (from > 0 && covered < length) {
            covered += Math.hypot(xs[from] - xs[from - 1], ys[from] - ys[from - 1]);
            from--;
        }
        double[] tail = new double[2 * (m - from)];
        for (int i = from; i < m; i++) {
            tail[2 * (i - from)] = xs[i];
            tail[2 * (i - from) + 1] = ys[i];
        }
        return tail;
    }
}
