package org.trainscope.app.landscape;

import org.testfx.api.FxRobot;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;

/** For the landscape's window tests: the app's first run, played past a number of frames and paused. */
final class LandscapeRuns {
    static final int TIMEOUT_S = 30;

    private LandscapeRuns() {
    }

    /** Waits for the map and its heatmap, plays until more than {@code frames} frames are recorded, pauses. */
    static LandscapeView playedAndPaused(MainView main, FxRobot robot, int frames) throws Exception {
        PlaybackModel model = main.model();
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null);
        LandscapeView view = (LandscapeView) main.view();
        AppExtension.waitUntil(TIMEOUT_S, () -> view.canvas().hasHeatmap());
        robot.interact(() -> model.speedProperty().set(300));
        robot.interact(model::play);
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frameCountProperty().get() > frames);
        robot.interact(model::pause);
        return view;
    }
}
