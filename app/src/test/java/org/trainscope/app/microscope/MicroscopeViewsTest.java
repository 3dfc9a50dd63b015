package org.trainscope.app.microscope;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.ExperimentDef.Explanation;
import org.trainscope.engine.microscope.BackpropStepsExperiment;

/** The microscope's views in the real window, headless: step with the transport buttons, check what is shown. */
class MicroscopeViewsTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    /**
     * Frame 6 of the default 2-3-2-1 net is the backward step of layer 2: the diagram highlights layer 2 and the
     * equation is δ₂ = (W₃ᵀδ₃) ⊙ σ′(z₂) with the frame's δ₂ in it; stepping back shows δ₃'s line from the recording.
     */
    @Test
    void backpropStepsShowsTheSubStepsEquationWithItsNumbers(MainView main, FxRobot robot) throws Exception {
        app.pick("backprop-steps");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && main.view() instanceof BackpropStepsView);
        BackpropStepsView view = (BackpropStepsView) main.view();
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#step-forward");
        }
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BackpropStepsExperiment.BACKWARD, model.frame().scalar(BackpropStepsExperiment.PHASE));
        assertEquals(2, view.highlightedLayer());
        double[] delta2 = model.frame().series("delta2");
        assertTrue(view.equationShown().startsWith("\\delta_2 = (W_3^{\\top}\\delta_3)"), view.equationShown());
        assertTrue(view.equationShown().contains(Explanation.number(delta2[0])), view.equationShown());
        app.screenshot("trainscope-backprop-steps.png");

        robot.clickOn("#step-back");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, view.highlightedLayer());
        assertTrue(view.equationShown().contains(Explanation.number(model.frame().series("delta3")[0])),
                view.equationShown());
        assertEquals(7, model.recording().size(), "stepping back recomputes nothing");
    }

    /** activations at its defaults (sigmoid, depth 20): one gradient point per layer, and the title states the ratio. */
    @Test
    void activationsShowsTheGradientOfEveryLayer(MainView main, FxRobot robot) throws Exception {
        app.pick("activations");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && main.view() instanceof ActivationsView);
        ActivationsView view = (ActivationsView) main.view();
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step-forward");
        }
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, view.gradientPointCount());
        assertTrue(view.gradientTitle().contains("step 3"), view.gradientTitle());
        app.screenshot("trainscope-activations.png");
        assertEquals(java.util.List.of(1, 6, 10, 15, 19), java.util.Arrays.stream(ActivationsView.shownLayers(19)).boxed().toList());
    }

    /**
     * compare = on: the gradient chart draws the three nets on one log scale — three lines now, three dashed at init,
     * 20 points each — each in its activation's colour, and the one y range spans sigmoid's vanished first layer
     * (below 1e-3 of its last) and ReLU's level line.
     */
    @Test
    void activationsComparesThreeNetsOnOneChart(MainView main, FxRobot robot) throws Exception {
        app.pick("activations");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && main.view() instanceof ActivationsView);
        robot.interact(() -> model.applyParams(model.params().with("compare", "on")));
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && model.frame().hasScalar("relu.loss"));
        robot.interact(model::stepForward);
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        ActivationsView view = (ActivationsView) main.view();
        org.trainscope.app.chart.Chart grads = view.gradientChart();
        assertEquals(6, grads.seriesCount());
        for (int i = 0; i < 6; i++) {
            assertEquals(20, grads.pointCount(i), "series " + i);
        }
        assertTrue(!grads.paint(0).equals(grads.paint(2)) && !grads.paint(0).equals(grads.paint(1)),
                "one colour per activation");
        assertEquals(grads.paint(0), grads.paint(3), "now and at init: the same colour");
        double sigmoidFirst = model.frame().scalar("sigmoid.grad_norm.1");
        double reluFirst = model.frame().scalar("relu.grad_norm.1");
        assertTrue(grads.yRange().lowerValue() <= sigmoidFirst && grads.yRange().upperValue() >= reluFirst, grads.yRange().toString());
        assertTrue(view.gradientTitle().contains("step 1"), view.gradientTitle());
        // each net's loss and gradient ratio are in the status line (the chart's title stays one line)
        String status = String.join(" ", ((javafx.scene.layout.Pane) robot.lookup("#status").query()).getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        for (String act : List.of("sigmoid", "tanh", "relu")) {
            assertTrue(status.contains(act + " loss") && status.contains(act + " ‖∇W_1‖/‖∇W_last‖"), status);
        }
    }
}
