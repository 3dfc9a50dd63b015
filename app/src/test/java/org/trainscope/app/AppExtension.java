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

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.run.Runner;
import org.trainscope.app.session.RecentSessions;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.ExperimentDef;

/**
 * The real window for TestFX tests, as a JUnit 5 extension: before each test, a MainView with real worker and render
 * threads, a real pulse and a recent-sessions list of its own (never the user's) is shown on TestFX's stage; after
 * it, the pulse and the threads stop and the stage and input are cleaned up. Register it on a field,
 * {@code @RegisterExtension final AppExtension app = new AppExtension();}; test methods may take the
 * {@link MainView} and an {@link FxRobot}. Waits are condition-based, never sleeps.
 */
public final class AppExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final int SCREENSHOT_TIMEOUT_S = 60;
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final long MIN_SCREENSHOT_BYTES = 20_000; // a blank window compresses to a few kilobytes

    private final FxRobot robot = new FxRobot();
    private ExecutorService worker;
    private ExecutorService renderer;
    private MainView main;
    private AnimationTimer pulse;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
        worker = Executors.newSingleThreadExecutor();
        renderer = Executors.newSingleThreadExecutor();
        FxToolkit.setupStage(this::show);
    }

    private void show(Stage stage) {
        main = new MainView(Experiments.standard(), new Runner(worker), renderer, new RecentSessions(tempRecentList()));
        Scene scene = new Scene(main, WIDTH, HEIGHT);
        main.install(scene);
        stage.setScene(scene);
        stage.setFullScreen(false);
        stage.setWidth(WIDTH); // the stage is shared by the tests: undo a test's resize
        stage.setHeight(HEIGHT);
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

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (pulse != null) {
            FxToolkit.setupFixture(pulse::stop);
        }
        if (main != null) {
            main.shutdown();
        }
        worker.shutdownNow();
        renderer.shutdownNow();
        FxToolkit.cleanupStages();
        FxToolkit.cleanupInput(robot);
    }

    /** A test method may take the window ({@link MainView}) and an {@link FxRobot}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MainView.class || type == FxRobot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MainView.class ? main : robot;
    }

    /** The window of the running test. */
    public MainView main() {
        return main;
    }

    /** Chooses the experiment in the picker, as a user would; the model follows. */
    public void pick(String id) {
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

    /** Saves a PNG of the whole window under target/ (or the screenshotDir property) and checks it is not blank. */
    public Path screenshot(String name) throws Exception {
        return screenshot(name, null);
    }

    /** A PNG of {@code node} alone (null: the whole window), under the same directory. */
    public Path screenshot(String name, javafx.scene.Node node) throws Exception {
        Path dir = Path.of(System.getProperty("trainscope.screenshotDir", "target"));
        Files.createDirectories(dir);
        Path png = dir.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = (node != null ? node : main.getScene().getRoot()).snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(png.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(SCREENSHOT_TIMEOUT_S, TimeUnit.SECONDS);
        assertTrue(Files.size(png) > MIN_SCREENSHOT_BYTES, name + " has content");
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
