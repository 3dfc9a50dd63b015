package org.trainscope.app.window;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.trainscope.app.view.ExperimentView;

/**
 * How the window shares its room: presenter mode, the side panel shown or hidden (H), the explanation whole or on
 * one line (E), and the factor by which presenter mode scales the type. Each mode keeps its own choice: presenter
 * mode starts with the panel hidden and the explanation on one line — the picture gets the room, and either is
 * shown on demand — and leaving it brings back the choices made outside it. Properties and commands only, no
 * controls: the window's parts bind to it.
 */
public final class WindowLayout {
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);
    private final BooleanProperty panelShown = new SimpleBooleanProperty(this, "panelShown", true);
    private final BooleanProperty explanationExpanded = new SimpleBooleanProperty(this, "explanationExpanded", true);
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private boolean normalPanel = true;
    private boolean normalExplanation = true;

    public WindowLayout() {
        presenter.subscribe((was, on) -> {
            if (on) {
                normalPanel = panelShown.get();
                normalExplanation = explanationExpanded.get();
            }
            panelShown.set(!on && normalPanel);
            explanationExpanded.set(!on && normalExplanation);
            scale.set(on ? ExperimentView.PRESENTER_SCALE : 1);
        });
    }

    public void togglePresenter() {
        presenter.set(!presenter.get());
    }

    public void togglePanel() {
        panelShown.set(!panelShown.get());
    }

    public void toggleExplanation() {
        explanationExpanded.set(!explanationExpanded.get());
    }

    /** Presenter mode: full screen, large type, the picture first. */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** The side panel (parameters, pin, seed) beside the view of an experiment. */
    public BooleanProperty panelShownProperty() {
        return panelShown;
    }

    /** The whole explanation (what you see, formula, source) rather than its first line. */
    public BooleanProperty explanationExpandedProperty() {
        return explanationExpanded;
    }

    /** The factor the type is scaled by: 1, or {@link ExperimentView#PRESENTER_SCALE} in presenter mode. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }
}
