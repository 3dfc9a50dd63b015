package org.trainscope.app.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;

/** The universal-approximation view in the real window, headless: one sweep point per width. */
class UniversalApproxViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void sweepHasOnePointPerWidth(MainView main, FxRobot robot) throws Exception {
        app.pick("universal-approx");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(30, () -> model.frame() != null && main.view() instanceof UniversalApproxView);
        robot.clickOn("#step-forward");
        AppExtension.waitUntil(30, () -> model.frame().step() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, ((UniversalApproxView) main.view()).sweepPointCount(), "widths 2, 4, 8, 16, 32, 64");
        app.screenshot("trainscope-universal-approx.png");

        javafx.scene.Node pad = robot.lookup("#universal-pad").query();
        robot.drag(pad, javafx.scene.input.MouseButton.PRIMARY);
        robot.moveBy(-60, 0).moveBy(60, -30).moveBy(60, 40);
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        AppExtension.waitUntil(30, () -> model.params().choice("target").equals("drawn"));
        @SuppressWarnings("unchecked")
        java.util.List<Double> curve = (java.util.List<Double>) model.params().get("curve");
        assertEquals(33, curve.size(), "the pad's 33 knots become the target");
        AppExtension.waitUntil(30, () -> model.frame() != null && model.frame().has(
                org.trainscope.engine.generalization.UniversalApproxExperiment.TARGET));
    }
}
