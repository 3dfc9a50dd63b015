package org.trainscope.app.view;

import javafx.scene.Node;
import javafx.util.Subscription;

import org.trainscope.app.chart.LineChart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Frame;

/** The fallback view: every scalar of the experiment against step. */
public final class ScalarsView implements ExperimentView {
    private final PlaybackModel model;
    private final LineChart chart = new LineChart("Scalars", "step", "value");
    private final Subscription subscriptions;

    public ScalarsView(PlaybackModel model) {
        this.model = model;
        subscriptions = Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render(now)),
                model.playingProperty().subscribe((was, now) -> refresh()));
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
        subscriptions.unsubscribe();
    }
}
