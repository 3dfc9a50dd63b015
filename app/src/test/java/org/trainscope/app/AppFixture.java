package org.trainscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.app.run.Runner;
import org.trainscope.app.session.RecentSessions;

/**
 * The real window for TestFX tests: a MainView with real worker and render threads, a real pulse, and a
 * recent-sessions list of its own (never the user's). Waits are condition-based, never sleeps.
 */
public final class AppFixture {
    private final MainView main;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService renderer = Executors.newSingleThreadExecutor();
    private final AnimationTimer pulse;

    private AppFixture(Stage stage) {
        main = new MainView(Experiments.standard(), new Runner(worker), renderer, new RecentSessions(tempRecentList()));
        Scene scene = new Scene(main, 1280, 800);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
        main.showExperiment();
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                main.tick(now);
            }
        };
        pulse.start();
    }

    /** Call from the test's {@code @Start} method. */
    public static AppFixture start(Stage stage) {
        return new AppFixture(stage);
    }

    public MainView main() {
        return main;
    }

    /** Call from {@code @AfterEach}. */
    public void stop() {
        pulse.stop();
        main.shutdown();
        worker.shutdownNow();
        renderer.shutdownNow();
    }

    /** Chooses the experiment in the picker, as a user would; the model follows. */
    public void pick(FxRobot robot, String id) {
        ExperimentDef type = Experiments.standard().get(id);
        @SuppressWarnings("unchecked")
        ComboBox<ExperimentDef> picker = robot.lookup("#experiment-picker").queryAs(ComboBox.class);
        robot.interact(() -> picker.getSelectionModel().select(type));
        assertEquals(id, main.model().type().id());
    }

    /** Waits until the condition holds, or fails the test after {@code seconds}. */
    public static void waitUntil(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    /** A PNG of the whole window under target/ (or the screenshotDir property); it must not be blank. */
    public Path screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("trainscope.screenshotDir", "target"));
        Files.createDirectories(dir);
        Path png = dir.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = main.getScene().getRoot().snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(png.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(Files.size(png) > 20_000, "screenshot has content");
        return png;
    }

    private static Path tempRecentList() {
        try {
            return Files.createTempDirectory("trainscope-test").resolve("recent.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
