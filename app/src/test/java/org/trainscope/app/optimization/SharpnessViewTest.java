package org.trainscope.app.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.playback.PlaybackModel;

/** Sharpness in the real window (headless): 2/η and the k eigenvalues, drawn as the run steps. */
class SharpnessViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theEigenvaluesAndTwoOverEtaAreDrawn(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("sharpness");
        AppExtension.waitUntil(60, () -> model.frame() != null && main.view() instanceof SharpnessView);
        SharpnessView view = (SharpnessView) main.view();
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step-forward");
        }
        AppExtension.waitUntil(60, () -> model.frame().step() == 5);
        WaitForAsyncUtils.waitForFxEvents(10);
        Chart eigen = view.charts().get(0);
        assertEquals(1 + 3, eigen.seriesCount(), "2/η and the default k = 3 eigenvalues");
        assertEquals(6, eigen.pointCount(1), "λ₁ at frames 0 … 5");
        assertTrue(eigen.yRange().upper() >= 10, "the 2/η = 10 line is in range");
        app.screenshot("trainscope-sharpness.png");
    }
}
