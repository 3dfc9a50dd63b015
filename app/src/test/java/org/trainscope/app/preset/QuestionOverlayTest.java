package org.trainscope.app.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.preset.Preset;
import org.trainscope.engine.preset.Presets;

/** A demo with a question, in the real window: it pauses at the question's step; a click or Enter reveals, then plays on. */
class QuestionOverlayTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theDemoPausesAtItsQuestionAndPlaysOnAfterTheAnswer(MainView main, FxRobot robot) throws Exception {
        Preset demo = preset("Backpropagation, one sub-step at a time");
        PlaybackModel model = main.model();
        robot.interact(() -> {
            main.windowLayout().presenterProperty().set(true);   // a lecture: questions are asked
            main.startPreset(demo);
            model.speedProperty().set(30);                     // the demo's 1 step/s, sped up for the test
        });
        QuestionOverlay card = robot.lookup("#question").queryAs(QuestionOverlay.class);
        AppExtension.waitUntil(TIMEOUT_S, () -> card.state() == QuestionOverlay.State.ASKING);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(demo.question().atStep(), model.frame().step(), "paused at the question's step");
        assertFalse(model.playingProperty().get());
        app.screenshot("trainscope-question.png");

        robot.clickOn("#answer-0");                            // a wrong answer: the right one is shown
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(QuestionOverlay.State.REVEALED, card.state());
        assertFalse(model.playingProperty().get(), "still paused while the room reads the answer");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(QuestionOverlay.State.HIDDEN, card.state());
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() > demo.question().atStep());
    }

    @Test
    void enterRevealsAndEnterPlaysOn(MainView main, FxRobot robot) {
        Preset demo = preset("GD vs momentum in a narrow valley");
        PlaybackModel model = main.model();
        robot.interact(() -> {
            main.windowLayout().presenterProperty().set(true);
            main.startPreset(demo);
        });
        QuestionOverlay card = robot.lookup("#question").queryAs(QuestionOverlay.class);
        AppExtension.waitUntil(TIMEOUT_S, () -> card.state() == QuestionOverlay.State.ASKING);
        assertEquals(20, model.frame().step());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(QuestionOverlay.State.REVEALED, card.state());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.playingProperty().get(), "plays on");
        assertEquals(QuestionOverlay.State.HIDDEN, card.state());
    }

    @Test
    void outsidePresenterModeTheDemoPlaysThrough(MainView main, FxRobot robot) {
        Preset demo = preset("GD vs momentum in a narrow valley");
        PlaybackModel model = main.model();
        robot.interact(() -> {
            main.startPreset(demo);
            model.speedProperty().set(300);
        });
        QuestionOverlay card = robot.lookup("#question").queryAs(QuestionOverlay.class);
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && model.frame().step() > 40);
        assertEquals(QuestionOverlay.State.HIDDEN, card.state(), "a student in the gallery is not stopped at step 20");
        assertTrue(model.playingProperty().get());
    }

    private static Preset preset(String title) {
        return Presets.standard(Experiments.standard()).stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow();
    }
}
