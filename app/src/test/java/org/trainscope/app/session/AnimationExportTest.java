package org.trainscope.app.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.run.Runner;
import org.trainscope.engine.landscape.LandscapeExperiment;

/**
 * The animation export never makes the FX thread wait for the encoder. The encoder's executor holds the encoder back
 * (it is not run) until the test lets it go: meanwhile the queue fills, the pulses go on, and the image that did not
 * fit waits at the FX side to be offered again. Waits are condition-based, never sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class AnimationExportTest {
    private static final int TIMEOUT_S = 20;
    private static final int PULSES = 30;

    private Label view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = new Label("a frame of the run");
        stage.setScene(new Scene(new StackPane(view), 320, 200));
        stage.show();
    }

    /**
     * More images than the queue holds (4 palette samples, then 6 frames): the queue fills with the samples, the first
     * frame that does not fit waits at the FX side, and none is lost.
     */
    @Test
    void aFrameThatDoesNotFitIsOfferedAgainAtTheNextPulse(FxRobot robot) throws Exception {
        assertEquals(4, AnimationExport.QUEUE_CAPACITY);
        assertEquals(4, AnimationFormat.Gif.SAMPLES);
        exportWithTheEncoderHeldBack(robot, 6, 10);
    }

    /** As many frames as the queue holds, and as many samples: the end must wait for room, without blocking either. */
    @Test
    void theEndWaitsForRoomWithoutBlockingEither(FxRobot robot) throws Exception {
        exportWithTheEncoderHeldBack(robot, 4, 8);
    }

    /** The recording indices shown: the palette samples (first, last and two between), then every stride-th frame. */
    @Test
    void thePlanShowsTheSamplesThenTheFramesEvenlySpaced() {
        int[] gif = AnimationExport.plan(401, AnimationFormat.gif(50)); // 401 > 240 frames: every 2nd, 0..400
        assertEquals(4 + 201, gif.length);
        assertArrayEquals(new int[] {0, 134, 266, 400, 0, 2, 4}, java.util.Arrays.copyOf(gif, 7));
        assertEquals(400, gif[gif.length - 1]);
        int[] mp4 = AnimationExport.plan(401, AnimationFormat.mp4()); // 401 > 360: every 2nd, no samples
        assertEquals(201, mp4.length);
        assertArrayEquals(new int[] {0, 2, 4}, java.util.Arrays.copyOf(mp4, 3));
        assertArrayEquals(new int[] {0, 0}, AnimationExport.plan(1, AnimationFormat.gif(50)), "one frame, one sample");
    }

    private void exportWithTheEncoderHeldBack(FxRobot robot, int frames, int images) throws Exception {
        PlaybackModel model = new PlaybackModel(new Runner(Runnable::run));
        robot.interact(() -> {
            model.select(LandscapeExperiment.TYPE);
            for (int i = 1; i < frames; i++) {
                model.stepForward();
            }
        });
        assertEquals(frames, model.recording().size());
        List<Runnable> heldBack = new CopyOnWriteArrayList<>();
        AnimationExport export = new AnimationExport(model, view, heldBack::add);
        AtomicReference<String> result = new AtomicReference<>();
        Path gif = dir.resolve("run.gif");
        robot.interact(() -> export.start(gif, AnimationFormat.gif(50),
                failure -> result.set(failure == null ? "written" : failure)));

        int queued = AnimationExport.QUEUE_CAPACITY; // the samples
        waitUntil(() -> export.progressProperty().get() == queued / (double) images); // the queue is full
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        Platform.runLater(counter::start); // not robot.interact: that would wait for a blocked FX thread for ever
        waitUntil(() -> pulses.get() >= PULSES); // a pulse handler that waited for the encoder would stop them all
        robot.interact(counter::stop);
        assertEquals(queued / (double) images, export.progressProperty().get(), "nothing more handed over meanwhile");
        assertEquals(0, model.indexProperty().get(), "the frame that waits, the first after the samples, is still shown");
        assertTrue(export.runningProperty().get());

        assertEquals(1, heldBack.size(), "one encoder");
        Thread encoder = new Thread(heldBack.get(0), "test-gif-encoder");
        encoder.start();
        waitUntil(() -> result.get() != null);
        assertEquals("written", result.get());
        encoder.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(1.0, export.progressProperty().get(), 0);
        assertEquals(frames, gifFrames(gif), "every frame is in the GIF, the ones that waited too, and no sample");
        assertEquals(frames - 1, model.indexProperty().get(), "the frame shown before the export is shown again");
    }

    private static int gifFrames(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition);
    }
}
