package org.trainscope.app.optimization;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.optimization.NetLandscapeExperiment;

/**
 * The loss landscape of a trained net: the slice as a heatmap with log contours and the projected path, filling in
 * row by row as the run computes it (on the runner's thread, never the FX thread), with its progress and a Cancel
 * that pauses the run; beside it the training and test losses and the 1-D interpolation from θ₀ to θ*.
 */
public final class NetLandscapeView extends ChartsView {
    private final SliceMap map = new SliceMap();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox progressRow = new HBox(8, new Label("Landscape grid"), progress, progressText, cancel);
    private final Chart losses = chart(new Chart("Training", Axis.STEPS, "step", Axis.LOG, "loss"));
    private final Chart interpolation = chart(new Chart("Loss on the line (1−t)θ₀ + tθ*", Axis.LINEAR, "t", Axis.LOG, "loss"));
    private final BorderPane root = root(new BorderPane());
    private final History lossHistory = new History(losses);

    public NetLandscapeView(PlaybackModel model) {
        super(model);
        lossHistory.setLines(List.of(History.Line.of(NetLandscapeExperiment.TRAIN_LOSS.key(), "train", "train"),
                History.Line.of(NetLandscapeExperiment.TEST_LOSS.key(), "test", "test")));
        interpolation.add("train", "train", Chart.Style.LINE);
        interpolation.add("test", "test", Chart.Style.LINE);
        createView();
        cancel.setOnAction(e -> {
            model.pause();
            model.say("Landscape grid cancelled at " + progressText.getText() + "; press Play to go on computing it.");
        });
        start();
    }

    private void createView() {
        GridPane grid = Panels.grid(2, 50, 50);
        map.setId("net-landscape-map");
        progress.setId("net-landscape-progress");
        cancel.setId("net-landscape-cancel");
        progress.setPrefWidth(220);
        progressRow.setPadding(new Insets(4, 8, 4, 8));
        progressRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.add(map, 0, 0, 1, 2);
        grid.add(losses.viewer(), 1, 0);
        grid.add(interpolation.viewer(), 1, 1);
        root.setTop(progressRow);
        root.setCenter(grid);
    }

    @Override
    protected void configure() {
        render(true);
    }

    @Override
    protected void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || model.recording() == null || !frame.has(NetLandscapeExperiment.GRID)) {
            return;
        }
        boolean playing = throttled(force);
        lossHistory.update(model.recording(), model.indexProperty().get(), model.frameCountProperty().get(), playing);
        double done = frame.scalar(NetLandscapeExperiment.PROGRESS);
        boolean computing = frame.series(NetLandscapeExperiment.GRID).length > 0 && done < 1;
        progress.setProgress(done);
        progressText.setText(String.format("%.0f %%", 100 * done));
        cancel.setDisable(!computing || !model.playingProperty().get());
        progressRow.setOpacity(frame.series(NetLandscapeExperiment.GRID).length > 0 ? 1 : 0.5);
        map.show(frame.series(NetLandscapeExperiment.GRID), frame.series(NetLandscapeExperiment.ALPHA),
                frame.series(NetLandscapeExperiment.BETA), frame.series(NetLandscapeExperiment.PATH_ALPHA),
                frame.series(NetLandscapeExperiment.PATH_BETA),
                "Training (step " + frame.step() + "): the slice through θ* is drawn once training ends");
        double[] t = frame.series(NetLandscapeExperiment.INTERP_T);
        interpolation.batch(() -> {
            interpolation.set(0, t, frame.series(NetLandscapeExperiment.INTERP_TRAIN));
            interpolation.set(1, t, frame.series(NetLandscapeExperiment.INTERP_TEST));
        });
    }

    /** The heatmap's computed cells, for tests. */
    int cellsDrawn() {
        return map.cellsDrawn();
    }

    /** The progress bar and its Cancel button, for tests. */
    ProgressBar progress() {
        return progress;
    }

    Button cancelButton() {
        return cancel;
    }

    @Override
    protected void darkChanged(boolean dark) {
        map.setDark(dark);
    }

    @Override
    protected void presenterChanged(boolean on) {
        map.setScale(on ? PRESENTER_SCALE : 1);
    }
}
