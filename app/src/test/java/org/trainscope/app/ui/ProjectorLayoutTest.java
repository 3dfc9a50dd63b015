package org.trainscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;

/**
 * The window at its minimum size and in presenter mode (headless, real threads, condition waits): every label of the
 * top bar whole, the picture given the room, the status line never cut, one scale factor that comes back.
 */
class ProjectorLayoutTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void theWindowDoesNotShrinkBelowItsMinimumAndKeepsEveryLabelThere(MainView main, FxRobot robot) throws Exception {
        Stage stage = (Stage) main.getScene().getWindow();
        assertEquals(MainView.MIN_WIDTH, stage.getMinWidth());
        assertEquals(MainView.MIN_HEIGHT, stage.getMinHeight());
        robot.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(500);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getWidth() >= MainView.MIN_WIDTH && stage.getHeight() >= MainView.MIN_HEIGHT,
                "the stage refuses to shrink: " + stage.getWidth() + "×" + stage.getHeight());

        resize(robot, stage, MainView.MIN_WIDTH, MainView.MIN_HEIGHT);
        assertNothingCut(topBarLabels(main), "at the minimum width");
        robot.clickOn("#landscape-canvas", MouseButton.SECONDARY);
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(topBarLabels(main), "in presenter mode");
        robot.type(KeyCode.F);
    }

    @Test
    void atTheMinimumSizeTheChartsGetTheRoomAndTheStatusLineIsWhole(MainView main, FxRobot robot) throws Exception {
        Stage stage = (Stage) main.getScene().getWindow();
        PlaybackModel model = main.model();
        resize(robot, stage, MainView.MIN_WIDTH, MainView.MIN_HEIGHT);
        waitUntil(() -> model.frame() != null);
        // seven racers on the landscape: every one's loss is shown whole, inside the window
        List<Label> items = robot.lookup(".status-item").queryAllAs(Label.class).stream().toList();
        assertEquals(8, items.size(), "7 racers and lr: " + items.stream().map(Label::getText).toList());
        for (Label item : items) {
            Bounds b = item.localToScene(item.getBoundsInLocal());
            assertTrue(b.getMaxX() <= main.getScene().getWidth() + 0.5, item.getText() + " inside the window");
        }
        assertNothingCut(items, "the status line");

        robot.interact(() -> main.startPreset(main.presets().get(6))); // "Noise fades in trained nets"
        waitUntil(() -> model.type().id().equals("noise-stability") && model.frame() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Node view = main.view().node();
        Node centre = view.getParent().getParent();
        assertTrue(main.windowLayout().explanationExpandedProperty().get(), "the whole explanation, at first");
        assertTrue(view.getLayoutBounds().getHeight() >= 0.6 * ((Parent) centre).getLayoutBounds().getHeight(),
                "the picture gets most of the centre: " + view.getLayoutBounds().getHeight() + " of "
                        + ((Parent) centre).getLayoutBounds().getHeight());
        app.screenshot("trainscope-1024x700-noise.png");
        robot.clickOn("#explanation-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getLayoutBounds().getHeight() >= 0.85 * ((Parent) centre).getLayoutBounds().getHeight(),
                "one line of explanation leaves the rest to the picture");
    }

    @Test
    void presenterModeScalesTheTypeByOneFactorAndLeavesNoControlLarger(MainView main, FxRobot robot) {
        waitUntil(() -> main.model().frame() != null);
        Label item = robot.lookup(".status-item").queryAs(Label.class);
        Label position = robot.lookup("#position").queryAs(Label.class);
        ComboBox<?> speed = robot.lookup("#speed").queryAs(ComboBox.class);
        double itemFont = item.getFont().getSize();
        double positionFont = position.getFont().getSize();
        double speedWidth = speed.getWidth();

        robot.clickOn("#landscape-canvas", MouseButton.SECONDARY);
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ExperimentView.PRESENTER_SCALE, main.windowLayout().scaleProperty().get());
        assertEquals(itemFont * ExperimentView.PRESENTER_SCALE, item.getFont().getSize(), 0.1, "the status line scales");
        assertEquals(positionFont * ExperimentView.PRESENTER_SCALE, position.getFont().getSize(), 0.1,
                "the transport bar scales");
        assertTrue(speed.getWidth() > speedWidth, "the speed drop-down grows with its type");

        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(itemFont, item.getFont().getSize(), 0.01);
        assertEquals(positionFont, position.getFont().getSize(), 0.01);
        assertEquals(speedWidth, speed.getWidth(), 0.5, "the speed drop-down returns to its size");
    }

    @Test
    void pinningDrawsBothRunsInOneViewAndMovesNoFieldUnderThePointer(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null && model.frame().step() == 0);
        robot.interact(model::stepForward);
        waitUntil(() -> model.frame().step() == 1);
        CheckBox sideBySide = robot.lookup("#side-by-side").queryAs(CheckBox.class);
        Node seed = robot.lookup("#seed").query();
        double seedY = seed.localToScene(0, 0).getY();
        assertFalse(sideBySide.isSelected(), "side by side is off at first");
        assertTrue(sideBySide.isDisabled(), "and waits for a pinned run");

        robot.clickOn("#pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(seedY, seed.localToScene(0, 0).getY(), 0.5, "the fields stay where they were");
        assertFalse(sideBySide.isDisabled());
        assertTrue(robot.lookup("#pinned-view").tryQuery().isEmpty(), "one view holds both runs");
        robot.clickOn(sideBySide);
        waitUntil(() -> robot.lookup("#pinned-view").tryQuery().isPresent());
    }

    private static void resize(FxRobot robot, Stage stage, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every labeled shown in the top bar, but the picker's cell: the picker is what gives way. */
    private static List<Labeled> topBarLabels(MainView main) {
        List<Labeled> out = new ArrayList<>();
        collect(main.getTop(), out);
        assertTrue(out.size() >= 2, "found the top bar's labels");
        return out;
    }

    private static void collect(Node node, List<Labeled> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && !(l instanceof ListCell)) {
            out.add(l);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void assertNothingCut(List<? extends Labeled> labels, String where) {
        for (Labeled l : labels) {
            assertFalse(Shown.isCut(l), where + ": '" + l.getText() + "' is shown as '" + Shown.text(l) + "'");
        }
    }

    private static void waitUntil(Callable<Boolean> condition) {
        AppExtension.waitUntil(TIMEOUT_S, condition);
    }
}
