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
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.generalization.CurveFittingExperiment;

/**
 * Curve fitting: on top the samples, the true curve, the closed-form fit and the optimizer's fit; below left the
 * closed-form train and test error against the degree or the feature count (the U-shape, the double descent), with
 * a cursor at this run's size and a mark at n; below right the optimizer's loss against the closed form's.
 */
public final class CurveFittingView extends ChartsView {
    /** The fit chart's y range: an interpolating polynomial swings by 1e4 between samples, the data lives in ±1.5. */
    private static final double FIT_RANGE = 2.5;
    /** The sweep chart's floor: train errors below it are zero up to rounding. */
    private static final double SWEEP_FLOOR = 1e-4;

    private final GridPane root = root(Panels.grid(2, 55, 45));
    private final Chart fit = chart(new Chart("", Axis.LINEAR, "x", Axis.LINEAR, "y"));
    private final Chart sweep = chart(new Chart("", Axis.STEPS, "degree d", Axis.LOG, "mean squared error"));
    private final Chart loss = chart(new Chart("Optimizer vs closed form", Axis.STEPS, "frame", Axis.LOG, "loss L"));
    private final int targetCurve;
    private final int samples;
    private final int closedCurve;
    private final int gdCurve;
    private final int trainSweep;
    private final int testSweep;
    private final int gdLoss;
    private final int closedLoss;

    public CurveFittingView(PlaybackModel model) {
        super(model);
        targetCurve = fit.add("target", "true curve g", Style.DASHED);
        samples = fit.add("samples", "samples y_i", Style.MARKERS);
        closedCurve = fit.add("fit 1", "closed-form fit", Style.LINE);
        gdCurve = fit.add("gd", "optimizer's fit", Style.DOTTED);
        trainSweep = sweep.add("train", "train MSE", Style.LINE_MARKERS);
        testSweep = sweep.add("test", "test MSE", Style.LINE_MARKERS);
        gdLoss = loss.add("gd", "optimizer L(c_t)", Style.LINE);
        closedLoss = loss.add("closed", "closed form L(c*)", Style.DASHED);
        fit.fixY(-FIT_RANGE, FIT_RANGE);
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        fit.viewer().setId("curve-fit");
        sweep.viewer().setId("curve-sweep");
        loss.viewer().setId("curve-loss");
        root.add(fit.viewer(), 0, 0, 2, 1);
        root.add(sweep.viewer(), 0, 1);
        root.add(loss.viewer(), 1, 1);
    }

    private void render() {
        Frame f = model.frame();
        Recording rec = model.recording();
        Params p = model.params();
        if (f == null || rec == null || p == null || !f.has(CurveFittingExperiment.SWEEP_P)) {
            return;
        }
        CurveFittingExperiment.Config c = CurveFittingExperiment.Config.of(p);
        boolean poly = c.poly();
        double[] gx = f.series(CurveFittingExperiment.FIT_X);
        fit.batch(() -> {
            fit.set(targetCurve, gx, f.series(CurveFittingExperiment.TARGET_Y));
            fit.set(samples, f.series(CurveFittingExperiment.X), f.series(CurveFittingExperiment.Y));
            fit.set(closedCurve, gx, f.series(CurveFittingExperiment.FIT_Y));
            fit.set(gdCurve, gx, f.series(CurveFittingExperiment.GD_Y));
        });
        String size = poly ? String.format(Locale.ROOT, "degree %d", c.degree())
                : String.format(Locale.ROOT, "%d ReLU features", c.features());
        fit.setTitle(String.format(Locale.ROOT, "n = %d samples, %s: train MSE %.3g, test MSE %.3g (optimizer: %.3g)",
                c.n(), size, f.scalar(CurveFittingExperiment.TRAIN_MSE), f.scalar(CurveFittingExperiment.TEST_MSE),
                f.scalar(CurveFittingExperiment.GD_TEST_MSE)));

        double[] ps = f.series(CurveFittingExperiment.SWEEP_P);
        sweep.setXLabel(poly ? "degree d" : "features p");
        sweep.batch(() -> {
            sweep.set(trainSweep, ps, f.series(CurveFittingExperiment.SWEEP_TRAIN_MSE));
            sweep.set(testSweep, ps, f.series(CurveFittingExperiment.SWEEP_TEST_MSE));
        });
        double[] testMse = f.series(CurveFittingExperiment.SWEEP_TEST_MSE);
        // an interpolating fit's train MSE is rounding (1e-26): the axis starts at 1e-4, well under the noise σ²
        sweep.fixY(SWEEP_FLOOR, 10 * java.util.Arrays.stream(testMse).max().orElse(1));
        sweep.setXMarks(new double[] {poly ? c.n() - 1 : c.n()}, List.of("threshold"));
        sweep.setCursor(poly ? c.degree() : c.features());
        sweep.setTitle(poly ? String.format(Locale.ROOT, "Closed-form error against degree (train MSE → 0 at d = n − 1 = %d)", c.n() - 1)
                : String.format(Locale.ROOT, "Double descent: test error against p (train MSE → 0 at p = n = %d)", c.n()));

        int count = Math.min(model.indexProperty().get() + 1, rec.size());
        double[] step = new double[count];
        double[] gd = new double[count];
        double[] closed = new double[count];
        for (int i = 0; i < count; i++) {
            Frame fi = rec.get(i);
            step[i] = fi.step();
            gd[i] = fi.scalar(CurveFittingExperiment.GD_LOSS);
            closed[i] = fi.scalar(CurveFittingExperiment.CLOSED_LOSS);
        }
        loss.setXLabel(String.format(Locale.ROOT, "frame (%d optimizer steps each)", c.every()));
        loss.batch(() -> {
            loss.set(gdLoss, step, gd);
            loss.set(closedLoss, step, closed);
        });
    }

    /** Points of the sweep's test curve. */
    public int sweepPointCount() {
        return sweep.pointCount(testSweep);
    }

    /** The fit chart's title (what the run shows). */
    public String fitTitle() {
        return fit.chart().getTitle().getText();
    }
}
