package org.trainscope.app.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.optimization.NetLandscapeExperiment;

/**
 * The net landscape in the real window (headless): the grid fills in off the FX thread with its progress shown,
 * Cancel pauses the computation, Play finishes it, and the heatmap then has every cell.
 */
class NetLandscapeViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theGridFillsInWithProgressAndCancelStopsIt(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("net-landscape");
        AppExtension.waitUntil(60, () -> model.frame() != null && main.view() instanceof NetLandscapeView);
        // a short run: 30 training steps, a 21×21 grid
        robot.interact(() -> model.applyParams(model.params().with("train_steps", "30").with("resolution", "21")));
        AppExtension.waitUntil(60, () -> model.frame() != null && main.view() instanceof NetLandscapeView
                && model.params().integer("train_steps") == 30);
        NetLandscapeView v = (NetLandscapeView) main.view();
        robot.interact(() -> model.speedProperty().set(3));
        robot.clickOn("#play-pause");
        AppExtension.waitUntil(60, () -> model.frame().scalar(NetLandscapeExperiment.PROGRESS) > 0);
        robot.clickOn("#net-landscape-cancel");
        WaitForAsyncUtils.waitForFxEvents(10);
        assertFalse(model.playingProperty().get(), "Cancel pauses the run, which stops the computation");
        double stopped = model.frame().scalar(NetLandscapeExperiment.PROGRESS);
        assertTrue(stopped < 1, "cancelled part-way: " + stopped);
        assertEquals(stopped, v.progress().getProgress(), 1e-12, "the bar shows the frame's progress");
        robot.interact(() -> model.speedProperty().set(1000));
        robot.clickOn("#play-pause");
        AppExtension.waitUntil(60, () -> !model.playingProperty().get()
                && model.frame().scalar(NetLandscapeExperiment.PROGRESS) == 1);
        WaitForAsyncUtils.waitForFxEvents(10);
        assertEquals(21 * 21, v.cellsDrawn(), "every cell of the finished grid is drawn");
        assertEquals(model.frame().scalar(NetLandscapeExperiment.TRAIN_LOSS),
                model.frame().scalar(NetLandscapeExperiment.CENTER_LOSS), 0);
        app.screenshot("trainscope-net-landscape.png");
    }
}
