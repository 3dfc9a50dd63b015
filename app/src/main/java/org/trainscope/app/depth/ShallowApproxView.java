package org.trainscope.app.depth;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.util.Subscription;

import org.jfree.chart.axis.NumberAxis;
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
    private final GridPane root = new GridPane();
    private final XYChart fit = new XYChart("", XYChart.linear("x"), XYChart.linear("value"));
    private final XYChart widths = new XYChart("Width needed", XYChart.linear("step"), XYChart.log("units (log₂)", 2));
    private final XYChart errors = new XYChart("sup |f − g| and ε", XYChart.linear("step"), XYChart.log("error", 10));
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
        targetCurve = fit.add("target g", SawtoothView.SQUARE, XYChart.Style.DASHED);
        netCurve = fit.add("depth-2 network f", SawtoothView.S, XYChart.Style.LINE);
        pointMarks = fit.add("interpolation points x_i", SawtoothView.TEETH, XYChart.Style.MARKERS);
        widthPoints = widths.add("width 2n + 1 (built)", SawtoothView.S, XYChart.Style.LINE_MARKERS);
        boundLine = widths.add("8RL/ε (lemma)", SawtoothView.BOUND, XYChart.Style.DASHED);
        deepLine = widths.add("deep network's width", SawtoothView.G, XYChart.Style.LINE_MARKERS);
        errorPoints = errors.add("sup |f − g| (measured)", SawtoothView.S, XYChart.Style.LINE_MARKERS);
        epsLine = errors.add("ε", SawtoothView.BOUND, XYChart.Style.DASHED);
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
        XYChart.halves(root);
        for (XYChart c : new XYChart[] {widths, errors}) {
            ((NumberAxis) c.plot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
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
        fit.batch(() -> {
            fit.set(targetCurve, x, f.series(ShallowApproxExperiment.TARGET));
            fit.set(netCurve, x, f.series(ShallowApproxExperiment.F));
            fit.set(pointMarks, f.series(ShallowApproxExperiment.POINTS_X), f.series(ShallowApproxExperiment.POINTS_Y));
        });
        String what = sawtooth ? String.format(Locale.ROOT, "s_%d", (int) f.scalar(ShallowApproxExperiment.M)) : target.id();
        fit.chart().setTitle(String.format(Locale.ROOT,
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
        widths.plot().getDomainAxis().setLabel(axis);
        errors.plot().getDomainAxis().setLabel(axis);
        widths.batch(() -> {
            widths.set(widthPoints, step, width);
            widths.set(boundLine, step, bound);
            widths.set(deepLine, step, deep);
        });
        widths.chart().setTitle(sawtooth
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
        for (XYChart c : new XYChart[] {fit, widths, errors}) {
            c.setDark(dark);
        }
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
    }
}
