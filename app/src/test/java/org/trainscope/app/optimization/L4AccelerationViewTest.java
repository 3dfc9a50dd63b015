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

/** Depth as acceleration in the real window (headless): losses with depth 1's ✕, the update magnitudes. */
class L4AccelerationViewTest {
    private static final int TIMEOUT_S = 60;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void lossesAndTheImpliedUpdateAppearAsTheRunPlays(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("l4-acceleration");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && main.view() instanceof L4AccelerationView);
        L4AccelerationView view = (L4AccelerationView) main.view();
        robot.interact(() -> model.speedProperty().set(1000));
        robot.clickOn("#play-pause");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() >= 200);
        robot.clickOn("#play-pause");
        WaitForAsyncUtils.waitForFxEvents(10);
        Chart losses = view.charts().get(0);
        assertEquals(5, losses.seriesCount(), "one excess-loss line per racer");
        assertTrue(losses.divergedLabels().stream().anyMatch(l -> l.contains("diverged")),
                "depth 1 diverges at the default η and is marked: " + losses.divergedLabels());
        for (Chart update : view.charts().subList(1, 3)) {
            assertEquals(4, update.seriesCount(), "plain GD, adaptive part, part along w, end-to-end step");
            assertTrue(update.pointCount(3) > 100, "the end-to-end step drawn over the frames");
        }
        app.screenshot("trainscope-l4-acceleration.png");
    }
}
