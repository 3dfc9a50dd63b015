package org.trainscope.app.generalization;

import java.util.List;
import java.util.Locale;

import javafx.scene.layout.GridPane;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.generalization.UniversalApproxExperiment;

/**
 * A trained depth-2 net: the target, the net and its units' breakpoints on top; below, sup error against width
 * (log–log) for the trained nets, the interpolating construction and lecture 002's bound, and the drawn net's loss.
 */
public final class UniversalApproxView extends ChartsView {
    private static final int MOST = 8;

    private final GridPane root = root(Panels.grid(2, 55, 45));
    private final Chart fit = chart(new Chart("", Axis.LINEAR, "x", Axis.LINEAR, "value"));
    private final Chart widths = chart(new Chart("Sup error against width", Axis.LOG2, "width m", Axis.LOG, "sup |f − g|"));
    private final Chart loss = chart(new Chart("Training loss (1/2N) Σ (f − g)² of the drawn net", Axis.STEPS, "frame", Axis.LOG, "loss"));
    private final int target;
    private final int net;
    private final int breaks;
    private final int trained;
    private final int construction;
    private final int bound;
    private final int lossCurve;
    private final CurvePad pad = new CurvePad(this::drawn);

    public UniversalApproxView(PlaybackModel model) {
        super(model);
        target = fit.add("target", "target g", Style.DASHED);
        net = fit.add("fit 1", "trained net f", Style.LINE);
        breaks = fit.add("points", "breakpoints −b_j/w_j", Style.MARKERS);
        trained = widths.add("train", "trained nets", Style.LINE_MARKERS);
        construction = widths.add("shallow", "construction (interpolant, m units)", Style.LINE_MARKERS);
        bound = widths.add("bound", "lecture 002: ε = 8RL/m", Style.DASHED);
        lossCurve = loss.add("loss", "(1/2N) Σ (f − g)²", Style.LINE);
        loss.hideFromLegend(lossCurve);                              // the title says what it is
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        fit.viewer().setId("universal-fit");
        widths.viewer().setId("universal-widths");
        loss.viewer().setId("universal-loss");
        root.add(fit.viewer(), 0, 0, 2, 1);
        root.add(widths.viewer(), 0, 1);
        pad.setId("universal-pad");
        javafx.scene.layout.VBox right = new javafx.scene.layout.VBox(4, loss.viewer(), pad);
        javafx.scene.layout.VBox.setVgrow(loss.viewer(), javafx.scene.layout.Priority.ALWAYS);
        pad.setPrefHeight(90);
        root.add(right, 1, 1);
    }

    private void render() {
        Frame f = model.frame();
        Recording rec = model.recording();
        if (f == null || rec == null || !f.has(UniversalApproxExperiment.BREAKS_X)) {
            return;
        }
        double[] x = f.series(UniversalApproxExperiment.X);
        pad.show(UniversalApproxExperiment.Config.of(model.params()).curve());
        fit.batch(() -> {
            fit.set(target, x, f.series(UniversalApproxExperiment.TARGET));
            fit.set(net, x, f.series(UniversalApproxExperiment.F));
            fit.set(breaks, f.series(UniversalApproxExperiment.BREAKS_X), f.series(UniversalApproxExperiment.BREAKS_Y));
        });
        fit.setTitle(String.format(Locale.ROOT, "Width %d: sup |f − g| = %.3g, %d breakpoints inside [−1, 1]",
                (int) f.scalar(UniversalApproxExperiment.WIDTH), f.scalar(UniversalApproxExperiment.SUP_ERROR),
                f.series(UniversalApproxExperiment.BREAKS_X).length));
        int count = 0;
        while (count < MOST && f.hasScalar(UniversalApproxExperiment.SWEEP_WIDTH.of(count))) {
            count++;
        }
        double[] m = new double[count];
        double[] err = new double[count];
        double[] built = new double[count];
        double[] eps = new double[count];
        for (int k = 0; k < count; k++) {
            m[k] = f.scalar(UniversalApproxExperiment.SWEEP_WIDTH.of(k));
            err[k] = f.scalar(UniversalApproxExperiment.SWEEP_ERROR.of(k));
            built[k] = f.scalar(UniversalApproxExperiment.SWEEP_CONSTRUCTION.of(k));
            eps[k] = f.scalar(UniversalApproxExperiment.SWEEP_BOUND.of(k));
        }
        widths.batch(() -> {
            widths.set(trained, m, err);
            widths.set(construction, m, built);
            widths.set(bound, m, eps);                                  // ∞ for the step: not drawn
        });
        int n = Math.min(model.indexProperty().get() + 1, rec.size());
        double[] step = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = rec.get(i).step();
            l[i] = rec.get(i).scalar(UniversalApproxExperiment.TRAIN_LOSS);
        }
        loss.set(lossCurve, step, l);
    }

    /** A curve drawn on the pad becomes the target: a fresh run with target=drawn and these values. */
    private void drawn(List<Double> values) {
        model.applyParams(model.params().withValue("target", "drawn").withValue("curve", values));
    }

    /** Points in the width chart's trained series. */
    public int sweepPointCount() {
        return widths.pointCount(trained);
    }
}
