package org.trainscope.app.session;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.svg.SVGGraphics2D;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.session.AtomicFiles;
import org.trainscope.engine.session.FrameWriter;
import org.trainscope.engine.session.Session;
import org.trainscope.engine.session.SessionException;
import org.trainscope.engine.session.SessionFile;

/**
 * Open, save and export. The {@code …(Path)} methods do the work (tests call them directly); the others ask for a
 * file first. Files are written on the I/O executor; results are reported in the status line.
 */
public final class SessionActions {
    public static final String EXTENSION = ".trainscope.json";
    /** The ids of the status bar's export progress bar and its Cancel button. */
    public static final String PROGRESS_ID = "export-progress";
    public static final String CANCEL_ID = "cancel-export";
    private static final int GIF_DELAY_MILLIS = 50;

    private final PlaybackModel model;
    private final Registry registry;
    private final Executor io;
    private final Supplier<Window> window;
    private final Supplier<Node> view;
    private final RecentSessions recent;
    private final String savedBy;

    /**
     * @param view    what is exported as an image (and whose charts as SVG)
     * @param savedBy the app and its version, written into session files
     */
    public SessionActions(PlaybackModel model, Registry registry, Executor io, Supplier<Window> window,
                          Supplier<Node> view, RecentSessions recent, String savedBy) {
        this.recent = recent;
        this.model = model;
        this.registry = registry;
        this.io = io;
        this.window = window;
        this.view = view;
        this.savedBy = savedBy;
    }

