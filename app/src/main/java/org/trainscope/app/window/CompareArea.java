package org.trainscope.app.window;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.trainscope.app.playback.Pinned;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.run.Runner;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.ExperimentDef;

/**
 * The centre of the window: the current run's view and, when a run is pinned and "side by side" is on (it is off at
 * first: the view draws the pinned run over the current one), the pinned run's own view beside it. The pinned view is the same view class, driven by a model that only shows the pinned
 * recording at the current step (linked transport), so any experiment can be compared, not only those that overlay.
 */
public final class CompareArea extends SplitPane {
    /** Makes the view of an experiment, driven by a model. */
    @FunctionalInterface
    public interface ViewFactory {
        ExperimentView create(ExperimentDef type, PlaybackModel model);
    }

    private final PlaybackModel model;
    private final ViewFactory views;
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(this, "sideBySide", false);
    private ExperimentView view;
    private PlaybackModel pinnedModel;
    private ExperimentView pinnedView;
    private boolean dark;
    private boolean presenter;

    public CompareArea(PlaybackModel model, ViewFactory views) {
        this.model = model;
        this.views = views;
        createView();
        initListeners();
    }

    private void createView() {
        VBox.setVgrow(this, Priority.ALWAYS);
    }

    private void initListeners() {
        model.pinnedProperty().subscribe((was, now) -> updateSideBySide());
        sideBySide.subscribe((was, now) -> updateSideBySide());
        // the pinned run's heading names what differs from the current params
        model.paramsProperty().subscribe((was, now) -> {
            if (model.pinnedProperty().get() != null) {
                updateSideBySide();
            }
        });
        model.frameProperty().subscribe((was, now) -> {
            if (pinnedModel != null && now != null) {
                pinnedModel.followStep(now.step());
            }
        });
    }

    /** Disposes the view shown (its experiment is going away); {@link #show} makes the next. */
    public void closeView() {
        if (view != null) {
            view.dispose();
            view = null;
        }
        getItems().clear();
    }

    /**
     * Shows {@code type}: the old view stops listening, the model switches to the experiment (unless it runs it
     * already: a session of it was just opened) and a new view is made.
     */
    public void show(ExperimentDef type) {
        if (view != null) {
            view.dispose();
        }
        if (type != model.type()) {
            model.select(type);
        }
        view = views.create(type, model);
        view.setDark(dark);
        view.setPresenter(presenter);
        VBox.setVgrow(view.node(), Priority.ALWAYS);
        getItems().setAll(view.node());
    }

    /** The current run's view (null before the first {@link #show}). */
    public ExperimentView view() {
        return view;
    }

    /** The model of the pinned run's own view when shown side by side, or null. */
    public PlaybackModel pinnedModel() {
        return pinnedModel;
    }

    /**
     * Whether a pinned run gets a view of its own beside the current one (false at first: both runs share one view,
     * the pinned one dashed, at one scale).
     */
    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    public void setDark(boolean on) {
        dark = on;
        for (ExperimentView v : shown()) {
            v.setDark(on);
        }
    }

    public void setPresenter(boolean on) {
        presenter = on;
        for (ExperimentView v : shown()) {
            v.setPresenter(on);
        }
    }

    private List<ExperimentView> shown() {
        return Stream.of(view, pinnedView).filter(Objects::nonNull).toList();
    }

    private void updateSideBySide() {
        if (pinnedView != null) {
            pinnedView.dispose();
            pinnedView = null;
            pinnedModel = null;
        }
        Pinned pinned = model.pinnedProperty().get();
        if (view == null) {
            return;
        }
        if (pinned == null || !sideBySide.get() && view.overlaysPinned()) {
            getItems().setAll(view.node());
            return;
        }
        pinnedModel = new PlaybackModel(new Runner(Runnable::run)); // never computes: it only shows the recording
        pinnedModel.showRecording(model.type(), pinned.params(), pinned.seed(), pinned.recording());
        pinnedView = views.create(model.type(), pinnedModel);
        pinnedView.setDark(dark);
        pinnedView.setPresenter(presenter);
        Label heading = heading("pinned run: " + pinned.label(model.params(), model.seed()));
        VBox currentBox = new VBox(2, heading("current run"), view.node());
        VBox pinnedBox = new VBox(2, heading, pinnedView.node());
        VBox.setVgrow(view.node(), Priority.ALWAYS);
        VBox.setVgrow(pinnedView.node(), Priority.ALWAYS);
        pinnedBox.setId("pinned-view");
        getItems().setAll(currentBox, pinnedBox);
        if (model.frame() != null) {
            pinnedModel.followStep(model.frame().step());
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, "pinned-heading");
        return label;
    }
}
