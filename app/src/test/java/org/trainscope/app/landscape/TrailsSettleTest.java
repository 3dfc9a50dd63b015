package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;

/** A still map is the same picture whether its frame was reached by playing, step by step or by a jump. */
class TrailsSettleTest {
    private static final int TIMEOUT_S = 30;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void steppingAndJumpingToAFrameDrawTheSameMap(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        LandscapeView view = LandscapeRuns.playedAndPaused(main, robot, 40);
        int stopped = model.indexProperty().get();
        int[] played = settledPixels(view);
        robot.interact(() -> model.seek(0));
        robot.interact(() -> model.seek(stopped));
        assertArrayEquals(settledPixels(view), played, "the frame where playing stopped differs from a jump to it");

        robot.interact(() -> model.seek(30));
        int[] jumped = settledPixels(view);

        robot.interact(() -> model.seek(10));
        for (int i = 0; i < 20; i++) {
            robot.interact(model::stepForward);
        }
        AppExtension.waitUntil(TIMEOUT_S, () -> model.indexProperty().get() == 30);
        int[] stepped = settledPixels(view);
        assertArrayEquals(jumped, stepped, "frame 30 reached by 20 steps differs from frame 30 reached by a jump");
    }

    /** Waits until the trails are drawn as one stroke each (as while paused), then reads the map's pixels. */
    private static int[] settledPixels(LandscapeView view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        AppExtension.waitUntil(TIMEOUT_S, () -> view.canvas().trailsSettled());
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage img = view.canvas().snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            assertTrue(w > 100 && h > 100, "the map is on screen: " + w + "×" + h);
            return argb;
        }).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
