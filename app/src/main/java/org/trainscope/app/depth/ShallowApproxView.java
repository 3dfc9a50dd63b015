package org.trainscope.app.depth;

import java.util.Locale;

import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.depth.ShallowApproxExperiment;
import org.trainscope.engine.depth.ShallowApproxExperiment.Target;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;

/**
 * The depth-2 interpolant: the target and the network's output with its interpolation points on top; below, the
 * width against the step on a log₂ scale beside the lemma's 8RL/ε and the deep network's width, and the sup-error
 * against ε. Each step doubles RL/ε; stepping back shows the earlier, narrower network.
 */
public final class ShallowApproxView extends ChartsView {
    private final GridPane root = root(Panels.grid(2, 50, 50));
    private final Chart fit = chart(new Chart("", Axis.LINEAR, "x", Axis.LINEAR, "value"));
    private final Chart widths = chart(new Chart("Width needed", Axis.STEPS, "step", Axis.LOG2, "units (log₂)"));
    private final Chart errors = chart(new Chart("sup |f − g| and ε", Axis.STEPS, "step", Axis.LOG, "error"));
    private final Chart inset = chart(new Chart("zoom", Axis.LINEAR, "x", Axis.LINEAR, "value"));
    private final int insetTarget;
    private final int insetNet;
    private final int insetPoints;
    private final int targetCurve;
    private final int netCurve;
    private final int pointMarks;
    private final int widthPoints;
    private final int boundLine;
    private final int deepLine;
    private final int errorPoints;
    private final int epsLine;

    public ShallowApproxView(PlaybackModel model) {
        super(model);
        targetCurve = fit.add("target", "target g", Style.DASHED);
        netCurve = fit.add("shallow", "depth-2 network f", Style.LINE);
        pointMarks = fit.add("points", "interpolation points x_i", Style.MARKERS);
        widthPoints = widths.add("shallow", "width 2n + 1 (built)", Style.LINE_MARKERS);
        boundLine = widths.add("bound", "8RL/ε (lemma)", Style.DASHED);
        deepLine = widths.add("deep", "deep network's width", Style.LINE_MARKERS);
        errorPoints = errors.add("shallow", "sup |f − g| (measured)", Style.LINE_MARKERS);
        epsLine = errors.add("bound", "ε", Style.DASHED);
        insetTarget = inset.add("target", "target g", Style.DASHED);
        insetNet = inset.add("shallow", "f", Style.LINE);
        insetPoints = inset.add("points", "x_i", Style.MARKERS);
        inset.setWeight(insetPoints, 0.55f);   // about seven points per tooth: small enough to stay apart
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        fit.viewer().setId("shallow-fit");
        widths.viewer().setId("shallow-widths");
        errors.viewer().setId("shallow-errors");
        inset.viewer().setId("shallow-inset");
        HBox both = ZoomInset.beside(fit, inset, 0.3);
        root.add(both, 0, 0, 2, 1);
        root.add(widths.viewer(), 0, 1);
        root.add(errors.viewer(), 1, 1);
    }

