package org.trainscope.app.optimization;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.GridPane;
import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.chart.SeriesSampler;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.optimization.SgdVsGdExperiment;

/**
 * GD vs SGD: the racers' paths in (β₀, β₁) over the loss contours (ellipses: L is quadratic) with the least-squares
 * point, and at each racer's point the arrow −c·∇L with the 1-σ ellipse of −c·∇̃L (its batch gradient's spread around
 * that mean, c one scale for the whole run); beside it the excess loss against steps and against examples read.
 */
public final class SgdVsGdView extends ChartsView {
    /** Contour levels: the start's excess loss times these (each a quarter of the last, so they look evenly spaced). */
    private static final double[] LEVELS = {4, 1, 1.0 / 4, 1.0 / 16, 1.0 / 64, 1.0 / 256, 1.0 / 1024};
    /** The map's series: the contours, then β̂, then per racer its path, arrow, ellipse and point. */
    static final int CONTOURS = LEVELS.length;
    private static final int MAX_POINTS = 1500;
    private static final long REFRESH_MS = 200;

    private final Chart map = chart(new Chart("Paths over the loss contours", Axis.LINEAR, "β₀", Axis.LINEAR, "β₁"));
    private final Chart bySteps = chart(new Chart("Excess loss against steps", Axis.STEPS, "step", Axis.LOG, "L(β) − L(β̂)"));
    private final Chart byExamples = chart(new Chart("Excess loss against examples read", Axis.LOG, "examples read", Axis.LOG,
            "L(β) − L(β̂)"));
    private final GridPane root = root(Panels.grid(2, 50, 50));
    private final History byStepsHistory = new History(bySteps);
    private long lastBuild;

    public SgdVsGdView(PlaybackModel model) {
        super(model);
        createView();
        start();
    }

    private void createView() {
        map.viewer().setId("sgd-map");
        bySteps.viewer().setId("sgd-loss-steps");
        byExamples.viewer().setId("sgd-loss-examples");
        root.add(map.viewer(), 0, 0, 1, 2);
        root.add(bySteps.viewer(), 1, 0);
        root.add(byExamples.viewer(), 1, 1);
    }

    /** The legend label of a racer: its batch size in words. */
    static String label(String racer, int batch) {
        return switch (racer) {
            case "gd" -> "GD (full batch)";
            case "sgd" -> "SGD (batch 1)";
            default -> "minibatch " + batch;
        };
    }

    /** The colour of a racer: GD in its own colour, the stochastic racers in two others of the palette. */
    static String identity(String racer) {
        return switch (racer) {
            case "gd" -> "gd";
            case "sgd" -> "rmsprop";
            default -> "nesterov";
        };
    }

    @Override
    protected void configure() {
        if (model.params() == null) {
            return;
        }
        int batch = SgdVsGdExperiment.Config.of(model.params()).batch();
        List<History.Line> lines = new ArrayList<>();
        for (String r : SgdVsGdExperiment.RACERS) {
            lines.add(History.Line.of(SgdVsGdExperiment.EXCESS.of(r), identity(r), label(r, batch)));
        }
        byStepsHistory.setLines(lines);
        map.clear();
        for (int k = 0; k < LEVELS.length; k++) {
            int i = map.add("contour", "loss contours", Chart.Style.LINE);
            map.setWeight(i, 0.5f);
            if (k > 0) {
                map.hideFromLegend(i);
            }
        }
        map.add("target", "least squares β̂ (QR)", Chart.Style.MARKERS);
        for (String r : SgdVsGdExperiment.RACERS) {
            map.add(identity(r), label(r, batch), Chart.Style.LINE);            // path
            map.hideFromLegend(map.add(identity(r), "", Chart.Style.LINE));      // −c∇L
            int e = map.add(identity(r), "", Chart.Style.DOTTED);                // spread of −c∇̃L
            map.hideFromLegend(e);
            map.hideFromLegend(map.add(identity(r), "", Chart.Style.MARKERS));   // the point
        }
        byExamples.clear();
        for (String r : SgdVsGdExperiment.RACERS) {
            byExamples.add(identity(r), label(r, batch), Chart.Style.LINE);
        }
        lastBuild = 0;
        render(true);
    }

