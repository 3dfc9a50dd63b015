package org.trainscope.app.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.preset.Playlist;

/**
 * Teaching from Trainscope, in the real window: a lecture of five demos built in the gallery, saved, opened and run
 * through with the clicker's keys in presenter mode; the pen's strokes kept per frame.
 */
class LectureTest {
    private static final int TIMEOUT_S = 30;

    @Test
    void aPlaylistOfFiveDemosRunsThroughWithTheClickerKeysInPresenterMode(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        List<String> titles = List.of("GD vs momentum in a narrow valley", "Teeth double with depth",
                "Backpropagation, one sub-step at a time", "Sigmoid at depth 20: the first layers do not learn",
                "ReLU with He init keeps gradients level");
        List<Integer> cards = titles.stream().map(t -> 1 + main.presets().stream().map(p -> p.title()).toList().indexOf(t))
                .toList();                                     // the gallery's cards are numbered from 1
        robot.interact(main::showGallery);
        for (int n : cards) {
            Button add = robot.lookup("#add-" + n).queryAs(Button.class);
            robot.interact(add::fire);                        // built in the gallery, card by card
        }
        assertEquals(5, main.playlists().draft().size());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lecture-list").queryLabeled().getText().contains("Backpropagation"));
        app.screenshot("trainscope-gallery-lecture.png");
        Path file = Files.createTempDirectory("trainscope-lecture").resolve("lecture" + Playlist.EXTENSION);
        main.playlists().draftPlaylist("Lecture").write(file);
        Playlist saved = Playlist.read(file);
        List<String> ids = saved.presets(main.presets()).stream().map(p -> p.experiment()).toList();
        assertEquals(List.of("landscape", "sawtooth", "backprop-steps", "activations", "activations"), ids);

        robot.interact(() -> {
            try {
                main.playlists().play(new Playlist("Lecture", saved.demos().stream()
                        .map(d -> new Playlist.Demo(d.preset(), false)).toList()));   // no pauses for questions here
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        robot.type(KeyCode.F);                                 // presenter mode
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.getStyleClass().contains("main-view"));
        assertEquals(0, main.playlists().index());
        assertEquals("landscape", model.type().id());
        for (int i = 1; i < 5; i++) {
            robot.type(i % 2 == 1 ? KeyCode.PAGE_DOWN : KeyCode.N);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(i, main.playlists().index(), "the clicker moves to demo " + (i + 1));
            assertEquals(ids.get(i), model.type().id());
            int shown = i;
            AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && model.frame().step() > 0
                    && main.model().type().id().equals(ids.get(shown)));
        }
        app.screenshot("trainscope-lecture-presenter.png");
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, main.playlists().index(), "the last demo stays");
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, main.playlists().index(), "back twice");
        assertEquals("backprop-steps", model.type().id());
        assertTrue(main.playlists().positionProperty().get().contains("demo 3 of 5"), main.playlists().positionProperty().get());
        robot.type(KeyCode.F);
    }

    @Test
    void penStrokesBelongToTheirFrame(MainView main, FxRobot robot) throws Exception {
        app.pick("backprop-steps");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null);
        robot.clickOn("#step-forward");
        robot.clickOn("#step-forward");
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 2);
        PenLayer pen = robot.lookup("#pen").queryAs(PenLayer.class);
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pen.isOn());
        Bounds b = pen.localToScreen(pen.getBoundsInLocal());
        robot.moveTo(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() * 0.4)
                .press(MouseButton.PRIMARY)
                .moveTo(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.6)
                .moveTo(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() * 0.4)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, pen.strokeCount(2), "one stroke on frame 2");
        app.screenshot("trainscope-pen.png");
        robot.type(KeyCode.RIGHT);
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 3);
        assertEquals(0, pen.strokeCount(3), "frame 3 has none");
        robot.type(KeyCode.LEFT);
        AppExtension.waitUntil(TIMEOUT_S, () -> model.frame().step() == 2);
        assertEquals(1, pen.strokeCount(2), "back on frame 2, its stroke is still there");
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, pen.strokeCount(2), "C clears it");
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pen.isOn());
    }

    @RegisterExtension
    final AppExtension app = new AppExtension();
}