    private void render() {
        Frame f = model.frame();
        Recording rec = model.recording();
        Params p = model.params();
        if (f == null || rec == null || p == null || !f.has(ShallowApproxExperiment.WIDTH_BOUND)) {
            return;
        }
        Target target = ShallowApproxExperiment.Config.of(p).target();
        boolean sawtooth = target == Target.SAWTOOTH;
        double[] x = f.series(ShallowApproxExperiment.X);
        // s_m through its breakpoints, exact at any depth; other targets on the frame's grid
        double[][] exact = sawtooth ? SawtoothShape.polyline((int) f.scalar(ShallowApproxExperiment.M))
                : new double[][] {x, f.series(ShallowApproxExperiment.TARGET)};
        // f exactly: the polyline through its knots (its breakpoints are the interpolation points x_i)
        double[] knotsX = f.series(ShallowApproxExperiment.F_KNOTS_X);
        double[] knotsY = f.series(ShallowApproxExperiment.F_KNOTS_Y);
        double[] pointsX = f.series(ShallowApproxExperiment.POINTS_X);
        int m = (int) f.scalar(ShallowApproxExperiment.M);
        boolean zoom = sawtooth && SawtoothShape.needsInset(1 << (m - 1), 0.85 * Math.max(fit.viewer().getWidth(), 1));
        fit.batch(() -> {
            fit.set(targetCurve, exact[0], exact[1]);
            fit.set(netCurve, knotsX, knotsY);
            fit.set(pointMarks, pointsX, f.series(ShallowApproxExperiment.POINTS_Y));
        });
        fit.setLabel(pointMarks, pointsX.length > 0 || knotsX.length == 0 ? "interpolation points x_i"
                : "interpolation points x_i: see zoom");
        inset.viewer().setVisible(zoom);
        if (zoom) {
            double hi = SawtoothShape.insetEnd(m);
            double[] tx = SawtoothShape.upTo(exact[0], hi);
            double[] nx = SawtoothShape.upTo(knotsX, hi);
            double[] ny = java.util.Arrays.copyOf(knotsY, nx.length);
            inset.batch(() -> {
                inset.set(insetTarget, tx, java.util.Arrays.copyOf(exact[1], tx.length));
                inset.set(insetNet, nx, ny);
                inset.set(insetPoints, nx, ny);   // f's knots: the x_i (and the domain's end at 0)
            });
            inset.fixX(0, hi);
            inset.setTitle(String.format(Locale.ROOT, "zoom: %d teeth, %d points x_i", SawtoothShape.INSET_TEETH,
                    nx.length));
            inset.setXLabel(String.format(Locale.ROOT, "x in [0, 2^−%d]", m - 4));
        }
        String what = sawtooth ? String.format(Locale.ROOT, "s_%d", (int) f.scalar(ShallowApproxExperiment.M)) : target.id();
        fit.setTitle(String.format(Locale.ROOT, "%s: width %d ≤ 8RL/ε = %.0f  ·  sup |f − g| = %.3g ≤ ε", what,
                (int) f.scalar(ShallowApproxExperiment.WIDTH), f.scalar(ShallowApproxExperiment.WIDTH_BOUND),
                f.scalar(ShallowApproxExperiment.SUP_ERROR)));

        int n = Math.min(model.indexProperty().get() + 1, rec.size());
        double[] step = new double[n];
        double[] width = new double[n];
        double[] bound = new double[n];
        double[] deep = new double[n];
        double[] err = new double[n];
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            Frame fi = rec.get(i);
            step[i] = sawtooth ? fi.scalar(ShallowApproxExperiment.M) : fi.step();
            width[i] = fi.scalar(ShallowApproxExperiment.WIDTH);
            bound[i] = fi.scalar(ShallowApproxExperiment.WIDTH_BOUND);
            deep[i] = fi.has(ShallowApproxExperiment.DEEP_WIDTH) ? fi.scalar(ShallowApproxExperiment.DEEP_WIDTH) : Double.NaN;
            err[i] = fi.scalar(ShallowApproxExperiment.SUP_ERROR);
            eps[i] = fi.scalar(ShallowApproxExperiment.EPS);
        }
        String axis = sawtooth ? "depth m of the target s_m" : "step (ε halves)";
        widths.setXLabel(axis);
        errors.setXLabel(axis);
        widths.batch(() -> {
            widths.set(widthPoints, step, width);
            widths.set(boundLine, step, bound);
            widths.set(deepLine, step, deep);
        });
        widths.setTitle(sawtooth
                ? String.format(Locale.ROOT, "Width: depth 2 needs %d, depth m needs %d",
                        (int) f.scalar(ShallowApproxExperiment.WIDTH), (int) f.scalar(ShallowApproxExperiment.DEEP_WIDTH))
                : "Width needed doubles as ε halves");
        errors.batch(() -> {
            errors.set(errorPoints, step, err);
            errors.set(epsLine, step, eps);
        });
    }

    /** Points in the width chart (one per step shown). */
    public int widthPointCount() {
        return widths.pointCount(widthPoints);
    }
}
