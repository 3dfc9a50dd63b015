package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Point2D;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.window.ExplanationCard;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.landscape.LandscapeExperiment;

/**
 * Selecting a racer by a click — on its legend row, on its point — and "one step, in numbers" showing that racer's
 * numbers of the frame on show, also after stepping back; a click on a point selects without moving the start.
 */
class RacerSelectionTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void clickingALegendRowSelectsTheRacerAndThePanelShowsItsNumbers(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        LandscapeView view = LandscapeRuns.playedAndPaused(main, robot, 30);
        robot.interact(() -> model.seek(20));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gd", view.selectedProperty().get(), "the first racer is selected at first");

        robot.clickOn(onScreen(view, view.canvas().legendRow("adam")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("adam", view.selectedProperty().get(), "a click on adam's legend row selects adam");
        assertShowsAdamAt(view, model, 20);
        ExplanationCard card = robot.lookup("#explanation").queryAs(ExplanationCard.class);
        assertTrue(card.equationsShown().get(1).startsWith("\\text{adam}"),
                "the explanation's live equation follows the selection: " + card.equationsShown().get(1));

        robot.interact(model::stepBack);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(19, model.indexProperty().get());
        assertShowsAdamAt(view, model, 19);

        double startX1 = model.params().real("x1");
        robot.clickOn(onScreen(view, view.canvas().racerPoint("rmsprop")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("rmsprop", view.selectedProperty().get(), "a click on rmsprop's point selects it");
        assertEquals(startX1, model.params().real("x1"), 0.0, "and does not move the start");
        assertTrue(view.stepShown().get(0).startsWith("\\text{rmsprop}"), view.stepShown().get(0));

        robot.interact(() -> model.applyParams(LandscapeExperiment.Config.withStart(model.params(), 0.5, 0.5)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("rmsprop", view.selectedProperty().get(), "the selection survives a new run that races it");
        robot.interact(() -> model.applyParams(model.params().with("optimizers", "adam,gd")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("adam", view.selectedProperty().get(), "a run without it falls back to its first racer");
    }

    /**
     * The panel shows adam's step to frame {@code index}: x_t from the frame before, and x_{t+1}, m and v (the
     * frame's own {@code adam.m1}, {@code adam.acc1}, …) from the frame shown, written as the equations write numbers.
     */
    private static void assertShowsAdamAt(LandscapeView view, PlaybackModel model, int index) {
        Frame now = model.recording().get(index);
        Frame before = model.recording().get(index - 1);
        assertEquals(now, model.frame());
        List<String> shown = view.stepShown();
        String all = String.join("\n", shown);
        assertTrue(shown.get(0).startsWith("\\text{adam}:\\quad x_{" + (index - 1) + "} = " + pair(before, "x1", "x2")),
                all);
        assertTrue(all.contains("m_{" + index + "} = \\beta_1 m_{" + (index - 1) + "} + (1-\\beta_1)\\,g = "
                + pair(now, "m1", "m2")), all);
        assertTrue(all.contains("(1-\\beta_2)\\,g^2 = " + pair(now, "acc1", "acc2")), all);
        assertTrue(all.contains("\\sqrt{\\hat v} + \\epsilon} = " + pair(now, "x1", "x2")), all);
    }

    private static String pair(Frame f, String a, String b) {
        return "(" + ExperimentDef.Explanation.number(f.scalar("adam." + a)) + ",\\ "
                + ExperimentDef.Explanation.number(f.scalar("adam." + b)) + ")";
    }

    private static Point2D onScreen(LandscapeView view, double[] at) {
        assertNotNull(at, "drawn on the map");
        return view.canvas().localToScreen(at[0], at[1]);
    }
}
