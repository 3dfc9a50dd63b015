package org.trainscope.app.session;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.SnapshotParameters;

/**
 * How {@link AnimationExport} turns a run into a file: at most how many frames, rendered how big, encoded by what.
 * The lifecycle of an encoder: {@link #open} (with the sample images, if the format asked for some) →
 * {@link FrameEncoder#append} once per frame, in order → {@link FrameEncoder#finish} → {@link FrameEncoder#close}; all
 * on the encoder thread.
 */
public sealed interface AnimationFormat {
    /** For messages: "GIF". */
    String name();

    /** The most frames taken from the recording, evenly spaced over it. */
    int maxFrames();

    /** How many images of the run the encoder sees before the frames (the GIF chooses its palette from them). */
    int samples();

    /**
     * How the view is snapshotted, given its layout bounds in its parent's coordinates (those of a snapshot);
     * {@code null} for as shown. FX thread.
     */
    SnapshotParameters snapshot(Bounds view);

    /** Starts an encoder writing to {@code out} (a file opened for writing, positioned at 0). */
    FrameEncoder open(FileChannel out, List<BufferedImage> samples) throws IOException;

    /** Appends frames to a file; one thread calls it. Closing releases it, finished or not (cancelled). */
    interface FrameEncoder extends Closeable {
        void append(BufferedImage frame) throws IOException;

        /** Writes what remains (the GIF trailer); the channel is then complete. */
        void finish() throws IOException;
    }

    /** An animated GIF for slides and web pages, every frame shown {@code delayMillis}. */
    static AnimationFormat gif(int delayMillis) {
        return new Gif(delayMillis);
    }

    /** At 20 frames per second (50 ms), {@value #MAX_FRAMES} frames play for 12 s. */
    record Gif(int delayMillis) implements AnimationFormat {
        public static final int MAX_FRAMES = 240;
        /** Palette samples: the first, the last and two frames between (a run's colours come as it goes). */
        public static final int SAMPLES = 4;

        @Override
        public String name() {
            return "GIF";
        }

        @Override
        public int maxFrames() {
            return MAX_FRAMES;
        }

        @Override
        public int samples() {
            return SAMPLES;
        }

        @Override
        public SnapshotParameters snapshot(Bounds view) {
            return null;
        }

        @Override
        public FrameEncoder open(FileChannel out, List<BufferedImage> samples) throws IOException {
            return new GifWriter(out, delayMillis, GifPalette.of(samples));
        }
    }
}
