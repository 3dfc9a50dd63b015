package org.trainscope.app.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.run.Runner;
import org.trainscope.engine.experiment.Registry;

/** The noise-stability view in the real window (headless): pick it, step through a probe, play, screenshot. */
@ExtendWith(ApplicationExtension.class)
class StabilityViewTest {
    private static final int TIMEOUT_S = 60;

    private MainView main;
    private ExecutorService worker;
    private ExecutorService renderer;
    private AnimationTimer pulse;

    @Start
    void start(Stage stage) {
        worker = Executors.newSingleThreadExecutor();
        renderer = Executors.newSingleThreadExecutor();
        main = new MainView(Registry.standard(), new Runner(worker), renderer);
        Scene scene = new Scene(main, 1280, 800);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                main.tick(now);
            }
        };
        pulse.start();
    }

    @AfterEach
    void stop() {
        pulse.stop();
        main.shutdown();
        worker.shutdownNow();
        renderer.shutdownNow();
    }

    @Test
    void probesAppearAsTheRunStepsAndPlays(FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        pick(robot, "noise-stability");
        waitUntil(() -> model.frame() != null && main.view() instanceof StabilityView);
        StabilityView view = (StabilityView) main.view();
        waitUntil(() -> view.shownProbeStep() == 0);
        assertEquals(4, view.shownHistograms(), "one cushion histogram per layer of 64-128-128-128-10");

        for (int i = 0; i < 26; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 26);
        waitUntil(() -> view.shownProbeStep() == 25);   // probe_every = 25: the frame of step 26 carries probe 25
        robot.clickOn("#step-back");
        robot.clickOn("#step-back");
        waitUntil(() -> model.frame().step() == 24);
        waitUntil(() -> view.shownProbeStep() == 0);    // stepping back shows the older probe again

        robot.clickOn("#play-pause");
        waitUntil(() -> model.frame().step() >= 300);
        robot.clickOn("#play-pause");
        WaitForAsyncUtils.waitForFxEvents(10);
        long step = model.frame().step();
        assertEquals(step - step % 25, view.shownProbeStep());

        Path png = screenshot("trainscope-noise-stability.png");
        assertTrue(Files.size(png) > 20_000, "screenshot has content");
    }

    @Test
    void compressionShowsTrueAndRandomLabelsSideBySide(FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        pick(robot, "compression");
        waitUntil(() -> model.frame() != null && main.view() instanceof CompressionView && model.frame().hasScalar("k"));
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#step-forward");
        }
        waitUntil(() -> model.frame().step() == 5);
        assertEquals(1024, model.frame().scalar("k"), 0.0);            // k = 64·2^(5−1)
        WaitForAsyncUtils.waitForFxEvents(10);
        Path png = screenshot("trainscope-compression.png");
        assertTrue(Files.size(png) > 20_000, "screenshot has content");
    }

    /** Chooses the experiment in the picker, as a user would (the main view swaps its view). */
    private static void pick(FxRobot robot, String id) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.trainscope.engine.experiment.ExperimentType> picker =
                robot.lookup("#experiment-picker").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> picker.getSelectionModel().select(picker.getItems().stream()
                .filter(t -> t.id().equals(id)).findFirst().orElseThrow()));
    }

    private Path screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("trainscope.screenshotDir", "target"));
        Files.createDirectories(dir);
        Path png = dir.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = main.getScene().getRoot().snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(png.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(TIMEOUT_S, TimeUnit.SECONDS);
        return png;
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_S + " s", e);
        }
    }
}
