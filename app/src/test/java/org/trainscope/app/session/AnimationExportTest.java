package org.trainscope.app.session;

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
 * The GIF export never makes the FX thread wait for the encoder. The encoder's executor holds the encoder back
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

    /** More frames than the queue holds: the frame that does not fit waits at the FX side, and none is lost. */
    @Test
    void aFrameThatDoesNotFitIsOfferedAgainAtTheNextPulse(FxRobot robot) throws Exception {
        exportWithTheEncoderHeldBack(robot, AnimationExport.QUEUE_CAPACITY + 2);
    }

    /** As many frames as the queue holds: the end of the GIF must wait for room, again without blocking. */
    @Test
    void theEndWaitsForRoomWithoutBlockingEither(FxRobot robot) throws Exception {
        exportWithTheEncoderHeldBack(robot, AnimationExport.QUEUE_CAPACITY);
    }

    private void exportWithTheEncoderHeldBack(FxRobot robot, int frames) throws Exception {
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
        robot.interact(() -> export.start(gif, 50, failure -> result.set(failure == null ? "written" : failure)));

        int queued = Math.min(AnimationExport.QUEUE_CAPACITY, frames);
        waitUntil(() -> export.progressProperty().get() == queued / (double) frames); // the queue is full
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
        assertEquals(queued / (double) frames, export.progressProperty().get(), "nothing more handed over meanwhile");
        assertEquals(Math.min(queued, frames - 1), model.indexProperty().get(), "the frame that waits is still shown");
        assertTrue(export.runningProperty().get());

        assertEquals(1, heldBack.size(), "one encoder");
        Thread encoder = new Thread(heldBack.get(0), "test-gif-encoder");
        encoder.start();
        waitUntil(() -> "written".equals(result.get()));
        encoder.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(1.0, export.progressProperty().get(), 0);
        assertEquals(frames, gifFrames(gif), "every frame is in the GIF, the ones that waited too");
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
