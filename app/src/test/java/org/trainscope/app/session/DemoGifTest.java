package org.trainscope.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.preset.Preset;

/**
 * The GIF of a whole lecture demo, from the real window (headless): "GD vs momentum in a narrow valley" played to
 * its end (400 steps, 401 frames → 201 GIF frames at 950×658) must fit in a slide deck, and every frame read back
 * must be the frame the view rendered, up to the palette.
 */
class DemoGifTest {
    private static final long MAX_BYTES = 3_000_000;
    private static final Set<Integer> COMPARED = Set.of(0, 37, 120);
    private static final int NEAR = 8;
    private static final int WRONG = 48;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @TempDir
    Path dir;

    @Test
    void theNarrowValleyDemoIsASmallGifOfWhatWasRendered(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        Preset valley = main.presets().stream().filter(p -> p.title().equals("GD vs momentum in a narrow valley"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            main.startPreset(valley);
            model.speedProperty().set(PlaybackModel.SPEEDS[PlaybackModel.SPEEDS.length - 1]);
        });
        waitUntil(() -> model.messageProperty().get().startsWith("End of the demo run"));
        assertEquals(401, model.recording().size());

        Path gif = dir.resolve("valley.gif");
        robot.interact(() -> main.files().exportGif(gif, main.exportProgress(), main.cancelExport()));
        waitUntil(() -> model.messageProperty().get().startsWith("Exported"));
        long bytes = Files.size(gif);
        assertTrue(bytes <= MAX_BYTES, "the GIF is " + bytes + " bytes");
        System.out.printf("demo GIF: %d frames, %.2f MB%n", 201, bytes / 1e6);

        DecodedGif decoded = DecodedGif.read(gif, COMPARED::contains);
        assertEquals(201, decoded.frames().size(), "every 2nd of the 401 frames");
        // Frames shown while paused are drawn whole (the map extends its trails piece by piece only while playing),
        // so each frame is rendered as the export rendered it, in whatever order: walk them and compare on the way.
        robot.interact(() -> model.seek(0));
        for (int k = 0; k <= Collections.max(COMPARED); k++) {
            BufferedImage rendered = rendered(robot, main, 2 * k);
            if (COMPARED.contains(k)) {
                compare(rendered, decoded.frames().get(k), "frame " + k);
            }
        }
    }

    /**
     * The palette's error, pixel by pixel. Flat UI colours are exact and the heatmap ramp is within a level or two, so
     * the mean is well under a level (0.32 measured); the anti-aliased fringes of the paths blend colours too rare
     * to get a palette entry of their own and may be off by up to ~30 levels, but they are a fraction of a percent
     * (0.17 % beyond 8 levels measured). A pixel off by more than {@value #WRONG} is not quantized but wrong (a
     * misplaced rectangle, a lost frame: those miss by 100 and more).
     */
    private static void compare(BufferedImage rendered, BufferedImage read, String what) {
        assertEquals(rendered.getWidth(), read.getWidth(), what);
        assertEquals(rendered.getHeight(), read.getHeight(), what);
        long pixels = (long) read.getWidth() * read.getHeight();
        long far = 0;
        long error = 0;
        int worst = 0;
        for (int y = 0; y < read.getHeight(); y++) {
            for (int x = 0; x < read.getWidth(); x++) {
                int d = DecodedGif.difference(rendered.getRGB(x, y), read.getRGB(x, y));
                error += d;
                far += d > NEAR ? 1 : 0;
                worst = Math.max(worst, d);
            }
        }
        assertTrue(error < 0.5 * pixels, what + ": mean error " + error / (double) pixels + " levels");
        assertTrue(far < 0.005 * pixels, what + ": " + far + " of " + pixels + " pixels off by more than " + NEAR);
        assertTrue(worst <= WRONG, what + ": a pixel off by " + worst + " levels");
    }

    /** The view showing recording index {@code i}, snapshotted as the export does it: after pulses have drawn it. */
    private static BufferedImage rendered(FxRobot robot, MainView main, int i) {
        robot.interact(() -> main.model().seek(i));
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        Platform.runLater(counter::start);
        waitUntil(() -> pulses.get() >= 2);
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        robot.interact(() -> {
            counter.stop();
            image.set(SwingFXUtils.fromFXImage(main.getCenter().snapshot(null, null), null));
        });
        return image.get();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        AppExtension.waitUntil(120, condition);
    }
}
