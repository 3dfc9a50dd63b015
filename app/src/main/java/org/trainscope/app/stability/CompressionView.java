package org.trainscope.app.stability;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.GridPane;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.stability.CompressionExperiment;

/**
 * True labels (left) vs random labels (right), as both nets are compressed with more and more sign matrices (k
 * doubles per step): above, how far the compressed net's outputs move, ‖f̂(x) − f(x)‖/‖f(x)‖, and the matrix error
 * ‖Â₂ − A₂‖_F/‖A₂‖_F (one common y range for both nets); below, the accuracy the compressed nets keep.
 */
public final class CompressionView extends ChartsView {
    private static final String STEP = "step s (k = k_min·factor^(s−1))";

    private final GridPane grid = root(Panels.grid(2, 50, 50));
    private final List<History> histories = new ArrayList<>();

    public CompressionView(PlaybackModel model) {
        super(model);
        createView();
        start();
    }

    private void createView() {
        Chart[] errors = new Chart[2];
        for (int n = 0; n < 2; n++) {
            String net = CompressionExperiment.NETS.get(n);       // "true", "random"
            String who = n == 0 ? "True labels" : "Random labels";
            errors[n] = add(new Chart(who + ": error after compression", Axis.STEPS, STEP, Axis.LOG, "relative error"), n, 0,
                    List.of(History.Line.of(CompressionExperiment.OUTPUT_ERR.of(net), "output error", "outputs"),
                            History.Line.of(CompressionExperiment.ERR.of(net, 2), "matrix error", "layer-2 matrix")));
            add(new Chart(who + ": accuracy", Axis.STEPS, STEP, Axis.UNIT_INTERVAL, "accuracy"), n, 1,
                    List.of(History.Line.of(CompressionExperiment.TEST_ACC.of(net), "test", "test"),
                            History.Line.of(CompressionExperiment.TRAIN_ACC.of(net), "train",
                                    n == 0 ? "train" : "train (memorised)")));
        }
        Chart.shareY(errors);
    }

    private Chart add(Chart chart, int column, int row, List<History.Line> lines) {
        History h = new History(chart);
        h.setLines(lines);
        chart(chart);
        histories.add(h);
        grid.add(chart.viewer(), column, row);
        return chart;
    }

    @Override
    protected void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || !frame.has(CompressionExperiment.K)) {
            return;
        }
        boolean playing = throttled(force);
        for (History h : histories) {
            h.update(model.recording(), model.indexProperty().get(), model.frameCountProperty().get(), playing);
        }
    }
}
