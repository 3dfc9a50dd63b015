package org.trainscope.app;

import javafx.application.Application;

/** Plain main class, so the app runs from the class path without a module descriptor. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(TrainscopeApp.class, args);
    }
}
