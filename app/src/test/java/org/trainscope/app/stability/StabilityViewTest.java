package org.trainscope.app.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.playback.PlaybackModel;

/** The noise-stability view in the real window (headless): pick it, step through a probe, play, screenshot. */
class StabilityViewTest {
    private static final int TIMEOUT_S = 60;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void probesAppearAsTheRunStepsAndPlays(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("noise-stability");
        waitUntil(() -> model.frame() != null && main.view() instanceof StabilityView);
        StabilityView view = (StabilityView) main.view();
        waitUntil(() -> view.shownProbeStep() == 0);
        assertEquals(4, view.shownHistograms(), "one cushion histogram per layer of 64-128-128-128-10");

        for (int i = 0; i < 26; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 26);
        waitUntil(() -> view.shownProbeStep() == 25);   // probe_every = 25: the frame of step 26 carries probe 25
        robot.clickOn("#step-back");
        robot.clickOn("#step-back");
        waitUntil(() -> model.frame().step() == 24);
        waitUntil(() -> view.shownProbeStep() == 0);    // stepping back shows the older probe again

        robot.clickOn("#play-pause");
        waitUntil(() -> model.frame().step() >= 300);
        robot.clickOn("#play-pause");
        WaitForAsyncUtils.waitForFxEvents(10);
        long step = model.frame().step();
        assertEquals(step - step % 25, view.shownProbeStep());
        Chart accuracy = view.charts().get(3);
        assertEquals(Axis.UNIT_INTERVAL, accuracy.yRange().scale().axis(), "accuracy on a linear [0, 1] axis");
        assertTrue(accuracy.yRange().lowerValue() <= 0 && accuracy.yRange().upperValue() >= 1);

        app.screenshot("trainscope-noise-stability.png");
        robot.interact(() -> view.setPresenter(true));
        for (Chart c : view.charts()) {   // every one of the four panels, not only the accuracy chart
            assertEquals(Math.round(15 * Chart.PRESENTER_SCALE), c.chart().getTitle().getFont().getSize(),
                    c.chart().getTitle().getText());
            assertEquals(Math.round(12 * Chart.PRESENTER_SCALE), c.chart().getXYPlot().getRangeAxis().getTickLabelFont().getSize());
        }
    }

    @Test
    void compressionShowsTrueAndRandomLabelsSideBySide(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("compression");
        waitUntil(() -> model.frame() != null && main.view() instanceof CompressionView && model.frame().hasScalar("k"));
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 5);
        assertEquals(1024, model.frame().scalar("k"), 0.0);            // k = 64·2^(5−1)
        WaitForAsyncUtils.waitForFxEvents(10);
        CompressionView view = (CompressionView) main.view();
        Chart trueErrors = view.charts().get(0);
        Chart randomErrors = view.charts().get(2);
        assertEquals(trueErrors.yRange(), randomErrors.yRange(), "true and random labels on one y range");
        assertEquals(trueErrors.paint(0), randomErrors.paint(0), "the same quantity in the same colour");
        app.screenshot("trainscope-compression.png");
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        AppExtension.waitUntil(TIMEOUT_S, condition);
    }
}
