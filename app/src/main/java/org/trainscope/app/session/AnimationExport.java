package org.trainscope.app.session;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Recording;

/**
 * Records the run as an animation (an {@link AnimationFormat}: a GIF for slides, an MP4 video): one recorded frame
 * per pulse is shown and rendered off-screen ({@link Node#snapshot}), and an encoder thread appends it to the file,
 * so the window stays responsive and the progress shows. At most {@link AnimationFormat#maxFrames()} frames, evenly
 * spaced over the recording; before them, the format's {@link AnimationFormat#samples() samples} (evenly spaced over
 * the same frames). Cancel stops at the next frame and leaves no file; a finished file is forced to disk and replaces
 * the target atomically.
 * <p>
 * The FX thread never waits for the encoder: it hands images over with a non-blocking {@code offer} to a queue of
 * {@value #QUEUE_CAPACITY}; when the queue is full it keeps the image and offers it again at the next pulse, so a
 * slow encoder slows the export down, not the window.
 */
public final class AnimationExport {
    /** Images waiting for the encoder (each a full view, a few MB): enough to keep it busy between pulses. */
    static final int QUEUE_CAPACITY = 4;
    private static final Logger LOG = LoggerFactory.getLogger(AnimationExport.class);
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
    public void start(Path file, AnimationFormat format, Consumer<String> done) {
        Recording rec = model.recording();
        BlockingQueue<BufferedImage> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        model.pause();
        int[] plan = plan(rec.size(), format);
        Frames frames = new Frames(queue, plan, format, model.indexProperty().get());
        running.set(true);
        cancelled = false;
        int samples = plan.length - frameCount(rec.size(), format.maxFrames());
        encoderThread.execute(() -> encode(file, format, samples, queue, done));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!frames.pulse()) {
                    stop();
                }
            }
        }.start();
    }

    /** How many frames of a recording of {@code count} an animation of at most {@code max} frames shows. */
    static int frameCount(int count, int max) {
        int stride = stride(count, max);
        return (count + stride - 1) / stride;
    }

    private static int stride(int count, int max) {
        return Math.max(1, (int) Math.ceil(count / (double) max));
    }

    /** The recording indices to show, in order: the samples, then the frames (every stride-th, from 0). */
    static int[] plan(int count, AnimationFormat format) {
        int stride = stride(count, format.maxFrames());
        int total = frameCount(count, format.maxFrames());
        int samples = Math.min(format.samples(), total);
        int[] plan = new int[samples + total];
        for (int j = 0; j < samples; j++) {
            int frame = samples == 1 ? 0 : (int) Math.round(j * (total - 1) / (double) (samples - 1));
            plan[j] = Math.min(count - 1, frame * stride);
        }
        for (int k = 0; k < total; k++) {
            plan[samples + k] = Math.min(count - 1, k * stride);
        }
        return plan;
    }

    /** The FX side of one export: shows, captures and hands over one image per pulse. FX thread only. */
    private final class Frames {
        private final BlockingQueue<BufferedImage> queue;
        private final int[] plan;
        private final AnimationFormat format;
        private final int restoreIndex;
        private int next;
        private BufferedImage pending; // captured, not yet taken by the queue (END: the last hand-over)

        Frames(BlockingQueue<BufferedImage> queue, int[] plan, AnimationFormat format, int restoreIndex) {
            this.queue = queue;
            this.plan = plan;
            this.format = format;
            this.restoreIndex = restoreIndex;
        }

        /** One pulse; returns at once, and false when the export has nothing more to do on the FX thread. */
        boolean pulse() {
            if (cancelled && pending != END) {
                queue.clear(); // the encoder would drop these anyway; now END gets in at once
                pending = END;
            } else if (pending == null && next >= plan.length) {
                pending = END;
            } else if (pending == null) {
                int i = plan[next];
                if (model.indexProperty().get() != i) {
                    model.seek(i); // shown now; captured on the next pulse, once laid out and drawn
                    return true;
                }
                SnapshotParameters params = format.snapshot(view.localToParent(view.getLayoutBounds()));
                pending = SwingFXUtils.fromFXImage(view.snapshot(params, null), null);
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
            progress.set(next / (double) plan.length);
            return true;
        }
    }

    private void encode(Path file, AnimationFormat format, int samples, BlockingQueue<BufferedImage> queue,
                        Consumer<String> done) {
        String failure = null;
        Path tmp = null;
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                write(channel, format, samples, queue);
                if (!cancelled) {
                    channel.force(true);
                }
            }
            if (cancelled) {
                failure = format.name() + " export cancelled; no file written.";
            } else {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} export to {} failed", format.name(), file, e);
            failure = "Could not write " + file.getFileName() + ": " + (e.getMessage() == null ? e : e.getMessage());
            cancelled = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = format.name() + " export interrupted.";
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
        Platform.runLater(() -> {
            running.set(false);
            done.accept(message);
        });
    }

    /**
     * Takes the images off the queue until END: the samples first, then the frames, which go to the encoder. Once
     * cancelled, it only drains the queue (the FX side then sends END at once).
     */
    private void write(FileChannel channel, AnimationFormat format, int samples, BlockingQueue<BufferedImage> queue)
            throws IOException, InterruptedException {
        List<BufferedImage> seen = new ArrayList<>();
        AnimationFormat.FrameEncoder encoder = null;
        try {
            for (BufferedImage image = queue.take(); image != END; image = queue.take()) {
                if (cancelled) {
                    continue;
                }
                if (encoder == null && seen.size() < samples) {
                    seen.add(image);
                    continue;
                }
                if (encoder == null) {
                    encoder = format.open(channel, seen);
                    seen.clear(); // the samples are not kept once the encoder has seen them
                }
                encoder.append(image);
            }
            if (!cancelled && encoder == null) {
                encoder = format.open(channel, seen); // only possible with no frames: an empty animation
            }
            if (!cancelled) {
                encoder.finish();
            }
        } finally {
            if (encoder != null) {
                encoder.close();
            }
        }
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
