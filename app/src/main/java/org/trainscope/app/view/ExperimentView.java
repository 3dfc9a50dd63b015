package org.trainscope.app.view;

import javafx.scene.Node;

/** The centre of the window for one experiment. Built with the playback model; renders its current frame. */
public interface ExperimentView {
    /**
     * Presenter mode scales the window's type by this factor (its root font size, which the window's parts follow
     * in em); a view's charts scale their type and lines by it when {@link #setPresenter} turns it on.
     */
    double PRESENTER_SCALE = 1.6;

    Node node();

    /** Matches the app's light or dark theme. */
    void setDark(boolean dark);

    /** Presenter mode: thicker lines and larger type ({@link #PRESENTER_SCALE}), readable from the back of a room. */
    default void setPresenter(boolean on) {
    }

    /** True once the view shows its first complete picture (e.g. the heatmap has arrived). */
    default boolean isReady() {
        return true;
    }

    /**
     * True if the view draws a pinned run over the current one (dashed, on the same scale). A view that does not is
     * shown beside the pinned run's own view whenever a run is pinned.
     */
    default boolean overlaysPinned() {
        return false;
    }

    /**
     * The members the user chose among a frame's indexed outputs (e.g. racer → adam, the landscape's selected
     * racer): the explanation's live equations bind their {@code {racer}} placeholders to them. Empty: the first.
     */
    default javafx.beans.value.ObservableValue<java.util.Map<String, String>> members() {
        return new javafx.beans.property.SimpleObjectProperty<>(java.util.Map.of());
    }

    /** Stops listening to the model (the user picked another experiment). */
    void dispose();
}
