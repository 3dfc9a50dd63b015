package org.trainscope.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import java.lang.management.ManagementFactory;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.util.Duration;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.preset.Playlist;
import org.trainscope.app.perf.PerfTour;
import org.trainscope.app.perf.PulseMeter;
import org.trainscope.app.run.Runner;
import org.trainscope.engine.linalg.Nd4jRuntime;

/** Creates the worker threads, the window and the pulse that drives playback. */
public final class TrainscopeApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TrainscopeApp.class);
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private ExecutorService worker;
    private ExecutorService renderer;
    private MainView main;
    private AnimationTimer pulse;

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        org.trainscope.app.view.Tex.warmUp();   // JLaTeXMath loads beside the window, not before the first frame
        worker = Executors.newSingleThreadExecutor(daemon("trainscope-worker"));
        renderer = Executors.newSingleThreadExecutor(daemon("trainscope-render"));
        boolean smoke = getParameters().getRaw().contains("--smoke");
        LOG.info("start() at {} ms after JVM start", ManagementFactory.getRuntimeMXBean().getUptime());
        main = new MainView(Experiments.standard(), new Runner(worker), renderer);
        LOG.info("main view built at {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
        // 1280×800 where the screen has room, the screen where it has less (a 1024×768 projector), never below the minimum
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(main, Math.max(MainView.MIN_WIDTH, Math.min(WIDTH, screen.getWidth())),
                Math.max(MainView.MIN_HEIGHT, Math.min(HEIGHT, screen.getHeight())));
        main.install(scene);
        stage.setTitle("Trainscope");
        stage.getIcons().add(new Image(TrainscopeApp.class.getResourceAsStream("icon.png")));
        stage.setScene(scene);
        stage.show();
        LOG.info("window shown at {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
        if (smoke) {
            main.startPreset(main.presets().get(0)); // the smoke test plays the first lecture demo
        }
        for (String arg : getParameters().getRaw()) {
            if (arg.endsWith(Playlist.EXTENSION)) {                // a lecture: play its first demo
                try {
                    main.playlists().play(Playlist.read(java.nio.file.Path.of(arg)));
                } catch (java.io.IOException e) {
                    LOG.warn("playlist not opened: {}", e.getMessage());
                    main.model().warn(e.getMessage());
                }
            }
        }
        java.util.List<Integer> tourDemos = PerfTour.demos(getParameters().getRaw(), main.presets().size());
        PulseMeter meter = tourDemos != null || getParameters().getRaw().contains("--perf") ? new PulseMeter() : null;
        PerfTour perfTour = tourDemos == null ? null : new PerfTour(meter,
                tourDemos.stream().map(i -> (i + 1) + ". " + main.presets().get(i).title()).toList(),
                k -> main.startPreset(main.presets().get(tourDemos.get(k))), () -> main.model().playingProperty().get(),
                () -> main.model().messageProperty().get());
        if (meter != null) {
            scene.addPostLayoutPulseListener(() -> meter.pulseLaidOut(System.nanoTime()));
        }
        pulse = new AnimationTimer() {
            private boolean first = true;
            private long windowStart = -1;

            @Override
            public void handle(long now) {
                if (meter != null) {
                    meter.pulseStarted(System.nanoTime());
                }
                main.tick(now);
                if (meter != null) {
                    measure(now);
                }
                if (first && main.model().frame() != null && main.view().isReady() && main.getCenter() != null
                        && main.getCenter() != main.gallery()) {
                    first = false;
                    long sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
                    LOG.info("first frame after {} ms (JVM start; {} ms after the window was asked for)",
                            sinceJvmStart, (System.nanoTime() - t0) / 1_000_000);
                    // now load ND4J's natives in the background (the first picture needs none of it, and on two
                    // cores it would only slow that picture down), so a network experiment does not wait for them
                    Thread preload = new Thread(Nd4jRuntime::init, "trainscope-nd4j-preload");
                    preload.setDaemon(true);
                    preload.start();
                    if (smoke) {
                        smokeTest(sinceJvmStart);
                    }
                }
            }

            /** --perf: the pulse times while playing, logged every 10 s and when play stops; --perf-tour: the table. */
            private void measure(long now) {
                boolean playing = main.model().playingProperty().get();
                if (playing && main.model().frame() != null) {
                    meter.shown(main.model().frame().step());
                }
                if (perfTour != null) {
                    if (!perfTour.pulse(System.nanoTime())) {
                        System.out.print(perfTour.table());
                        System.out.flush();
                        Platform.exit();
                    }
                    return;
                }
                if (windowStart >= 0 && (now - windowStart >= 10_000_000_000L || !playing)) {
                    LOG.info("while playing {}: {}", main.model().type().id(), meter.summary());
                    windowStart = -1;
                }
                if (!playing) {
                    meter.reset();
                } else if (windowStart < 0) {
                    windowStart = now;
                    meter.reset();
                }
            }
        };
        pulse.start();
    }

    /** --smoke: play for a few seconds, report, and leave with status 0 if frames kept coming. */
    private void smokeTest(long firstFrameMillis) {
        System.out.println("first frame after " + firstFrameMillis + " ms");
        PauseTransition wait = new PauseTransition(Duration.seconds(3));
        wait.setOnFinished(e -> {
            long step = main.model().frame().step();
            System.out.println("played to step " + step);
            System.out.flush();
            Platform.exit();
            System.exit(step > 0 ? 0 : 1);
        });
        wait.play();
    }

    @Override
    public void stop() {
        if (pulse != null) {
            pulse.stop();
        }
        if (main != null) {
            main.shutdown();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
        if (renderer != null) {
            renderer.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
