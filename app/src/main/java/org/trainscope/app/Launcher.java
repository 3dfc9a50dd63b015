package org.trainscope.app;

import javafx.application.Application;

/** Plain main class, so the app runs from the class path without a module descriptor. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // the engine's logging default is warnings only (its CLI prints data on stdout); the app also reports progress
        if (System.getProperty("org.slf4j.simpleLogger.log.org.trainscope.app") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.trainscope.app", "info");
        }
        Application.launch(TrainscopeApp.class, args);
    }
}
