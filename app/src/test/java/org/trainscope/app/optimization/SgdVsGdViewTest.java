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
import org.trainscope.engine.optimization.SgdVsGdExperiment;

/** GD vs SGD in the real window (headless): the map shows the paths, arrows and ellipses; the losses fall. */
class SgdVsGdViewTest {
    private static final int TIMEOUT_S = 60;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void pathsArrowsAndLossesAppearAsTheRunPlays(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("sgd-vs-gd");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && main.view() instanceof SgdVsGdView);
        SgdVsGdView view = (SgdVsGdView) main.view();
        robot.clickOn("#play-pause");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() >= 100);
        robot.clickOn("#play-pause");
        WaitForAsyncUtils.waitForFxEvents(10);
        int shown = model.indexProperty().get();
        Chart map = view.charts().get(0);
        int contours = SgdVsGdView.CONTOURS;
        int paths = contours + 1;
        for (int r = 0; r < SgdVsGdExperiment.RACERS.size(); r++) {
            assertEquals(shown + 1, map.pointCount(paths + 4 * r), "one path point per frame up to the one shown");
            assertEquals(5, map.pointCount(paths + 4 * r + 1), "the arrow: shaft and a two-stroke head");
        }
        assertEquals(1, map.pointCount(contours), "the least-squares point");
        assertTrue(view.charts().get(2).pointCount(0) > 0, "losses against examples read");
        assertEquals(view.charts().get(1).paint(0), view.charts().get(2).paint(0), "a racer in one colour everywhere");
        app.screenshot("trainscope-sgd-vs-gd.png");
    }
}
