package org.trainscope.app.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.generalization.CurveFittingExperiment;

/** Curve fitting in the real window, headless: the sweep shows every degree, stepping moves the optimizer. */
class CurveFittingViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void sweepShowsEveryDegreeAndStepsMoveTheOptimizer(MainView main, FxRobot robot) throws Exception {
        app.pick("curve-fitting");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(30, () -> model.frame() != null && main.view() instanceof CurveFittingView);
        CurveFittingView view = (CurveFittingView) main.view();
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step-forward");
        }
        AppExtension.waitUntil(30, () -> model.frame().step() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, view.sweepPointCount(), "degrees 0 … n − 1 = 19");
        assertTrue(model.frame().scalar(CurveFittingExperiment.GD_LOSS)
                < model.recording().get(0).scalar(CurveFittingExperiment.GD_LOSS), "the optimizer lowered the loss");
        assertTrue(view.fitTitle().contains("degree 5"), view.fitTitle());
        app.screenshot("trainscope-curve-fitting.png");
    }
}
