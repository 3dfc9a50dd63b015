package org.trainscope.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainscope.app.run.Runner;
import org.trainscope.engine.experiment.Registry;

/** Creates the worker threads, the window and the pulse that drives playback. */
public final class TrainscopeApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TrainscopeApp.class);

    private ExecutorService worker;
    private ExecutorService renderer;
    private MainView main;
    private AnimationTimer pulse;

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        worker = Executors.newSingleThreadExecutor(daemon("trainscope-worker"));
        renderer = Executors.newSingleThreadExecutor(daemon("trainscope-render"));
        main = new MainView(Registry.standard(), new Runner(worker), renderer);
        Scene scene = new Scene(main, 1280, 800);
        main.install(scene);
        stage.setTitle("Trainscope");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        pulse = new AnimationTimer() {
            private boolean first = true;

            @Override
            public void handle(long now) {
                main.tick(now);
                if (first && main.model().frame() != null) {
                    first = false;
                    LOG.info("first frame after {} ms", (System.nanoTime() - t0) / 1_000_000);
                    if (Boolean.getBoolean("trainscope.printStartup")) {
                        System.out.println("first frame after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    }
                }
            }
        };
        pulse.start();
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
