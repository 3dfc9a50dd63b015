package org.trainscope.app.landscape;

import java.util.List;
import java.util.concurrent.Executor;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.util.Subscription;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.landscape.LandscapeExperiment;

/** The map of the landscape with every racer's path, and their losses against step beside it. */
public final class LandscapeView implements ExperimentView {
    private final PlaybackModel model;
    private final LandscapeCanvas canvas;
    private final Chart lossChart = new Chart("Loss f(x_t)", Axis.STEPS, "step t", Axis.LOG, "f");
    private final History losses = new History(lossChart);
    private final SplitPane root = new SplitPane();
    private Subscription subscriptions = Subscription.EMPTY;

    public LandscapeView(PlaybackModel model, Executor renderExecutor) {
        this.model = model;
        this.canvas = new LandscapeCanvas(renderExecutor);
        createView();
        initListeners();
    }

    private void createView() {
        canvas.setId("landscape-canvas");
        lossChart.viewer().setId("loss-chart");
        root.getItems().addAll(canvas, lossChart.viewer());
        root.setDividerPositions(0.6);
        root.getStyleClass().add("landscape-view");
    }

    private void initListeners() {
        subscriptions = Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render()),
                model.paramsProperty().subscribe(this::paramsChanged), // now, and at every change
                model.playingProperty().subscribe((was, now) -> render()), // a final, unthrottled chart
                model.pinnedProperty().subscribe((was, now) -> pinnedChanged()));
        canvas.setOnStartChosen((x1, x2) -> {
            Params p = LandscapeExperiment.Config.withStart(model.params(), x1, x2);
            model.applyParams(p);
            model.say(String.format("Start moved to (%s, %s).", x1, x2));
        });
    }

    private void paramsChanged(Params p) {
        if (p == null) {
            return;
        }
        canvas.setSurface(LandscapeExperiment.Config.of(p).surface());
        List<String> racers = LandscapeExperiment.Config.of(p).racers();
        losses.setLines(racers.stream().map(r -> History.Line.of(LandscapeExperiment.LOSS.of(r), r, r)
                .flaggedBy(LandscapeExperiment.DIVERGED.of(r))).toList());
        pinnedChanged();
    }

    /** A pinned run is drawn under the current one: dashed on the map and in the loss chart. */
    private void pinnedChanged() {
        PlaybackModel.Pinned pin = model.pinnedProperty().get();
        Params p = model.params();
        List<String> racers = p == null ? List.of() : LandscapeExperiment.Config.of(p).racers();
        if (pin != null && LandscapeExperiment.Config.of(pin.params()).racers().containsAll(racers)) {
            losses.setComparison(pin.recording(), pin.label(p, model.seed()));
            canvas.setPinned(pin.recording(), racers);
        } else {
            losses.setComparison(null, "");
            canvas.setPinned(null, List.of());
        }
        render();
    }

    private void render() {
        Frame frame = model.frame();
        Params p = model.params();
        if (p == null) {
            return;
        }
        LandscapeExperiment.Config c = LandscapeExperiment.Config.of(p);
        canvas.show(model.recording(), c.racers(), model.indexProperty().get(), frame, c.x1(), c.x2(),
                model.playingProperty().get());
        canvas.showPinned(model.pinnedFrame());
        if (frame != null && model.recording() != null) {
            losses.update(model.recording(), model.indexProperty().get(), model.frameCountProperty().get(),
                    model.playingProperty().get());
        }
    }

    /** The map (for tests and export). */
    public LandscapeCanvas canvas() {
        return canvas;
    }

    public Chart lossChart() {
        return lossChart;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setPresenter(boolean on) {
        canvas.setScales(on ? 1.8 : 1.0, on ? Chart.PRESENTER_SCALE : 1.0); // type as in every chart
        lossChart.setPresenter(on);
    }

    @Override
    public void setDark(boolean dark) {
        lossChart.setDark(dark);
    }

    @Override
    public boolean isReady() {
        return canvas.hasHeatmap();
    }

    /** The pinned run's paths and losses are drawn dashed on this map and chart. */
    @Override
    public boolean overlaysPinned() {
        return true;
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }
}
