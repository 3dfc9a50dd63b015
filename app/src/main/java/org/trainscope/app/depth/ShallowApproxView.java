package org.trainscope.app.depth;

import java.util.Locale;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.util.Subscription;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
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
public final class ShallowApproxView implements ExperimentView {
    private final PlaybackModel model;
    private final GridPane root = Panels.grid(2, 50, 50);
    private final Chart fit = new Chart("", Axis.LINEAR, "x", Axis.LINEAR, "value");
    private final Chart widths = new Chart("Width needed", Axis.STEPS, "step", Axis.LOG2, "units (log₂)");
    private final Chart errors = new Chart("sup |f − g| and ε", Axis.STEPS, "step", Axis.LOG, "error");
    private final List<Chart> charts = List.of(fit, widths, errors);
    private final int targetCurve;
    private final int netCurve;
    private final int pointMarks;
    private final int widthPoints;
    private final int boundLine;
    private final int deepLine;
    private final int errorPoints;
    private final int epsLine;
    private final Subscription subscription;

    public ShallowApproxView(PlaybackModel model) {
        this.model = model;
        targetCurve = fit.add("target", "target g", Style.DASHED);
        netCurve = fit.add("shallow", "depth-2 network f", Style.LINE);
        pointMarks = fit.add("points", "interpolation points x_i", Style.MARKERS);
        widthPoints = widths.add("shallow", "width 2n + 1 (built)", Style.LINE_MARKERS);
        boundLine = widths.add("bound", "8RL/ε (lemma)", Style.DASHED);
        deepLine = widths.add("deep", "deep network's width", Style.LINE_MARKERS);
        errorPoints = errors.add("shallow", "sup |f − g| (measured)", Style.LINE_MARKERS);
        epsLine = errors.add("bound", "ε", Style.DASHED);
        createView();
        subscription = model.frameProperty().subscribe((was, now) -> render());
        render();
    }

    private void createView() {
        fit.viewer().setId("shallow-fit");
        widths.viewer().setId("shallow-widths");
        errors.viewer().setId("shallow-errors");
        root.add(fit.viewer(), 0, 0, 2, 1);
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
        fit.batch(() -> {
            fit.set(targetCurve, exact[0], exact[1]);
            fit.set(netCurve, x, f.series(ShallowApproxExperiment.F));
            fit.set(pointMarks, f.series(ShallowApproxExperiment.POINTS_X), f.series(ShallowApproxExperiment.POINTS_Y));
        });
        String what = sawtooth ? String.format(Locale.ROOT, "s_%d", (int) f.scalar(ShallowApproxExperiment.M)) : target.id();
        fit.setTitle(String.format(Locale.ROOT,
                "%s: depth-2 width %d ≤ 8RL/ε = %.0f,  sup |f − g| = %.3g ≤ ε = %.3g", what,
                (int) f.scalar(ShallowApproxExperiment.WIDTH), f.scalar(ShallowApproxExperiment.WIDTH_BOUND),
                f.scalar(ShallowApproxExperiment.SUP_ERROR), f.scalar(ShallowApproxExperiment.EPS)));

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

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setDark(boolean dark) {
        charts.forEach(c -> c.setDark(dark));
    }

    @Override
    public void setPresenter(boolean on) {
        charts.forEach(c -> c.setPresenter(on));
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
    }
}
