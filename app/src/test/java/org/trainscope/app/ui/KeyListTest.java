package org.trainscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.preset.PenLayer;

/**
 * The list of keys under ⋯ names every key the window answers to — its own, the lecture's clicker keys, the pen's
 * and the question's — and one of them, D, does what the list says in the real window (headless).
 */
class KeyListTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theKeyListNamesEveryKeyAndDTogglesThePen(MainView main, FxRobot robot) throws Exception {
        AppExtension.waitUntil(20, () -> main.model().frame() != null);
        List<String> lines = robot.lookup("#more").queryAs(MenuButton.class).getItems().stream()
                .map(MenuItem::getText).filter(t -> t != null).toList();
        String list = String.join("\n", lines);
        for (String key : List.of("Space", "← →", "Home", "1 – 9", "N / P", "PageDown / PageUp", "D  pen",
                "C  clear the pen", "Presenter mode  (F)", "Whole explanation  (E)", "Side panel  (H)",
                "Enter  reveal the question", "Enter  apply a value", "Esc", "Ctrl+S", "Ctrl+O")) {
            assertTrue(list.contains(key), "the key list names " + key + ":\n" + list);
        }
        robot.clickOn("#more");
        WaitForAsyncUtils.waitForFxEvents();
        app.screenshot("trainscope-keys.png", robot.lookup(".context-menu").query());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        PenLayer pen = robot.lookup("#pen").queryAs(PenLayer.class);
        assertFalse(pen.isOn());
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pen.isOn(), "D turns the pen on, as the list says");
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pen.isOn(), "and off");
    }
}
