package org.trainscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.engine.Experiments;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.landscape.LandscapeView;
import org.trainscope.app.playback.PlaybackModel;

/**
 * The real window, headless (Monocle), with the real background worker and render threads and a real pulse. Waits
 * are condition-based ({@link WaitForAsyncUtils#waitFor}), never sleeps.
 */
class MainWindowTest {
    private static final int TIMEOUT_S = 20;
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final PseudoClass PRESENTER = PseudoClass.getPseudoClass("presenter");

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void stepPlayPauseAndScreenshot(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        assertEquals("landscape", model.type().id());
        waitUntil(() -> model.frame() != null);
        LandscapeView view = (LandscapeView) main.view();

        for (int i = 0; i < 10; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 10);
        assertEquals(11, model.recording().size(), "frames of steps 0..10 recorded");
        assertEquals(11, view.canvas().shownPathPoints(), "each path has 11 points");

        robot.clickOn("#step-back");
        waitUntil(() -> model.frame().step() == 9);
        assertEquals(9, model.frame().step());
        assertEquals(10, view.canvas().shownPathPoints(), "the path is drawn up to the frame shown");
        assertEquals(11, model.recording().size(), "stepping back computes nothing");
        assertTrue(robot.lookup("#position").queryAs(Label.class).getText().startsWith("step 9"));

        robot.clickOn("#play-pause");
        waitUntil(() -> model.frame().step() >= 40);
        robot.clickOn("#play-pause");
        assertFalse(model.playingProperty().get());
        long pausedAt = model.frame().step();
        WaitForAsyncUtils.waitForFxEvents(10);
        assertEquals(pausedAt, model.frame().step(), "paused: the frame shown stays");

        waitUntil(() -> view.canvas().hasHeatmap());
        app.screenshot("trainscope-landscape.png");
    }

