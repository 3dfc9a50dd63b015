package org.trainscope.app.session;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;

import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Recording;

/**
 * Records the run as an animated GIF for slides: one recorded frame per pulse is shown and rendered off-screen
 * ({@link Node#snapshot}), and an encoder thread appends it to the GIF, so the window stays responsive and the
 * progress shows. At most {@value #MAX_FRAMES} frames, evenly spaced over the recording. Cancel stops at the next
 * frame and leaves no file; a finished GIF replaces the target atomically.
 * <p>
 * The FX thread never waits for the encoder: it hands images over with a non-blocking {@code offer} to a queue of
 * {@value #QUEUE_CAPACITY}; when the queue is full it keeps the image and offers it again at the next pulse, so a
 * slow encoder slows the export down, not the window.
 */
public final class AnimationExport {
    public static final int MAX_FRAMES = 240;
    /** Images waiting for the encoder (each a full view, a few MB): enough to keep it busy between pulses. */
    static final int QUEUE_CAPACITY = 4;
    private static final BufferedImage END = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private final PlaybackModel model;
    private final Node view;
    private final Executor encoderThread;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private volatile boolean cancelled;

    public AnimationExport(PlaybackModel model, Node view, Executor encoderThread) {
        this.model = model;
        this.view = view;
        this.encoderThread = encoderThread;
    }

    /** Starts writing {@code file}; {@code done} is called on the FX thread with null on success or a message. */
    public void start(Path file, int delayMillis, java.util.function.Consumer<String> done) {
        Recording rec = model.recording();
        BlockingQueue<BufferedImage> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        model.pause();
        Frames frames = new Frames(queue, rec.size(), model.indexProperty().get());
        running.set(true);
        cancelled = false;
        encoderThread.execute(() -> encode(file, delayMillis, queue, done));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!frames.pulse()) {
                    stop();
                }
            }
        }.start();
    }

    /** The FX side of one export: shows, captures and hands over one frame per pulse. FX thread only. */
    private final class Frames {
        private final BlockingQueue<BufferedImage> queue;
        private final int count;
        private final int stride;
        private final int total;
        private final int restoreIndex;
        private int next;
        private BufferedImage pending; // captured, not yet taken by the queue (END: the last hand-over)

        Frames(BlockingQueue<BufferedImage> queue, int count, int restoreIndex) {
            this.queue = queue;
            this.count = count;
            this.stride = Math.max(1, (int) Math.ceil(count / (double) MAX_FRAMES));
            this.total = (count + stride - 1) / stride;
            this.restoreIndex = restoreIndex;
        }

        /** One pulse; returns at once, and false when the export has nothing more to do on the FX thread. */
        boolean pulse() {
            if (cancelled && pending != END) {
                queue.clear(); // the encoder would drop these anyway; now END gets in at once
                pending = END;
            } else if (pending == null && next >= total) {
                pending = END;
            } else if (pending == null) {
                int i = Math.min(count - 1, next * stride);
                if (model.indexProperty().get() != i) {
                    model.seek(i); // shown now; captured on the next pulse, once laid out and drawn
                    return true;
                }
                pending = SwingFXUtils.fromFXImage(view.snapshot(null, null), null);
            }
            if (!queue.offer(pending)) {
                return true; // the encoder is behind: the same image is offered again at the next pulse
            }
            if (pending == END) {
                model.seek(restoreIndex);
                return false;
            }
            pending = null;
            next++;
            progress.set(next / (double) total);
            return true;
        }
    }

    private void encode(Path file, int delayMillis, BlockingQueue<BufferedImage> queue, java.util.function.Consumer<String> done) {
        String failure = null;
        Path tmp = null;
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); GifWriter gif = new GifWriter(out, delayMillis)) {
                for (BufferedImage image = queue.take(); image != END; image = queue.take()) {
                    if (!cancelled) {
                        gif.append(image);
                    }
                }
            }
            if (cancelled) {
                failure = "GIF export cancelled; no file written.";
            } else {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            failure = "Could not write " + file.getFileName() + ": " + e.getMessage();
            cancelled = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "GIF export interrupted.";
            cancelled = true;
        } finally {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
        }
        String message = failure;
        javafx.application.Platform.runLater(() -> {
            running.set(false);
            done.accept(message);
        });
    }

    public void cancel() {
        cancelled = true;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}
