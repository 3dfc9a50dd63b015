package org.trainscope.app.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;

/** The NTK view in the real window, headless: one point per width in the scaling chart. */
class NtkViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void scalingChartHasOnePointPerWidth(MainView main, FxRobot robot) throws Exception {
        app.pick("ntk");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(30, () -> model.frame() != null && main.view() instanceof NtkView);
        robot.clickOn("#step-forward");
        AppExtension.waitUntil(30, () -> model.frame().step() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, ((NtkView) main.view()).widthPointCount(), "widths 16, 64, 256, 1024, 4096");
        org.junit.jupiter.api.Assertions.assertTrue(((NtkView) main.view()).tableText().contains("breast cancer: NTK"),
                ((NtkView) main.view()).tableText());
        app.screenshot("trainscope-ntk.png");
    }
}
