package org.trainscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.preset.Preset;

/**
 * The keys are never trapped in a field (headless window, real threads, condition waits): Enter and Esc hand the
 * focus back, and a click outside the field — on the view, the title, Play — takes it away.
 */
class KeyboardFocusTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void afterEnterTheDigitsStartDemosInsteadOfTypingIntoTheField(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        TextField lr = robot.lookup("#param-lr").queryAs(TextField.class);
        robot.doubleClickOn(lr).eraseText(12).write("0.09");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> model.params().real("lr") == 0.09);
        assertFalse(lr.isFocused(), "Enter applied the value and handed the focus back");

        robot.type(KeyCode.DIGIT7);
        Preset seventh = main.presets().get(6);
        waitUntil(() -> model.type().id().equals(seventh.experiment()) && model.frame() != null);
        assertEquals(seventh.params(Experiments.standard()), model.params(), "the 7th demo started");
        assertEquals("0.09", lr.getText(), "the field did not get the 7");
    }

    @Test
    void escPutsBackTheValueInUseAndHandsTheFocusBack(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        TextField lr = robot.lookup("#param-lr").queryAs(TextField.class);
        String inUse = lr.getText();
        robot.doubleClickOn(lr).eraseText(12).write("abc");
        assertTrue(lr.isFocused());
        assertEquals("abc", lr.getText());
        robot.type(KeyCode.ESCAPE);
        assertEquals(inUse, lr.getText(), "reverted");
        assertEquals("", robot.lookup("#param-lr-error").queryLabeled().getText(), "no message left");
        assertSame(main, main.getScene().getFocusOwner(), "the window has the focus");
        assertEquals(inUse, model.params().text("lr"), "the run kept its value");

        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> "sawtooth".equals(model.type().id()));
    }

    @Test
    void aClickOnTheViewTitleOrPlayTakesTheFocusFromAField(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        TextField seed = robot.lookup("#seed").queryAs(TextField.class);

        robot.clickOn(seed).write("1");
        assertTrue(seed.isFocused());
        robot.clickOn("#play-pause");
        assertFalse(seed.isFocused(), "Play takes no focus, but the field lets it go");
        waitUntil(() -> model.playingProperty().get());
        robot.type(KeyCode.SPACE);
        assertFalse(model.playingProperty().get(), "Space drives the player, not the field");

        robot.clickOn(seed).write("2");
        robot.clickOn(".explain-title");
        assertFalse(seed.isFocused(), "a click on the title lets the field go");

        robot.clickOn(seed).write("3");
        robot.clickOn(main.view().node());
        assertFalse(seed.isFocused(), "a click on the view lets the field go");
        robot.type(KeyCode.DIGIT4);
        Preset fourth = main.presets().get(3);
        waitUntil(() -> model.type().id().equals(fourth.experiment()));
    }

    private static void waitUntil(Callable<Boolean> condition) {
        AppExtension.waitUntil(TIMEOUT_S, condition);
    }
}
