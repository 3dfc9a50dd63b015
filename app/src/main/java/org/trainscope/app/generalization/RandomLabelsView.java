package org.trainscope.app.generalization;

import java.util.ArrayList;
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
import org.trainscope.engine.generalization.RandomLabelsExperiment;

/**
 * Random labels: training and test accuracy of the five runs against the frame (one colour per ρ), and below, at the
 * frame shown, both accuracies against ρ and the frames each run took to fit its training set.
 */
public final class RandomLabelsView extends ChartsView {
    private static final int RUNS = RandomLabelsExperiment.RUNS;

    private final GridPane root = root(Panels.grid(2, 55, 45));
    private final Chart train = chart(new Chart("Training accuracy (own labels)", Axis.STEPS, "frame", Axis.UNIT_INTERVAL, "accuracy"));
    private final Chart test = chart(new Chart("Test accuracy (true labels)", Axis.STEPS, "frame", Axis.UNIT_INTERVAL, "accuracy"));
    private final Chart byRho = chart(new Chart("At this frame", Axis.LINEAR, "corrupted fraction ρ", Axis.UNIT_INTERVAL, "accuracy"));
    private final Chart fitTime = chart(new Chart("Frames to fit the training set", Axis.LINEAR, "corrupted fraction ρ", Axis.STEPS, "frames"));
    private final int[] trainCurves = new int[RUNS];
    private final int[] testCurves = new int[RUNS];
    private final int trainByRho;
    private final int testByRho;
    private final int fitPoints;

    public RandomLabelsView(PlaybackModel model) {
        super(model);
        for (int k = 0; k < RUNS; k++) {
            trainCurves[k] = train.add("rho" + (k + 1), "ρ" + k, Style.LINE);
            testCurves[k] = test.add("rho" + (k + 1), "ρ" + k, Style.LINE);
        }
        trainByRho = byRho.add("train", "train accuracy", Style.LINE_MARKERS);
        testByRho = byRho.add("test", "test accuracy", Style.LINE_MARKERS);
        fitPoints = fitTime.add("loss", "first frame at 100 % train accuracy", Style.LINE_MARKERS);
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        train.viewer().setId("random-labels-train");
        test.viewer().setId("random-labels-test");
        byRho.viewer().setId("random-labels-by-rho");
        fitTime.viewer().setId("random-labels-fit");
        root.add(train.viewer(), 0, 0);
        root.add(test.viewer(), 1, 0);
        root.add(byRho.viewer(), 0, 1);
        root.add(fitTime.viewer(), 1, 1);
    }

    private void render() {
        Frame f = model.frame();
        Recording rec = model.recording();
        if (f == null || rec == null || !f.hasScalar(RandomLabelsExperiment.VALUE.of(0))) {
            return;
        }
        int n = Math.min(model.indexProperty().get() + 1, rec.size());
        double[] step = new double[n];
        double[][] tr = new double[RUNS][n];
        double[][] te = new double[RUNS][n];
        for (int i = 0; i < n; i++) {
            Frame fi = rec.get(i);
            step[i] = fi.step();
            for (int k = 0; k < RUNS; k++) {
                tr[k][i] = fi.scalar(RandomLabelsExperiment.TRAIN_ACC.of(k));
                te[k][i] = fi.scalar(RandomLabelsExperiment.TEST_ACC.of(k));
            }
        }
        double[] rho = new double[RUNS];
        double[] trainNow = new double[RUNS];
        double[] testNow = new double[RUNS];
        double[] fit = new double[RUNS];
        for (int k = 0; k < RUNS; k++) {
            rho[k] = f.scalar(RandomLabelsExperiment.VALUE.of(k));
            trainNow[k] = f.scalar(RandomLabelsExperiment.TRAIN_ACC.of(k));
            testNow[k] = f.scalar(RandomLabelsExperiment.TEST_ACC.of(k));
            fit[k] = f.scalar(RandomLabelsExperiment.FIT_STEP.of(k));
        }
        train.batch(() -> {
            for (int k = 0; k < RUNS; k++) {
                train.setLabel(trainCurves[k], label(rho[k]));
                train.set(trainCurves[k], step, tr[k]);
            }
        });
        test.batch(() -> {
            for (int k = 0; k < RUNS; k++) {
                test.setLabel(testCurves[k], label(rho[k]));
                test.set(testCurves[k], step, te[k]);
            }
        });
        byRho.batch(() -> {
            byRho.set(trainByRho, rho, trainNow);
            byRho.set(testByRho, rho, testNow);
        });
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (int k = 0; k < RUNS; k++) {
            if (!Double.isNaN(fit[k])) {
                fx.add(rho[k]);
                fy.add(fit[k]);
            }
        }
        fitTime.set(fitPoints, fx.stream().mapToDouble(Double::doubleValue).toArray(),
                fy.stream().mapToDouble(Double::doubleValue).toArray());
        fitTime.setTitle(String.format(Locale.ROOT, "Frames to fit the training set (%d of %d runs fitted)", fx.size(), RUNS));
        byRho.setTitle(String.format(Locale.ROOT, "At frame %d (epoch %.0f): accuracy against ρ", f.step(),
                f.scalar(RandomLabelsExperiment.EPOCH)));
    }

    private static String label(double rho) {
        return String.format(Locale.ROOT, "ρ = %.2g", rho);
    }

    /** Points on the test-accuracy curve of run k. */
    public int testPointCount(int k) {
        return test.pointCount(testCurves[k]);
    }
}
