package org.trainscope.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import javafx.application.Application;

/**
 * Plain main class, so the app runs from the class path without a module descriptor. Answers {@code --version}
 * (no window, no display needed) and {@code --help}; a playlist file as argument opens the window and plays its
 * first demo; {@code --smoke} opens the window, plays for a few seconds,
 * prints {@code first frame after N ms} and exits 0 — for checking a package from a script.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> flags = List.of(args);
        if (flags.contains("--version")) {
            System.out.println("Trainscope " + version());
            return;
        }
        if (flags.contains("--help")) {
            System.out.println("usage: Trainscope [--version | --smoke | --perf | --perf-tour[=N,…] | LECTURE.trainscope-playlist.json]\n"
                    + "  --perf       log the pulse times (p50/p95) and steps/s while a demo plays\n"
                    + "  --perf-tour  play every lecture demo (or demos N,…) for 8 s, print a table of its pulse times, and quit");
            return;
        }
        // the engine's logging default is warnings only (its CLI prints data on stdout); the app also reports progress
        if (System.getProperty("org.slf4j.simpleLogger.log.org.trainscope.app") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.trainscope.app", "info");
        }
        Application.launch(TrainscopeApp.class, args);
    }

    /** The version this build was made from. */
    public static String version() {
        try (InputStream in = Launcher.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
