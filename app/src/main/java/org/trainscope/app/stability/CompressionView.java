package org.trainscope.app.stability;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Subscription;

import org.trainscope.app.chart.LineChart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.stability.CompressionExperiment;

/**
 * True labels vs random labels, side by side, as both nets are compressed with more and more sign matrices
 * (k doubles per step): left, how far the compressed net's outputs move (and the matrix error, equal for both);
 * right, the accuracy the compressed nets keep.
 */
public final class CompressionView implements ExperimentView {
    private final PlaybackModel model;
    private final LineChart errors = new LineChart("Error after compression", "step s (k = k_min·factor^(s−1))", "relative error");
    private final LineChart accuracy = new LineChart("Accuracy of the compressed nets", "step s (k = k_min·factor^(s−1))", "accuracy");
    private final HBox box = new HBox(errors.viewer(), accuracy.viewer());
    private final Subscription subscription;

    public CompressionView(PlaybackModel model) {
        this.model = model;
        createView();
        subscription = initListeners();
    }

    private void createView() {
        String trained = CompressionExperiment.NETS.get(0);      // true labels
        String random = CompressionExperiment.NETS.get(1);
        errors.setScalars(List.of(CompressionExperiment.OUTPUT_ERR.of(trained), CompressionExperiment.OUTPUT_ERR.of(random),
                        CompressionExperiment.ERR.of(trained, 2), CompressionExperiment.ERR.of(random, 2)),
                List.of("true labels: output ‖f̂(x) − f(x)‖/‖f(x)‖", "random labels: output",
                        "true labels: ‖Â₂ − A₂‖_F/‖A₂‖_F", "random labels: ‖Â₂ − A₂‖_F/‖A₂‖_F"));
        accuracy.setScalars(List.of(CompressionExperiment.TEST_ACC.of(trained), CompressionExperiment.TRAIN_ACC.of(trained),
                        CompressionExperiment.TRAIN_ACC.of(random), CompressionExperiment.TEST_ACC.of(random)),
                List.of("true labels: test", "true labels: train", "random labels: train (memorised)",
                        "random labels: test"));
        HBox.setHgrow(errors.viewer(), Priority.ALWAYS);
        HBox.setHgrow(accuracy.viewer(), Priority.ALWAYS);
        errors.viewer().setPrefWidth(10);
        accuracy.viewer().setPrefWidth(10);
        refresh();
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
        errors.update(model.recording(), model.frameCountProperty().get(), frame.step(), playing);
        accuracy.update(model.recording(), model.frameCountProperty().get(), frame.step(), playing);
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public void setDark(boolean dark) {
        errors.setDark(dark);
        accuracy.setDark(dark);
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
    }
}