    @Override
    protected void render(boolean force) {
        Recording rec = model.recording();
        Frame frame = model.frame();
        if (frame == null || rec == null || rec.isEmpty() || !frame.hasScalar(SgdVsGdExperiment.OLS_B0.key())) {
            return;
        }
        boolean playing = throttled(force);
        int count = model.frameCountProperty().get();
        int shown = Math.max(0, Math.min(model.indexProperty().get(), rec.size() - 1));
        byStepsHistory.update(rec, shown, count, playing);
        long now = System.currentTimeMillis();
        if (playing && now - lastBuild < REFRESH_MS) {
            return;
        }
        lastBuild = now;
        Frame first = rec.get(0);
        map.batch(() -> drawMap(rec, first, rec.get(shown), shown, Math.min(count, rec.size())));
        byExamples.batch(() -> {
            for (int k = 0; k < SgdVsGdExperiment.RACERS.size(); k++) {
                String r = SgdVsGdExperiment.RACERS.get(k);
                SeriesSampler.Trace ex = SeriesSampler.sample(rec, shown + 1, SgdVsGdExperiment.EXAMPLES.of(r), null, MAX_POINTS);
                SeriesSampler.Trace l = SeriesSampler.sample(rec, shown + 1, SgdVsGdExperiment.EXCESS.of(r), null, MAX_POINTS);
                byExamples.set(k, ex.y(), l.y());
            }
        });
    }

    private void drawMap(Recording rec, Frame first, Frame frame, int shown, int count) {
        double ob0 = frame.scalar(SgdVsGdExperiment.OLS_B0);
        double ob1 = frame.scalar(SgdVsGdExperiment.OLS_B1);
        double[] h = frame.series(SgdVsGdExperiment.HESSIAN);
        String r0 = SgdVsGdExperiment.RACERS.get(0);
        double start0 = first.scalar(SgdVsGdExperiment.B0.of(r0));
        double start1 = first.scalar(SgdVsGdExperiment.B1.of(r0));
        double excess0 = Math.max(first.scalar(SgdVsGdExperiment.EXCESS.of(r0)), 1e-12);
        Ellipses.Quadratic q = new Ellipses.Quadratic(h[0] / 2, h[1] / 2, h[2] / 2);   // L − L(β̂) = dᵀ(H/2)d
        for (int k = 0; k < LEVELS.length; k++) {
            double[][] e = q.levelSet(ob0, ob1, LEVELS[k] * excess0);
            map.set(k, e[0], e[1]);
        }
        double[] xr = {ob0, ob0};                 // the map: every recorded point and β̂, fixed while scrubbing
        double[] yr = {ob1, ob1};
        for (String r : SgdVsGdExperiment.RACERS) {
            Ellipses.include(xr, SeriesSampler.sample(rec, count, SgdVsGdExperiment.B0.of(r), null, MAX_POINTS).y());
            Ellipses.include(yr, SeriesSampler.sample(rec, count, SgdVsGdExperiment.B1.of(r), null, MAX_POINTS).y());
        }
        xr = Ellipses.span(xr, 0.12);
        yr = Ellipses.span(yr, 0.12);
        map.fixX(xr[0], xr[1]);
        map.fixY(yr[0], yr[1]);
        map.set(LEVELS.length, new double[] {ob0}, new double[] {ob1});
        double[] g0 = first.series(SgdVsGdExperiment.GRADIENT.of(r0));
        double c = 0.3 * Math.hypot(start0 - ob0, start1 - ob1) / Math.max(Math.hypot(g0[0], g0[1]), 1e-300);
        int at = LEVELS.length + 1;
        for (String r : SgdVsGdExperiment.RACERS) {
            SeriesSampler.Trace b0 = SeriesSampler.sample(rec, shown + 1, SgdVsGdExperiment.B0.of(r), null, MAX_POINTS);
            SeriesSampler.Trace b1 = SeriesSampler.sample(rec, shown + 1, SgdVsGdExperiment.B1.of(r), null, MAX_POINTS);
            map.set(at, b0.y(), b1.y());
            double px = frame.scalar(SgdVsGdExperiment.B0.of(r));
            double py = frame.scalar(SgdVsGdExperiment.B1.of(r));
            double[] g = frame.series(SgdVsGdExperiment.GRADIENT.of(r));
            double[][] arrow = Ellipses.arrow(px, py, px - c * g[0], py - c * g[1], xr[1] - xr[0], yr[1] - yr[0]);
            map.set(at + 1, arrow[0], arrow[1]);
            double[] cov = frame.series(SgdVsGdExperiment.COVARIANCE.of(r));
            double[][] spread = Ellipses.covariance(px - c * g[0], py - c * g[1], c * c * cov[0], c * c * cov[1],
                    c * c * cov[2]);
            map.set(at + 2, spread[0], spread[1]);
            map.set(at + 3, new double[] {px}, new double[] {py});
            at += 4;
        }
    }
}
