package org.trainscope.app.depth;

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
import org.trainscope.engine.depth.SawtoothExperiment;
import org.trainscope.engine.depth.ShallowApproxExperiment;

/**
 * The depth views in the real window, headless (Monocle), with the real worker and pulse: pick the experiment in
 * the picker, step with the transport buttons, check what the view shows, and save a snapshot PNG to target/.
 */
class DepthViewsTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void sawtoothStepsAddAndRemoveLayers(MainView main, FxRobot robot) throws Exception {
        app.pick("sawtooth");
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null && main.view() instanceof SawtoothView);
        SawtoothView view = (SawtoothView) main.view();
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, model.frame().scalar(SawtoothExperiment.M), "frame 5 is depth 6");
        assertEquals(6, view.diagramDepth(), "the diagram shows six layers");
        assertEquals(6, view.errorPointCount(), "one error point per depth shown");
        app.screenshot("trainscope-sawtooth.png");

        robot.clickOn("#step-back");
        waitUntil(() -> model.frame().step() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, view.diagramDepth(), "stepping back removes a layer");
        assertEquals(5, view.errorPointCount());
        assertEquals(6, model.recording().size(), "and recomputes nothing");
        assertEquals(33, view.sawtoothPointCount(), "s_5 through its 2^5 + 1 breakpoints");
        assertFalse(view.zoomShown(), "16 teeth need no zoom");

        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1025, view.sawtoothPointCount(), "s_10: 2^10 pieces, not a grid");
        assertTrue(view.zoomShown(), "512 teeth are denser than 3 px: the zoom shows the first 8");
    }

    @Test
    void shallowApproxWidthChartFollowsTheSteps(MainView main, FxRobot robot) throws Exception {
        app.pick("shallow-approx");
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null && main.view() instanceof ShallowApproxView);
        ShallowApproxView view = (ShallowApproxView) main.view();
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, view.widthPointCount(), "one width point per depth m = 1…7");
        assertTrue(model.frame().scalar(ShallowApproxExperiment.SUP_ERROR)
                <= model.frame().scalar(ShallowApproxExperiment.EPS));
        app.screenshot("trainscope-shallow-approx.png");
        robot.clickOn("#step-back");
        waitUntil(() -> model.frame().step() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, view.widthPointCount());
    }

    @Test
    void depthSeparationShowsBothFitsAndTheInit(MainView main, FxRobot robot) throws Exception {
        app.pick("depth-separation");
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null && main.view() instanceof DepthSeparationView);
        DepthSeparationView view = (DepthSeparationView) main.view();
        robot.clickOn("#play-pause");
        waitUntil(() -> model.frame().step() >= 300);
        robot.clickOn("#play-pause");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.fitTitle().contains("init: construction + N(0, 0.02²)"), view.fitTitle());
        assertTrue(view.fitTitle().contains("46 parameters each"), view.fitTitle());
        app.screenshot("trainscope-depth-separation.png");
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        AppExtension.waitUntil(TIMEOUT_S, condition);
    }
}
