package org.trainscope.app.optimization;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import javafx.scene.layout.GridPane;
import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.optimization.ExpLrExperiment;

/**
 * Weight decay vs an exponential learning rate: the two runs' predictions on the probe set overlaid (A as a curve,
 * sorted, B as points on it), their losses, their weight norms with the predicted α^{−t}‖θ^A‖, B's learning rate, and
 * the largest difference of their predictions.
 */
public final class ExpLrView extends ChartsView {
    static final String A = "run 1";
    static final String B = "run 2";

    private final Chart predictions = chart(new Chart("Predictions on held-out digits, sorted by A's", Axis.STEPS,
            "probe example (by A's p)", Axis.UNIT_INTERVAL, "p(true class)"));
    private final Chart losses = chart(new Chart("Training loss", Axis.STEPS, "step", Axis.LOG, "loss"));
    private final Chart norms = chart(new Chart("Weight norms", Axis.STEPS, "step", Axis.LOG, "‖θ‖"));
    private final Chart lr = chart(new Chart("Run B's learning rate", Axis.STEPS, "step", Axis.LOG, "η_t"));
    private final Chart diff = chart(new Chart("Largest |softmax_A − softmax_B|", Axis.STEPS, "step", Axis.LOG, "difference"));
    private final GridPane root = root(Panels.grid(3, 50, 50));
    private final List<History> histories = List.of(new History(losses), new History(norms), new History(lr),
            new History(diff));

    public ExpLrView(PlaybackModel model) {
        super(model);
        predictions.viewer().setId("exp-lr-predictions");
        root.add(predictions.viewer(), 0, 0, 2, 1);
        root.add(losses.viewer(), 2, 0);
        root.add(norms.viewer(), 0, 1);
        root.add(lr.viewer(), 1, 1);
        root.add(diff.viewer(), 2, 1);
        predictions.setWeight(predictions.add(A, "A: weight decay, constant η", Chart.Style.LINE), 2.5f);
        predictions.setWeight(predictions.add(B, "B: no decay, η·α^(−2t−1)", Chart.Style.MARKERS), 0.5f);
        histories.get(0).setLines(List.of(
                History.Line.of(ExpLrExperiment.A_LOSS.key(), A, "A: weight decay"),
                History.Line.of(ExpLrExperiment.B_LOSS.key(), B, "B: exponential η").drawn(Chart.Style.DASHED)));
        histories.get(1).setLines(List.of(
                History.Line.of(ExpLrExperiment.A_NORM.key(), A, "‖θ^A‖"),
                History.Line.of(ExpLrExperiment.B_NORM.key(), B, "‖θ^B‖"),
                History.Line.of(ExpLrExperiment.B_NORM_PREDICTED.key(), "target", "α^(−t)‖θ^A‖, predicted")
                        .drawn(Chart.Style.DASHED)));
        histories.get(2).setLines(List.of(History.Line.of(ExpLrExperiment.B_LR.key(), B, "η·α^(−2t−1)")));
        histories.get(3).setLines(List.of(History.Line.of(ExpLrExperiment.PRED_DIFF.key(), "test error",
                "max |p_A − p_B|")));
        start();
    }

    @Override
    protected void configure() {
        render(true);
    }

    @Override
    protected void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || model.recording() == null || !frame.has(ExpLrExperiment.A_PROBS)) {
            return;
        }
        boolean playing = throttled(force);
        int count = model.frameCountProperty().get();
        int shown = model.indexProperty().get();
        for (History h : histories) {
            h.update(model.recording(), shown, count, playing);
        }
        double[] a = frame.series(ExpLrExperiment.A_PROBS);
        double[] b = frame.series(ExpLrExperiment.B_PROBS);
        Integer[] order = IntStream.range(0, a.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> a[i]));
        double[] x = new double[a.length];
        double[] ya = new double[a.length];
        double[] yb = new double[a.length];
        for (int k = 0; k < order.length; k++) {
            x[k] = k;
            ya[k] = a[order[k]];
            yb[k] = b[order[k]];
        }
        predictions.batch(() -> {
            predictions.set(0, x, ya);
            predictions.set(1, x, yb);
        });
    }
}