    public void open() {
        FileChooser chooser = chooser("Open a Trainscope session", "Trainscope session", "*" + EXTENSION, "*.json");
        java.io.File f = chooser.showOpenDialog(window.get());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads, checks and opens a session; a refused file changes nothing and says why. */
    public void open(Path file) {
        try {
            SessionFile.Contents contents = SessionFile.read(file, registry);
            model.open(contents.session(), contents.lastFrameDigest());
            recent.add(file);
        } catch (SessionException e) {
            model.warn(e.getMessage());
        }
    }

    public void save() {
        FileChooser chooser = chooser("Save the session", "Trainscope session", "*" + EXTENSION);
        chooser.setInitialFileName(model.type().id() + "-step" + lastStep() + EXTENSION);
        java.io.File f = chooser.showSaveDialog(window.get());
        if (f != null) {
            Path p = f.toPath();
            save(p.toString().endsWith(".json") ? p : Path.of(p + EXTENSION));
        }
    }

    /** Saves the current run (its recipe and the digest of its newest frame) atomically. */
    public void save(Path file) {
        Recording rec = model.recording();
        if (rec == null || rec.isEmpty()) {
            model.warn("Nothing to save yet.");
            return;
        }
        Frame last = rec.last();
        Session session = model.session();
        io.execute(() -> {
            try {
                SessionFile.write(file, session, last, savedBy);
                recent.add(file);
                Platform.runLater(() -> model.say("Saved " + file.getFileName() + " (" + session.steps() + " steps)."));
            } catch (SessionException e) {
                Platform.runLater(() -> model.warn(e.getMessage()));
            }
        });
    }

    public void exportFrames(String format) {
        FileChooser chooser = chooser("Export the recorded frames", format.toUpperCase(), "*." + format);
        chooser.setInitialFileName(model.type().id() + "." + format);
        java.io.File f = chooser.showSaveDialog(window.get());
        if (f != null) {
            exportFrames(f.toPath(), format);
        }
    }

    /** Writes every recorded frame as CSV or JSON Lines (the CLI's format). */
    public void exportFrames(Path file, String format) {
        Recording rec = model.recording();
        if (rec == null || rec.isEmpty()) {
            model.warn("Nothing to export yet.");
            return;
        }
        List<Frame> frames = rec.range(0, rec.size());
        io.execute(() -> report(file, frames.size() + " frames", () -> AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            FrameWriter writer = new FrameWriter(w, format);
            for (Frame frame : frames) {
                writer.write(frame);
            }
            w.flush();
        })));
    }

    public void exportImage() {
        FileChooser chooser = chooser("Export the view", "PNG image", "*.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG (charts)", "*.svg"));
        chooser.setInitialFileName(model.type().id() + "-step" + lastStep() + ".png");
        java.io.File f = chooser.showSaveDialog(window.get());
        if (f != null) {
            if (f.getName().endsWith(".svg")) {
                exportSvg(f.toPath());
            } else {
                exportPng(f.toPath());
            }
        }
    }

    /** The view as shown, as a PNG (snapshot on the FX thread, encoding on the I/O executor). */
    public void exportPng(Path file) {
        BufferedImage image = SwingFXUtils.fromFXImage(view.get().snapshot(null, null), null);
        io.execute(() -> report(file, image.getWidth() + "×" + image.getHeight() + " px",
                () -> AtomicFiles.write(file, out -> ImageIO.write(image, "png", out))));
    }

    /** The view's charts as SVG (JFreeSVG), side by side in one drawing. */
    public void exportSvg(Path file) {
        List<JFreeChart> list = chartsIn(view.get());
        if (list.isEmpty()) {
            model.warn("This view has no chart to export as SVG; export it as PNG instead.");
            return;
        }
        int w = 640;
        int h = 480;
        SVGGraphics2D g = new SVGGraphics2D(w * list.size(), h);
        for (int i = 0; i < list.size(); i++) {
            list.get(i).draw(g, new java.awt.geom.Rectangle2D.Double(i * w, 0, w, h));
        }
        String svg = g.getSVGDocument();
        io.execute(() -> report(file, list.size() + " chart(s)",
                () -> AtomicFiles.write(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Every JFreeChart shown in a node tree: one mechanism for every view. */
    private static List<JFreeChart> chartsIn(Node node) {
        List<JFreeChart> out = new ArrayList<>();
        if (node instanceof ChartViewer viewer && viewer.getChart() != null) {
            out.add(viewer.getChart());
        } else if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                out.addAll(chartsIn(child));
            }
        }
        return out;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void report(Path file, String what, IoAction action) {
        try {
            action.run();
            Platform.runLater(() -> model.say("Exported " + what + " to " + file.getFileName() + "."));
        } catch (IOException e) {
            Platform.runLater(() -> model.warn("Could not write " + file.getFileName() + ": " + e.getMessage()));
        }
    }

    public void exportGif(ProgressBar bar, Button cancel) {
        FileChooser chooser = chooser("Export the run as an animated GIF", "GIF animation", "*.gif");
        chooser.setInitialFileName(model.type().id() + ".gif");
        java.io.File f = chooser.showSaveDialog(window.get());
        if (f != null) {
            exportGif(f.toPath(), bar, cancel);
        }
    }

    /**
     * The recorded run as an animated GIF (rendered off-screen frame by frame, encoded on its own thread), with a
     * progress bar and a cancel button shown while it runs.
     */
    public AnimationExport exportGif(Path file, ProgressBar bar, Button cancel) {
        return exportAnimation(file, AnimationFormat.gif(GIF_DELAY_MILLIS), bar, cancel);
    }

    /**
     * Asks for a file and exports the run as a 1080p video, with the status bar's progress bar and Cancel (found in
     * the window by their ids, {@value #PROGRESS_ID} and {@value #CANCEL_ID}).
     */
    public void exportMp4() {
        FileChooser chooser = chooser("Export the run as a video (1920×1080, H.264)", "MP4 video", "*.mp4");
        chooser.setInitialFileName(model.type().id() + ".mp4");
        Window w = window.get();
        java.io.File f = chooser.showSaveDialog(w);
        if (f != null) {
            exportMp4(f.toPath(), (ProgressBar) w.getScene().lookup("#" + PROGRESS_ID),
                    (Button) w.getScene().lookup("#" + CANCEL_ID));
        }
    }

    /** The recorded run as an MP4 video (H.264, 1920×1080, 30 fps), like {@link #exportGif(Path, ProgressBar, Button)}. */
    public AnimationExport exportMp4(Path file, ProgressBar bar, Button cancel) {
        return exportAnimation(file, AnimationFormat.mp4(), bar, cancel);
    }

    private AnimationExport exportAnimation(Path file, AnimationFormat format, ProgressBar bar, Button cancel) {
        Recording rec = model.recording();
        if (rec == null || rec.isEmpty()) {
            model.warn("Nothing to export yet.");
            return null;
        }
        AnimationExport export = new AnimationExport(model, view.get(), r -> {
            Thread t = new Thread(r, "trainscope-" + format.name().toLowerCase(java.util.Locale.ROOT));
            t.setDaemon(true);
            t.start();
        });
        bar.progressProperty().bind(export.progressProperty());
        bar.visibleProperty().bind(export.runningProperty()); // beside the transport, as tall: the view keeps its size
        cancel.visibleProperty().bind(export.runningProperty());
        cancel.setOnAction(e -> export.cancel());
        model.say("Rendering the run as " + format.name() + "…");
        export.start(file, format, failure -> {
            if (failure == null) {
                model.say("Exported the run to " + file.getFileName() + ".");
            } else {
                model.warn(failure);
            }
        });
        return export;
    }

    /** The recent sessions, newest first. */
    public List<Path> recent() {
        return recent.list();
    }

    private long lastStep() {
        Recording rec = model.recording();
        return rec == null || rec.isEmpty() ? 0 : rec.last().step();
    }

    private static FileChooser chooser(String title, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        return chooser;
    }
}
