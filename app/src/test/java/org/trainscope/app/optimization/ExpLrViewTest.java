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
import org.trainscope.engine.optimization.ExpLrExperiment;

/** Weight decay vs exponential η in the real window (headless): B's predictions lie on A's. */
class ExpLrViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void bsPredictionsAreDrawnOnAsCurve(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        app.pick("exp-lr");
        AppExtension.waitUntil(60, () -> model.frame() != null && main.view() instanceof ExpLrView);
        ExpLrView view = (ExpLrView) main.view();
        for (int i = 0; i < 20; i++) {
            robot.clickOn("#step-forward");
        }
        AppExtension.waitUntil(60, () -> model.frame().step() == 20);
        WaitForAsyncUtils.waitForFxEvents(10);
        Chart predictions = view.charts().get(0);
        int probe = model.frame().series(ExpLrExperiment.A_PROBS).length;
        assertEquals(probe, predictions.pointCount(0), "A: one point per probe example");
        assertEquals(probe, predictions.pointCount(1), "B: one point per probe example");
        assertTrue(model.frame().scalar(ExpLrExperiment.PRED_DIFF) < 1e-10, "the two runs agree");
        assertEquals(3, view.charts().get(2).seriesCount(), "‖θ^A‖, ‖θ^B‖ and the prediction");
        app.screenshot("trainscope-exp-lr.png");
    }
}
