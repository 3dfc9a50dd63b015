package org.trainscope.app.stability;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.util.Subscription;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.stability.CompressionExperiment;

/**
 * True labels (left) vs random labels (right), as both nets are compressed with more and more sign matrices (k
 * doubles per step): above, how far the compressed net's outputs move, ‖f̂(x) − f(x)‖/‖f(x)‖, and the matrix error
 * ‖Â₂ − A₂‖_F/‖A₂‖_F (one common y range for both nets); below, the accuracy the compressed nets keep.
 */
public final class CompressionView implements ExperimentView {
    private static final String STEP = "step s (k = k_min·factor^(s−1))";

    private final PlaybackModel model;
    private final GridPane grid = Panels.grid(2, 50, 50);
    private final List<Chart> charts = new ArrayList<>();
    private final List<History> histories = new ArrayList<>();
    private final Subscription subscription;

    public CompressionView(PlaybackModel model) {
        this.model = model;
        createView();
        subscription = initListeners();
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
        refresh();
    }

    private Chart add(Chart chart, int column, int row, List<History.Line> lines) {
        History h = new History(chart);
        h.setLines(lines);
        charts.add(chart);
        histories.add(h);
        grid.add(chart.viewer(), column, row);
        return chart;
    }

    private Subscription initListeners() {
        return Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render(now)),
                model.playingProperty().subscribe((was, now) -> refresh()));
    }

    private void refresh() {
        render(model.frame());
    }

    private void render(Frame frame) {
        if (frame == null || !frame.has(CompressionExperiment.K)) {
            return;
        }
        boolean playing = model.playingProperty().get();
        for (History h : histories) {
            h.update(model.recording(), model.indexProperty().get(), model.frameCountProperty().get(), playing);
        }
    }

    /** The charts: errors and accuracy of the true-label net, then of the random-label net. */
    List<Chart> charts() {
        return charts;
    }

    @Override
    public Node node() {
        return grid;
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