    @Test
    void keyboardDrivesThePlayer(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        robot.clickOn("#landscape-canvas", MouseButton.SECONDARY); // focus the map, no click action
        robot.type(KeyCode.RIGHT, 3);
        waitUntil(() -> model.frame().step() == 3);
        robot.type(KeyCode.LEFT);
        waitUntil(() -> model.frame().step() == 2);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> model.playingProperty().get() && model.frame().step() > 5);
        robot.type(KeyCode.SPACE);
        assertFalse(model.playingProperty().get(), "Space toggles play");
        robot.type(KeyCode.HOME);
        waitUntil(() -> model.frame() != null && model.recording().size() == 1);
        assertEquals(0, model.frame().step());
    }

    @Test
    void anInvalidLearningRateIsRefusedAtTheField(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        double before = model.params().real("lr");
        robot.doubleClickOn("#param-lr").eraseText(12).write("fast");
        robot.type(KeyCode.ENTER);
        Label error = robot.lookup("#param-lr-error").queryAs(Label.class);
        assertTrue(error.isVisible(), "the message is visible, under the field");
        assertTrue(error.getText().startsWith("lr: 'fast' is not a number; expected a number in ["), error.getText());
        assertTrue(error.getText().endsWith(", 10]"), "the whole range: " + error.getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Shown.isCut(error), "every word of the message is shown: " + Shown.text(error));
        Bounds sheet = main.sheet().localToScene(main.sheet().getLayoutBounds());
        Bounds message = error.localToScene(error.getLayoutBounds());
        assertTrue(message.getMaxY() <= sheet.getMaxY() + 0.5, "and in sight: the sheet scrolled to it");
        app.screenshot("trainscope-refusal.png");
        assertEquals(before, model.params().real("lr"), "the run keeps its lr");

        robot.doubleClickOn("#param-lr").eraseText(12).write("1e9");
        robot.type(KeyCode.ENTER);
        assertTrue(error.getText().contains("out of range"), error.getText());
        assertEquals(before, model.params().real("lr"));

        robot.doubleClickOn("#param-lr").eraseText(12).write("0.02");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> model.params().real("lr") == 0.02);
        assertFalse(error.isVisible(), "a good value clears the message");
    }

    @Test
    void clickingTheMapMovesTheStartAndTheSheetShowsIt(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        double x1Before = model.params().real("x1");
        robot.clickOn("#landscape-canvas"); // the centre of the map: the default view of valley is centred on (0, 0)
        waitUntil(() -> model.params().real("x1") != x1Before);
        double x1 = model.params().real("x1");
        double x2 = model.params().real("x2");
        assertTrue(Math.abs(x1) < 0.5 && Math.abs(x2) < 0.5, "start near the centre: (" + x1 + ", " + x2 + ")");
        waitUntil(() -> model.frame() != null && model.frame().step() == 0);
        assertEquals(x1, model.frame().scalar("gd.x1"), "the new run starts there");
        javafx.scene.control.TextField field = robot.lookup("#param-x1").queryAs(javafx.scene.control.TextField.class);
        assertEquals(model.params().text("x1"), field.getText(), "the sheet shows the new start");
    }

    @Test
    void theGalleryStartsPresetsByClickAndByNumber(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        robot.interact(main::showGallery);
        waitUntil(() -> main.getCenter() == main.gallery());
        app.screenshot("trainscope-gallery.png");
        robot.clickOn("#preset-1");
        waitUntil(() -> model.playingProperty().get() && model.frame() != null && model.frame().step() > 3);
        assertEquals("quadratic", model.params().choice("function"), "the first card's settings");
        assertTrue(main.getCenter() != main.gallery(), "the experiment is shown");
        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> "sawtooth".equals(model.type().id()) && model.frame() != null);
        assertEquals(main.presets().get(1).params(Experiments.standard()), model.params(), "key 2: the second card");
        assertTrue(main.view() instanceof org.trainscope.app.depth.SawtoothView, "and its view is shown");
    }

    @Test
    void aPinnedRunIsDrawnForComparison(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        robot.interact(() -> model.applyParams(model.params().with("function", "quadratic").with("a", "0.2")
                .with("x1", "-1.8").with("x2", "1.2").with("optimizers", "gd,momentum").with("lr", "0.09")
                .with("momentum", "0.7")));
        for (int i = 0; i < 60; i++) {
            robot.interact(model::stepForward);
        }
        waitUntil(() -> model.frame() != null && model.frame().step() == 60);
        robot.clickOn("#pin");
        robot.interact(() -> model.applyParams(model.params().with("momentum", "0.3")));
        for (int i = 0; i < 60; i++) {
            robot.interact(model::stepForward);
        }
        waitUntil(() -> model.frame() != null && model.frame().step() == 60);
        LandscapeView view = (LandscapeView) main.view();
        waitUntil(() -> view.canvas().hasHeatmap());
        assertEquals(4, view.lossChart().chart().getXYPlot().getDataset().getSeriesCount(), "2 racers + 2 pinned");
        assertTrue(robot.lookup("#pin").queryButton().getText().startsWith("Unpin"));
        robot.clickOn("#side-by-side");
        waitUntil(() -> robot.lookup("#pinned-view").tryQuery().isPresent());
        assertEquals(60, main.pinnedModel().frame().step(), "linked: it shows the same step");
        robot.interact(model::stepBack);
        waitUntil(() -> main.pinnedModel().frame().step() == 59);
        app.screenshot("trainscope-compare.png");
    }

    @Test
    void anyExperimentCanBeComparedSideBySide(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        robot.interact(() -> main.startPreset(main.presets().stream()
                .filter(p -> p.experiment().equals("depth-separation")).findFirst().orElseThrow()));
        waitUntil(() -> model.type().id().equals("depth-separation") && model.frame() != null
                && model.frame().step() >= 40);
        robot.interact(model::pause);
        robot.interact(model::pinCurrent);
        // a view that cannot draw the pinned run over its own shows it beside, without being asked
        waitUntil(() -> robot.lookup("#pinned-view").tryQuery().isPresent());
        assertFalse(robot.lookup("#side-by-side").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.interact(() -> model.applyParams(model.params().with("optimizer", "momentum").with("lr", "0.02")));
        for (int i = 0; i < 30; i++) {
            robot.interact(model::stepForward);
        }
        waitUntil(() -> model.frame() != null && model.frame().step() == 30 && main.pinnedModel() != null
                && main.pinnedModel().frame() != null && main.pinnedModel().frame().step() == 30);
        assertEquals("adam", main.pinnedModel().params().choice("optimizer"), "the pinned run keeps its params");
        app.screenshot("trainscope-compare-depth.png");
    }

    @Test
    void everyPresetStartsAndProducesFrames(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        for (org.trainscope.engine.preset.Preset preset : main.presets()) {
            robot.interact(() -> main.startPreset(preset));
            waitUntil(() -> model.type().id().equals(preset.experiment()) && model.frame() != null
                    && model.frame().step() >= 1);
            assertEquals(preset.params(Experiments.standard()), model.params(), preset.title());
            assertTrue(model.frame().scalarNames().size() > 0, preset.title() + " shows scalars");
        }
    }

    @Test
    void aSeedThatIsNotAWholeNumberIsRefusedAtTheField(MainView main, FxRobot robot) {
        PlaybackModel model = main.model();
        waitUntil(() -> model.frame() != null);
        long before = model.seed();
        TextField seed = robot.lookup("#seed").queryAs(TextField.class);
        Label error = robot.lookup("#seed-error").queryAs(Label.class);
        robot.doubleClickOn("#seed").eraseText(12).write("seven");
        robot.type(KeyCode.ENTER);
        assertTrue(error.isVisible(), "the message is shown at the field");
        assertEquals("seed: 'seven' is not a whole number", error.getText());
        assertTrue(seed.getPseudoClassStates().contains(DANGER), "the field is marked");
        assertEquals(before, model.seed(), "the run keeps its seed");

        robot.doubleClickOn("#seed").eraseText(12).write("7");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> model.seed() == 7 && model.frame() != null && model.frame().step() == 0);
        assertFalse(error.isVisible(), "a good value clears the message");
        assertFalse(seed.getPseudoClassStates().contains(DANGER));
    }

    @Test
    void presenterModeHidesTheEditingPanelsUntilFIsPressedAgain(MainView main, FxRobot robot) {
        waitUntil(() -> main.model().frame() != null);
        Node picker = robot.lookup("#experiment-picker").query();
        Node whatYouSee = robot.lookup(".explain-text").query();
        Node summary = robot.lookup("#explanation-summary").query();
        robot.clickOn("#landscape-canvas", MouseButton.SECONDARY); // focus the map, no click action
        robot.type(KeyCode.F);
        assertTrue(main.getPseudoClassStates().contains(PRESENTER));
        assertNull(main.getLeft(), "no side panel");
        assertFalse(picker.isVisible(), "no picker");
        assertFalse(Shown.isShown(whatYouSee), "the explanation is one line: the lecturer tells the story");
        assertTrue(Shown.isShown(summary), "its first sentence stays");
        assertTrue(robot.lookup("#presenter").query().isVisible(), "Present stays, to leave");
        robot.type(KeyCode.E);
        assertTrue(Shown.isShown(whatYouSee), "E shows the whole explanation on demand");
        robot.type(KeyCode.H);
        assertNotNull(main.getLeft(), "H shows the side panel on demand");

        robot.type(KeyCode.F);
        assertFalse(main.getPseudoClassStates().contains(PRESENTER));
        assertNotNull(main.getLeft(), "the side panel is back");
        assertTrue(picker.isVisible() && Shown.isShown(whatYouSee), "and the choices made outside presenter mode");

        robot.interact(main::showGallery);
        robot.type(KeyCode.F);
        robot.type(KeyCode.F);
        assertNull(main.getLeft(), "leaving presenter mode on the gallery brings no side panel");
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        AppExtension.waitUntil(TIMEOUT_S, condition);
    }
}
