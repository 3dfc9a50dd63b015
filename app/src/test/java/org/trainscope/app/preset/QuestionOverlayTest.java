package org.trainscope.app.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.preset.Playlist;
import org.trainscope.engine.preset.Preset;
import org.trainscope.engine.preset.Presets;

/**
 * A demo with a question, in a lecture (a playlist), in the real window: it pauses at the question's step; a click or
 * Enter reveals, then plays on. Started alone from the gallery, it plays through.
 */
class QuestionOverlayTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theDemoPausesAtItsQuestionAndPlaysOnAfterTheAnswer(MainView main, FxRobot robot) throws Exception {
        Preset demo = preset("Backpropagation, one sub-step at a time");
        PlaybackModel model = main.model();
        robot.interact(() -> {
            lecture(main, demo);
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
        robot.interact(() -> lecture(main, demo));
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

    /** Plays {@code demo} as a one-demo lecture, with its question. */
    private static void lecture(MainView main, Preset demo) {
        try {
            main.playlists().play(new Playlist("test", List.of(new Playlist.Demo(demo.title(), true))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDemoStartedFromTheGalleryPlaysThroughWithoutItsQuestion(MainView main, FxRobot robot) {
        Preset demo = preset("GD vs momentum in a narrow valley");
        robot.interact(() -> main.startPreset(demo));
        AppExtension.waitUntil(TIMEOUT_S, () -> main.model().frame() != null
                && main.model().frame().step() > demo.question().atStep() + 5);
        assertEquals(QuestionOverlay.State.HIDDEN, robot.lookup("#question").queryAs(QuestionOverlay.class).state());
    }

    @Test
    void inPresenterModeAGalleryDemoAsksItsQuestion(MainView main, FxRobot robot) {
        Preset demo = preset("GD vs momentum in a narrow valley");
        robot.interact(() -> {
            main.windowLayout().presenterProperty().set(true);   // the lecturer in front of the class
            main.startPreset(demo);
        });
        QuestionOverlay card = robot.lookup("#question").queryAs(QuestionOverlay.class);
        AppExtension.waitUntil(TIMEOUT_S, () -> card.state() == QuestionOverlay.State.ASKING);
        assertEquals(demo.question().atStep(), main.model().frame().step());
        robot.interact(() -> main.windowLayout().presenterProperty().set(false));
    }

    private static Preset preset(String title) {
        return Presets.standard(Experiments.standard()).stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow();
    }
}
