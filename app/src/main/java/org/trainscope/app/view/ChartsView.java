package org.trainscope.app.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javafx.scene.Node;
import javafx.util.Subscription;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.playback.PlaybackModel;

/**
 * What the chart views share: their root node, charts that follow the theme and presenter mode together, and
 * listeners on the model that end with the view. A view registers its parts where it declares them —
 * {@code private final Chart loss = chart(new Chart(…));}, {@code private final SplitPane root = root(new SplitPane());}
 * — and either calls {@link #start()} (a new frame renders, new params {@link #configure()}, play or pause renders
 * unthrottled) or {@link #listen listens} to what it needs.
 */
public abstract class ChartsView implements ExperimentView {
    protected final PlaybackModel model;
    private final List<Chart> charts = new ArrayList<>();
    private Node root;
    private Subscription subscription = Subscription.EMPTY;

    protected ChartsView(PlaybackModel model) {
        this.model = model;
    }

    /** Registers the view's root node. */
    protected final <N extends Node> N root(N node) {
        root = node;
        return node;
    }

    /** Registers a chart: it follows the theme and presenter mode. */
    protected final <C extends Chart> C chart(C c) {
        charts.add(c);
        return c;
    }

    /** Keeps a listener until the view is disposed. */
    protected final void listen(Subscription s) {
        subscription = Subscription.combine(subscription, s);
    }

    /** The usual listeners, then the first picture: the last line of a subclass's constructor. */
    protected final void start() {
        listen(Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render(false)),
                model.paramsProperty().subscribe((was, now) -> configure()),
                model.playingProperty().subscribe((was, now) -> render(true))));   // a final, unthrottled picture
        configure();
    }

    /** The params changed: set the series up again, then render. By default, renders. */
    protected void configure() {
        render(true);
    }

    /** Shows the frame on screen; {@code force}: even if a redraw was made a moment ago. For {@link #start()}. */
    protected void render(boolean force) {
    }

    /** True while playing and not forced: views then redraw at most a few times a second. */
    protected final boolean throttled(boolean force) {
        return model.playingProperty().get() && !force;
    }

    /** The charts, in the order registered. */
    public final List<Chart> charts() {
        return Collections.unmodifiableList(charts);
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
        disposed();
    }

    /** For a view that holds more than listeners (bindings, timers): let them go. */
    protected void disposed() {
    }
}
