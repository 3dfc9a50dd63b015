package org.trainscope.app.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;

/**
 * Deep matrix factorization in the real window, headless: pick it, step, play through the staircase, step back,
 * and save a snapshot PNG of the singular-value picture. Waits are condition-based, never sleeps.
 */
class SpectrumViewTest {
    private static final int TIMEOUT_S = 60;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theStaircaseIsDrawnWithTheTheoryOnTop(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("deep-matrix-factorization");
        waitUntil(() -> model.frame() != null && model.type().id().equals("deep-matrix-factorization"));
        SpectrumView view = (SpectrumView) main.view();

        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 3);
        assertEquals(20, view.singularValuesChart().seriesCount(), "10 measured + 10 predicted lines");

        robot.interact(() -> model.speedProperty().set(1000));
        robot.clickOn("#play-pause");
        waitUntil(() -> model.frame().step() >= 500);
        robot.clickOn("#play-pause");
        waitUntil(() -> !model.playingProperty().get());

        robot.interact(() -> model.seek(450)); // scrub back into the recording (the worker may still be finishing)
        waitUntil(() -> model.frame().step() == 450);
        robot.clickOn("#step-back");
        waitUntil(() -> model.frame().step() == 449);
        assertEquals(model.recording().get(449), model.frame(), "stepping back shows the recorded frame");
        WaitForAsyncUtils.waitForFxEvents(5);

        assertEquals(org.trainscope.app.chart.Axis.LOG, view.singularValuesChart().yRange().scale().axis(), "σ on a log axis");
        assertTrue(view.singularValuesChart().pointCount(0) > 100, "σ₁ has points: " + view.singularValuesChart().pointCount(0));
        assertTrue(view.singularValuesChart().pointCount(10) > 100, "its prediction too");
        assertTrue(model.frame().scalar("sv.5") > 10, "by step 500 the fifth value has risen: " + model.frame().scalar("sv.5"));
        app.screenshot("trainscope-spectrum.png");
    }

    /** Depth 1, 2, 3 side by side: three σ charts and the test errors, after 400 steps. */
    @Test
    void depthsSideBySide(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("depth-comparison");
        waitUntil(() -> model.frame() != null && model.type().id().equals("depth-comparison"));
        DepthComparisonView view = (DepthComparisonView) main.view();
        robot.interact(() -> model.speedProperty().set(1000));
        robot.clickOn("#play-pause");
        waitUntil(() -> model.frame().step() >= 400);
        robot.clickOn("#play-pause");
        WaitForAsyncUtils.waitForFxEvents(5);
        for (int d = 1; d <= 3; d++) {
            assertTrue(view.spectrum(d).pointCount(0) > 100, "depth " + d + " σ₁ drawn");
        }
        assertTrue(model.frame().scalar("depth3.test_error") < model.frame().scalar("depth1.test_error"));
        app.screenshot("trainscope-depths.png");
    }

    /** The sweep runs in the background with a progress bar; Cancel stops it between cells and keeps the results. */
    @Test
    void theSweepRunsInTheBackgroundAndCanBeCancelled(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("completion-sweep");
        waitUntil(() -> model.frame() != null && model.type().id().equals("completion-sweep"));
        // a small sweep (n = 40) so that the test stays fast; the mechanism is the default one's
        robot.interact(() -> model.applyParams(model.params().with("n", "40").with("observed_from", "300")
                .with("observed_to", "900").with("points", "3").with("gd_steps", "400").with("lr", "0.01")));
        waitUntil(() -> model.frame() != null && model.params().integer("n") == 40);
        SweepView view = (SweepView) main.view();
        robot.clickOn("#sweep-run");
        waitUntil(() -> model.frame().scalar("progress") >= 0.5);
        robot.clickOn("#sweep-cancel");
        assertTrue(!model.playingProperty().get(), "cancel pauses");
        waitUntil(() -> view.progressBar().getProgress() >= 0.5);
        assertTrue(view.points(2) >= 1, "depth 3 has a point");
        robot.clickOn("#sweep-run");
        waitUntil(() -> model.frame().scalar("progress") >= 1.0);
        waitUntil(() -> !model.playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents(5);
        for (int m = 0; m < 4; m++) {
            assertEquals(3, view.points(m), "method " + m + " has all three points");
        }
        app.screenshot("trainscope-sweep.png");
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        AppExtension.waitUntil(TIMEOUT_S, condition);
    }
}
