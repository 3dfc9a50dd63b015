package org.trainscope.app.landscape;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.playback.Pinned;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.landscape.Surface;
import org.trainscope.engine.optim.OptimizerConfig;

/**
 * The map of the landscape with every racer's path, and their losses against step beside it; under them, "one
 * step, in numbers" for the selected racer ({@link StepPanel}). The user selects a racer in the map's legend, on its
 * point or in the strip's picker; the selection survives new frames and runs while that racer races, else it falls
 * back to the first racer.
 */
public final class LandscapeView extends ChartsView {
    private final LandscapeCanvas canvas;
    private final Chart lossChart = chart(new Chart("Loss f(x_t)", Axis.STEPS, "step t", Axis.LOG, "f"));
    private final History losses = new History(lossChart);
    private final StepPanel stepPanel = new StepPanel();
    private final SplitPane root = root(new SplitPane());
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private Surface surface;
    private final ObservableValue<Map<String, String>> members = Bindings.createObjectBinding(
            () -> selected.get() == null ? Map.of() : Map.of("racer", selected.get()), selected);

    public LandscapeView(PlaybackModel model, Executor renderExecutor) {
        super(model);
        this.canvas = new LandscapeCanvas(renderExecutor);
        createView();
        initListeners();
    }

    private void createView() {
        canvas.setId("landscape-canvas");
        lossChart.viewer().setId("loss-chart");
        VBox.setVgrow(lossChart.viewer(), Priority.ALWAYS);   // the strip takes the chart's room, not the map's
        root.getItems().addAll(canvas, new VBox(lossChart.viewer(), stepPanel));
        root.setDividerPositions(0.6);
        root.getStyleClass().add("landscape-view");
    }

    private void initListeners() {
        listen(Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render()),
                model.paramsProperty().subscribe(this::paramsChanged), // now, and at every change
                model.playingProperty().subscribe((was, now) -> render()), // a final, unthrottled chart
                model.pinnedProperty().subscribe((was, now) -> pinnedChanged()),
                selected.subscribe(racer -> {
                    canvas.setSelected(racer);
                    showStep();
                }),
                stepPanel.expandedProperty().subscribe(on -> showStep())));
        stepPanel.racerChoice().valueProperty().bindBidirectional(selected);
        canvas.setOnRacerChosen(selected::set);
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
        surface = LandscapeExperiment.Config.of(p).surface();
        canvas.setSurface(surface);
        List<String> racers = LandscapeExperiment.Config.of(p).racers();
        String kept = selected.get();   // new items may clear the picker, and the selection with it
        stepPanel.racerChoice().getItems().setAll(racers);
        selected.set(kept != null && racers.contains(kept) ? kept
                : racers.isEmpty() ? null : racers.get(0));   // the chosen racer left the race: the first
        losses.setLines(racers.stream().map(r -> History.Line.of(LandscapeExperiment.LOSS.of(r), r, r)
                .flaggedBy(LandscapeExperiment.DIVERGED.of(r))).toList());
        pinnedChanged();
    }

    /** A pinned run is drawn under the current one: dashed on the map and in the loss chart. */
    private void pinnedChanged() {
        Pinned pin = model.pinnedProperty().get();
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
        showStep();
        if (frame != null && model.recording() != null) {
            losses.update(model.recording(), model.indexProperty().get(), model.frameCountProperty().get(),
                    model.playingProperty().get());
        }
    }

    /** The selected racer's step from the frame before to the frame shown, in numbers, if the strip is open. */
    private void showStep() {
        Params p = model.params();
        Frame frame = model.frame();
        String racer = selected.get();
        if (p == null || racer == null || !stepPanel.expandedProperty().get()) {
            return;
        }
        int index = model.indexProperty().get();
        Frame before = index > 0 && model.recording() != null ? model.recording().get(index - 1) : null;
        stepPanel.show(StepInNumbers.lines(racer, before, frame, surface,
                OptimizerConfig.from(p, racer)), model.playingProperty().get());
    }

    /** The selected racer: its point is ringed, its legend row bold, its step shown in numbers. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** The selected racer as the explanation's {@code {racer}}: its live equations follow the selection. */
    @Override
    public ObservableValue<Map<String, String>> members() {
        return members;
    }

    /** The formulas of "one step, in numbers" on screen (for tests). */
    public List<String> stepShown() {
        return stepPanel.shown();
    }

    /** The map (for tests and export). */
    public LandscapeCanvas canvas() {
        return canvas;
    }

    public Chart lossChart() {
        return lossChart;
    }

    @Override
    protected void presenterChanged(boolean on) {
        canvas.setScales(on ? 1.8 : 1.0, on ? Chart.PRESENTER_SCALE : 1.0); // type as in every chart
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
}
