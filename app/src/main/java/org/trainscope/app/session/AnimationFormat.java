package org.trainscope.app.session;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.transform.Transform;

/**
 * How {@link AnimationExport} turns a run into a file: at most how many frames, rendered how big, encoded by what.
 * The lifecycle of an encoder: {@link #open} (with the sample images, if the format asked for some) →
 * {@link FrameEncoder#append} once per frame, in order → {@link FrameEncoder#finish} → {@link FrameEncoder#close}; all
 * on the encoder thread.
 */
public sealed interface AnimationFormat {
    /** For messages: "GIF", "MP4". */
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

        /** Writes what remains (the GIF trailer, the MP4 index); the channel is then complete. */
        void finish() throws IOException;
    }

    /** An animated GIF for slides and web pages, every frame shown {@code delayMillis}. */
    static AnimationFormat gif(int delayMillis) {
        return new Gif(delayMillis);
    }

    /** An H.264 video in an MP4 file, 1920×1080 at 30 frames per second. */
    static AnimationFormat mp4() {
        return new Mp4(Mp4.FPS, Mp4.WIDTH, Mp4.HEIGHT);
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

    /**
     * The view scaled to fit {@code width}×{@code height} (even numbers: H.264 codes 4:2:0 chroma in 2×2 blocks),
     * centred on its own background colour. Scaling happens in the snapshot, so text and lines are drawn at the
     * video's resolution, not blown up. {@value #MAX_FRAMES} frames play for 12 s, as long as the longest GIF.
     */
    record Mp4(int fps, int width, int height) implements AnimationFormat {
        public static final int FPS = 30;
        public static final int WIDTH = 1920;
        public static final int HEIGHT = 1080;
        public static final int MAX_FRAMES = 360;

        public Mp4 {
            if (width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("H.264 needs even dimensions: " + width + "×" + height);
            }
        }

        @Override
        public String name() {
            return "MP4";
        }

        @Override
        public int maxFrames() {
            return MAX_FRAMES;
        }

        @Override
        public int samples() {
            return 0;
        }

        @Override
        public SnapshotParameters snapshot(Bounds view) {
            double scale = Math.min(width / view.getWidth(), height / view.getHeight());
            SnapshotParameters params = new SnapshotParameters();
            params.setTransform(Transform.scale(scale, scale));
            params.setViewport(new Rectangle2D(view.getMinX() * scale, view.getMinY() * scale,
                    Math.min(width, Math.floor(view.getWidth() * scale)), Math.min(height, Math.floor(view.getHeight() * scale))));
            return params;
        }

        @Override
        public FrameEncoder open(FileChannel out, List<BufferedImage> samples) throws IOException {
            return new Mp4Writer(out, fps, width, height);
        }
    }
}
