package org.trainscope.app.view;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;

import org.trainscope.app.chart.LineChart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Frame;

/** The fallback view: every scalar of the experiment against step. */
public final class ScalarsView implements ExperimentView {
    private final PlaybackModel model;
    private final LineChart chart = new LineChart("Scalars", "step", "value");
    private final ChangeListener<Frame> onFrame = (obs, was, now) -> render(now);
    private final ChangeListener<Boolean> onPlaying = (obs, was, now) -> refresh();

    public ScalarsView(PlaybackModel model) {
        this.model = model;
        model.frameProperty().addListener(onFrame);
        model.playingProperty().addListener(onPlaying);
    }

    private void refresh() {
        render(model.frame());
    }

    private void render(Frame frame) {
        if (frame == null) {
            return;
        }
        if (!chart.scalars().equals(frame.scalarNames())) {
            chart.setScalars(frame.scalarNames(), frame.scalarNames());
        }
        chart.update(model.recording(), model.frameCountProperty().get(), frame.step(), model.playingProperty().get());
    }

    @Override
    public Node node() {
        return chart.viewer();
    }

    @Override
    public void setPresenter(boolean on) {
        chart.setPresenter(on);
    }

    @Override
    public void setDark(boolean dark) {
        chart.setDark(dark);
    }

    @Override
    public void dispose() {
        model.frameProperty().removeListener(onFrame);
        model.playingProperty().removeListener(onPlaying);
    }
}
