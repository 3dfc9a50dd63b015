package org.trainscope.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.Tex;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.ExperimentDef.Explanation;
import org.trainscope.engine.experiment.Frame;

/**
 * Live equations in the explanation card, in the real window (headless): the numbers on screen are the frame's,
 * they change when you step, and stepping back shows the earlier frame's numbers again.
 */
class LiveEquationsTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theEquationsShowTheNumbersOfTheFrameOnScreenAlsoAfterSteppingBack(MainView main, FxRobot robot) throws Exception {
        app.pick("backprop-steps");
        PlaybackModel model = main.model();
        ExplanationCard card = robot.lookup("#explanation").queryAs(ExplanationCard.class);
        robot.interact(() -> card.expandedProperty().set(true));
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null);
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#step-forward");
        }
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        Frame loss = model.frame();
        String lossLine = "\\ell = \\tfrac{1}{2}\\|o_T - y\\|^2 = " + Explanation.number(loss.scalar("loss"));
        showsFrame(card, model);                               // within the card's 150 ms cooldown
        assertEquals(lossLine, card.equationsShown().get(1), "frame 4 computed the loss: its value is on screen");
        assertTrue(card.equationsShown().get(0).contains(Explanation.number(loss.series("z1")[0])));
        assertTrue(card.equationsRendered(), "rendered as mathematics, not as LaTeX text");
        app.screenshot("trainscope-live-equations.png");

        robot.clickOn("#step-back");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 3);
        showsFrame(card, model);
        assertEquals("\\ell = \\tfrac{1}{2}\\|o_T - y\\|^2 = \\text{--}", card.equationsShown().get(1),
                "frame 3 is before the loss: a dash, the recorded frame's state");
        assertEquals(model.type().explanation().equations(model.frame()), card.equationsShown());

        robot.clickOn("#step-forward");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 4);
        showsFrame(card, model);
        assertEquals(lossLine, card.equationsShown().get(1), "forward again: the same number");

        // presenter mode (F) with the whole explanation (E): the same numbers, rendered at the larger type
        javafx.scene.layout.VBox lines = robot.lookup("#explanation-equations").queryAs(javafx.scene.layout.VBox.class);
        double normal = lines.getChildren().get(1).prefHeight(-1);
        robot.type(KeyCode.F);
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> card.expandedProperty().set(true));
        AppExtension.waitUntil(TIMEOUT_S, () -> lines.getChildren().get(1).prefHeight(-1) > 1.4 * normal);
        assertEquals(lossLine, card.equationsShown().get(1));
        app.screenshot("trainscope-live-equations-presenter.png");
        robot.type(KeyCode.F);
    }

    /**
     * deep-matrix-factorization: Theorem 3's terms for σ₁ — factor, projection and rate — are the frame's numbers,
     * step 5 and, after stepping back, step 4's.
     */
    @Test
    void theoremThreeTermsAreTheFramesNumbers(MainView main, FxRobot robot) throws Exception {
        app.pick("deep-matrix-factorization");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null);
        robot.interact(() -> model.applyParams(model.params().with("n", "30").with("observed", "300")));
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && model.params().integer("n") == 30);
        ExplanationCard card = robot.lookup("#explanation").queryAs(ExplanationCard.class);
        robot.interact(() -> card.expandedProperty().set(true));
        for (int i = 0; i < 5; i++) {
            robot.interact(model::stepForward);
        }
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 5);
        for (long step : new long[]{5, 4}) {
            if (step == 4) {
                robot.interact(model::stepBack);
                AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 4);
            }
            showsFrame(card, model);
            Frame f = model.frame();
            String sigma1 = card.equationsShown().get(2);
            for (String key : List.of("thm3.factor.1", "thm3.projection.1", "thm3.rate.1", "sv.1")) {
                assertTrue(sigma1.contains(Explanation.number(f.scalar(key))), "step " + step + ", " + key + ": " + sigma1);
            }
        }
        javafx.scene.Node lines = robot.lookup("#explanation-equations").query();
        app.screenshot("trainscope-live-equations-dmf.png", lines);
        javafx.scene.control.ToggleButton dark = robot.lookup("#dark-toggle").queryAs(javafx.scene.control.ToggleButton.class);
        robot.interact(dark::fire);
        WaitForAsyncUtils.waitForFxEvents();
        showsFrame(card, model);
        app.screenshot("trainscope-live-equations-dmf-dark.png", lines);
        robot.interact(dark::fire);
        robot.type(KeyCode.F);
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> card.expandedProperty().set(true));
        showsFrame(card, model);
        WaitForAsyncUtils.waitForFxEvents();
        app.screenshot("trainscope-live-equations-dmf-presenter.png", lines);
        robot.type(KeyCode.F);
    }

    /** Waits until the card shows the equations of the frame on screen. */
    private static void showsFrame(ExplanationCard card, PlaybackModel model) {
        AppExtension.waitUntil(TIMEOUT_S, () -> card.equationsShown().equals(
                model.type().explanation().equations(model.frame())));
    }

    /**
     * Every experiment's equations are LaTeX that JLaTeXMath reads, and none changes its shared state: "a = b" is as
     * wide after all of them as before (JLaTeXMath 1.0.7 turns every later "=" into an ordinary symbol after "{=}").
     */
    @Test
    void everyExperimentsEquationsRender(MainView main, FxRobot robot) {
        double[] before = new double[1];
        robot.interact(() -> before[0] = Tex.render("a = b", 16, Color.BLACK).width());
        for (ExperimentDef type : Experiments.standard().types()) {
            for (String tex : type.explanation().equations(null)) {
                robot.interact(() -> {
                    Tex.Rendered r = Tex.render(tex, 16, Color.BLACK);
                    assertTrue(r.width() > 10 && r.height() > 5, type.id() + ": " + tex);
                });
            }
        }
        robot.interact(() -> assertEquals(before[0], Tex.render("a = b", 16, Color.BLACK).width(), 0.0,
                "relation spacing unchanged"));
        List<String> withEquations = Experiments.standard().types().stream()
                .filter(t -> !t.explanation().equations().isEmpty()).map(ExperimentDef::id).toList();
        assertTrue(withEquations.contains("backprop-steps"), withEquations.toString());
    }
}
