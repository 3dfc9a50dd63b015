package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Palette;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.landscape.LandscapeExperiment;

/**
 * The landscape's loss chart in the real window (headless): on Rosenbrock's banana with a learning rate at which gd
 * diverges and Adam does not, gd is marked ✕ and the axis keeps Adam's scale; the curves end at the frame shown; an
 * empty chart after Home starts at step 0.
 */
class LossChartTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void aDivergedRacerKeepsTheOthersScale(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        robot.interact(() -> model.applyParams(model.params().with("function", "rosenbrock").with("x1", "-1.5")
                .with("x2", "2").with("optimizers", "gd,adam").with("lr", "0.02")));
        waitUntil(() -> model.frame() != null && model.params().text("function").equals("rosenbrock"));
        LandscapeView view = (LandscapeView) main.view();
        Chart chart = view.lossChart();
        robot.interact(() -> model.speedProperty().set(300));
        robot.interact(model::play);
        waitUntil(() -> model.frame().step() >= 60);
        robot.interact(model::pause);
        WaitForAsyncUtils.waitForFxEvents(5);

        int shown = model.indexProperty().get();
        double adamMax = 0;
        double gdMax = 0;
        for (int i = 0; i <= shown; i++) {
            adamMax = Math.max(adamMax, model.recording().get(i).scalar(LandscapeExperiment.LOSS.of("adam")));
            gdMax = Math.max(gdMax, model.recording().get(i).scalar(LandscapeExperiment.LOSS.of("gd")));
        }
        assertTrue(model.frame().scalar(LandscapeExperiment.DIVERGED.of("gd")) != 0, "gd diverged at this lr");
        assertTrue(gdMax > 1e20, "gd blew up before it diverged: " + gdMax);
        assertTrue(chart.divergedLabels().stream().anyMatch(l -> l.startsWith("gd diverged at step")), chart.divergedLabels().toString());
        double top = chart.yRange().upperValue();
        assertTrue(top >= adamMax && top <= adamMax * 1e3, "the axis ends within decades of Adam's " + adamMax + ": " + top);
        assertEquals(Palette.of("adam").awt(1), chart.paint(1), "Adam in its colour, as on the map");

        // the curves end at the frame shown, the axis still reaches the last step recorded
        int adamPoints = chart.pointCount(1);
        assertEquals(shown + 1, adamPoints);
        robot.interact(() -> model.seek(shown - 20));
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(shown - 19, chart.pointCount(1), "stepping back shortens the curve");
        assertTrue(chart.xRange().upperValue() >= model.recording().get(shown).step(), "the axis keeps its length");

        robot.interact(model::reset);
        waitUntil(() -> model.frame() != null && model.frame().step() == 0);
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(0, chart.xRange().lowerValue(), "after Home the step axis starts at 0");
        assertTrue(chart.xRange().upperValue() <= 10, "and runs a little way: " + chart.xRange().upperValue());
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        AppExtension.waitUntil(TIMEOUT_S, condition);
    }
}
