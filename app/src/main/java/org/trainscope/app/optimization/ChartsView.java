package org.trainscope.app.optimization;

import java.util.List;

import javafx.scene.Node;
import javafx.util.Subscription;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;

/**
 * What the views of this package share: a node of charts that follow the theme and presenter mode together, and the
 * listeners on the model — new params reconfigure the view, a new frame or a pause redraws it.
 */
abstract class ChartsView implements ExperimentView {
    protected final PlaybackModel model;
    private final Node root;
    private final List<Chart> charts;
    private Subscription subscription = Subscription.EMPTY;

    ChartsView(PlaybackModel model, Node root, List<Chart> charts) {
        this.model = model;
        this.root = root;
        this.charts = List.copyOf(charts);
    }

    /** Starts listening and draws the first picture; the last line of a subclass's constructor. */
    protected final void start() {
        subscription = Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render(false)),
                model.paramsProperty().subscribe((was, now) -> configure()),
                model.playingProperty().subscribe((was, now) -> render(true)));
        configure();
    }

    /** The params changed: set the series up again, then render. */
    protected abstract void configure();

    /** Shows the frame on screen; {@code force}: even if a redraw was made a moment ago. */
    protected abstract void render(boolean force);

    /** True while playing and not forced: views then redraw at most a few times a second. */
    protected final boolean throttled(boolean force) {
        return model.playingProperty().get() && !force;
    }

    public final List<Chart> charts() {
        return charts;
    }

    @Override
    public final Node node() {
        return root;
    }

    @Override
    public final void setDark(boolean dark) {
        charts.forEach(c -> c.setDark(dark));
        darkChanged(dark);
    }

    @Override
    public final void setPresenter(boolean on) {
        charts.forEach(c -> c.setPresenter(on));
        presenterChanged(on);
    }

    /** For a view with more than charts: its other parts follow the theme. */
    protected void darkChanged(boolean dark) {
    }

    /** For a view with more than charts: its other parts follow presenter mode. */
    protected void presenterChanged(boolean on) {
    }

    @Override
    public final void dispose() {
        subscription.unsubscribe();
    }
}
