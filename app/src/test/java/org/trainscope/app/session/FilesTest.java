package org.trainscope.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;

/** Save, open and export from the real window (headless), with the real worker and I/O threads. */
class FilesTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @TempDir
    Path dir;

    private void stepTo(FxRobot robot, long step) {
        PlaybackModel model = app.main().model();
        waitUntil(() -> model.frame() != null);
        for (long s = model.frame().step(); s < step; s++) {
            robot.interact(model::stepForward);
        }
        waitUntil(() -> model.frame().step() == step);
    }

    @Test
    void aSavedSessionOpensToTheSameFrames(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        robot.interact(() -> model.applyParams(model.params().with("lr", "0.02").with("function", "himmelblau")));
        stepTo(robot, 30);
        List<Frame> before = model.recording().range(0, model.recording().size());
        Path file = dir.resolve("run.trainscope.json");
        robot.interact(() -> main.files().save(file));
        waitUntil(() -> Files.exists(file) && model.messageProperty().get().startsWith("Saved"));

        robot.interact(() -> model.applyParams(model.params().with("lr", "0.001").with("function", "valley")));
        waitUntil(() -> model.frame() != null && model.frame().step() == 0);
        robot.interact(() -> main.files().open(file));
        waitUntil(() -> model.frame() != null && model.frame().step() == 30
                && model.messageProperty().get().contains("identical"));
        assertEquals("himmelblau", model.params().choice("function"));
        assertEquals(before, model.recording().range(0, model.recording().size()), "frames 0..30, bit for bit");
        assertEquals("0.02", robot.lookup("#param-lr").queryAs(javafx.scene.control.TextField.class).getText(),
                "the sheet shows the opened params");
    }

    /**
     * A deep-matrix-factorization session saved before its frames gained Theorem 3's terms (by commit 6088be6, checked
     * in): it opens, replays all 40 steps with today's outputs, and the status says, in words, why the digest differs.
     */
    @Test
    void aSessionSavedByAnOlderVersionOpensWithAClearMessage(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        Path old = dir.resolve("old.trainscope.json");
        try (var in = FilesTest.class.getResourceAsStream("/sessions/dmf-before-thm3-terms.trainscope.json")) {
            Files.copy(in, old);
        }
        robot.interact(() -> main.files().open(old));
        waitUntil(() -> model.frame() != null && model.frame().step() == 40
                && model.messageProperty().get().startsWith("Opened"));
        String message = model.messageProperty().get();
        assertEquals("deep-matrix-factorization", model.type().id());
        assertTrue(message.contains("40 steps recomputed") && message.contains("not identical")
                && message.contains("deep-matrix-factorization frames differ"), message);
        assertTrue(model.frame().hasScalar("thm3.rate.1"), "today's frames, with Theorem 3's terms");
    }

    @Test
    void aCorruptFileIsRefusedAndChangesNothing(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        stepTo(robot, 5);
        Recording recording = model.recording();
        Path bad = dir.resolve("bad.trainscope.json");
        Files.writeString(bad, "{\"format\": \"trainscope-session\", \"version\": 1, \"experim");
        robot.interact(() -> main.files().open(bad));
        assertTrue(model.alertProperty().get());
        assertTrue(model.messageProperty().get().contains("not valid JSON"), model.messageProperty().get());
        assertSame(recording, model.recording(), "the run is untouched");
        assertEquals(5, model.frame().step());
    }

    @Test
    void exportsAreValidFiles(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        stepTo(robot, 12);
        waitUntil(() -> ((org.trainscope.app.landscape.LandscapeView) main.view()).canvas().hasHeatmap());
        Path csv = dir.resolve("frames.csv");
        Path jsonl = dir.resolve("frames.jsonl");
        Path png = dir.resolve("view.png");
        Path svg = dir.resolve("charts.svg");
        robot.interact(() -> {
            main.files().exportFrames(csv, "csv");
            main.files().exportFrames(jsonl, "jsonl");
            main.files().exportPng(png);
            main.files().exportSvg(svg);
        });
        waitUntil(() -> Files.exists(csv) && Files.exists(jsonl) && Files.exists(png) && Files.exists(svg));
        List<String> rows = Files.readAllLines(csv);
        assertEquals(13 + 1, rows.size(), "header + frames 0..12");
        assertTrue(rows.get(0).startsWith("step,gd.x1,gd.x2"));
        assertTrue(rows.get(13).startsWith("12,"));
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(13, lines.size());
        assertTrue(lines.get(0).startsWith("{\"step\":0,\"scalars\":{"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a readable PNG");
        assertEquals((int) Math.round(main.getCenter().getLayoutBounds().getWidth()), image.getWidth());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.trim().endsWith("</svg>") && text.contains("Loss"), "an SVG of the chart: "
                + text.substring(0, Math.min(200, text.length())));
    }

    @Test
    void everyViewsChartsExportAsSvg(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        robot.interact(() -> main.startPreset(main.presets().stream()
                .filter(p -> p.experiment().equals("sawtooth")).findFirst().orElseThrow()));
        waitUntil(() -> model.type().id().equals("sawtooth") && model.frame() != null);
        robot.interact(model::pause);
        Path svg = dir.resolve("sawtooth.svg");
        robot.interact(() -> main.files().exportSvg(svg));
        waitUntil(() -> Files.exists(svg));
        String text = Files.readString(svg);
        assertTrue(text.contains("Linear pieces") && text.contains("4^"), "the sawtooth view's charts are in the SVG");
    }

    @Test
    void theRunExportsAsAnAnimatedGifAndCanBeCancelled(MainView main, FxRobot robot) throws Exception {
        stepTo(robot, 20);
        Path gif = dir.resolve("run.gif");
        exportAndWait(main, robot, SessionActions::exportGif, gif);
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(21, reader.getNumImages(true), "one GIF frame per recorded frame 0..20");
            BufferedImage first = reader.read(0);
            assertEquals((int) Math.round(main.getCenter().getLayoutBounds().getWidth()), first.getWidth());
            assertEquals((int) Math.round(main.getCenter().getLayoutBounds().getHeight()), first.getHeight());
        } finally {
            reader.dispose();
        }
        cancelLeavesNoFile(main, robot, SessionActions::exportGif, dir.resolve("cancelled.gif"));
    }

    @Test
    void theRunExportsAsA1080pVideoAndCanBeCancelled(MainView main, FxRobot robot) throws Exception {
        assertSame(main.exportProgress(), main.getScene().lookup("#" + SessionActions.PROGRESS_ID),
                "the Export menu's video export finds the status bar's progress bar by its id");
        assertSame(main.cancelExport(), main.getScene().lookup("#" + SessionActions.CANCEL_ID), "and its Cancel");
        stepTo(robot, 20);
        Path mp4 = dir.resolve("run.mp4");
        exportAndWait(main, robot, SessionActions::exportMp4, mp4);
        List<String> boxes = Mp4Check.topLevelBoxes(mp4);
        assertEquals("ftyp", boxes.get(0), "an ISO media file: " + boxes);
        assertTrue(boxes.contains("moov") && boxes.contains("mdat"), "with its index and its media: " + boxes);
        List<org.jcodec.common.model.Picture> frames = Mp4Check.decode(mp4);
        assertEquals(21, frames.size(), "one video frame per recorded frame 0..20");
        assertEquals(List.of(1920, 1080), List.of(frames.get(0).getWidth(), frames.get(0).getHeight()));
        var probe = Mp4Check.ffprobe(mp4);
        if (probe.isPresent()) {
            var s = probe.get();
            assertEquals(List.of("h264", "1920", "1080", "21", "30/1"), List.of(s.get("codec_name"), s.get("width"),
                    s.get("height"), s.get("nb_read_frames"), s.get("r_frame_rate")), "ffprobe: " + s);
        }
        cancelLeavesNoFile(main, robot, SessionActions::exportMp4, dir.resolve("cancelled.mp4"));
    }

    /** An animation export: {@link SessionActions#exportGif(Path, ProgressBar, Button)} or its MP4 twin. */
    private interface Export {
        AnimationExport start(SessionActions files, Path file, ProgressBar bar, Button cancel);
    }

    /** Exports and waits: the progress ends full, and the frame shown before the export is shown again. */
    private static void exportAndWait(MainView main, FxRobot robot, Export how, Path file) {
        long step = main.model().frame().step();
        AnimationExport[] export = new AnimationExport[1];
        robot.interact(() -> export[0] = how.start(main.files(), file, main.exportProgress(), main.cancelExport()));
        waitUntil(() -> main.model().messageProperty().get().startsWith("Exported"));
        assertEquals(1.0, export[0].progressProperty().get(), 1e-12);
        assertEquals(step, main.model().frame().step(), "the frame shown before the export is shown again");
    }

    /** An export cancelled at once leaves no file, and no temporary file either. */
    private void cancelLeavesNoFile(MainView main, FxRobot robot, Export how, Path file) throws Exception {
        robot.interact(() -> {
            how.start(main.files(), file, main.exportProgress(), main.cancelExport());
            main.cancelExport().fire();
        });
        waitUntil(() -> main.model().messageProperty().get().contains("cancelled"));
        assertTrue(!Files.exists(file), "a cancelled export leaves no file");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "and no temporary file");
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        AppExtension.waitUntil(30, condition);
    }
}
