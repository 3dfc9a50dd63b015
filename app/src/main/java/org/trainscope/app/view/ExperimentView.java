package org.trainscope.app.view;

import javafx.scene.Node;

/** The centre of the window for one experiment. Built with the playback model; renders its current frame. */
public interface ExperimentView {
    Node node();

    /** Matches the app's light or dark theme. */
    void setDark(boolean dark);

    /** Presenter mode: thicker lines and larger type, readable from the back of a room. */
    default void setPresenter(boolean on) {
    }

    /** True once the view shows its first complete picture (e.g. the heatmap has arrived). */
    default boolean isReady() {
        return true;
    }

    /** Stops listening to the model (the user picked another experiment). */
    void dispose();
}
