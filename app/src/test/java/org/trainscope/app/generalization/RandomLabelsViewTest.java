package org.trainscope.app.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;

/** Random labels in the real window, headless: one curve per ρ, one point per frame, stepping back shortens them. */
class RandomLabelsViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void everyRunHasItsCurves(MainView main, FxRobot robot) throws Exception {
        app.pick("random-labels");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(30, () -> model.frame() != null && main.view() instanceof RandomLabelsView);
        RandomLabelsView view = (RandomLabelsView) main.view();
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#step-forward");
        }
        AppExtension.waitUntil(30, () -> model.frame().step() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        for (int k = 0; k < 5; k++) {
            assertEquals(5, view.testPointCount(k), "frames 0 … 4 of run " + k);
        }
        app.screenshot("trainscope-random-labels.png");
        robot.clickOn("#step-back");
        AppExtension.waitUntil(30, () -> model.frame().step() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, view.testPointCount(4));
    }
}
