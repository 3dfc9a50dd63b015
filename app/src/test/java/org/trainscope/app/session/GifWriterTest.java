package org.trainscope.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GIF encoder on frames like a run's: a flat UI, a smooth heatmap ramp and a path that grows. Decoded by the JDK's
 * reader (an independent decoder) and composited as a viewer does, every frame must come back as written, up to the
 * palette: flat colours exactly, the ramp within a few levels.
 */
class GifWriterTest {
    private static final int W = 320;
    private static final int H = 200;
    private static final Color BACKGROUND = new Color(0xF4F5F7);
    private static final Color TEXT = new Color(0x1F2328);
    private static final Color PATH = new Color(0xE69F00);
    private static final int RAMP_LEFT = 100;
    private static final int RAMP_TOP = 40;
    private static final int PRESSURE_WIDTH = 90;

    @TempDir
    Path dir;

    /** A frame of a fake run: text, a ramp (a heatmap from dark slate to pale, 200 levels), a path of k segments. */
    private static BufferedImage frame(int k) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, W, H);
        for (int x = RAMP_LEFT; x < RAMP_LEFT + 200; x++) {
            g.setColor(new Color(ramp(x))); // one level per column: 200 distinct colours
            g.fillRect(x, RAMP_TOP, 1, H - RAMP_TOP);
        }
        for (int y = RAMP_TOP; y < H; y++) {
            for (int x = 0; x < PRESSURE_WIDTH; x++) {
                image.setRGB(x, y, 0xFF000000 | (x * 2) << 16 | (y - RAMP_TOP) << 8 | 0x80); // 90×160 colours of pressure
            }
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Optimizers on a landscape, step " + k, 10, 22);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(PATH);
        g.setStroke(new BasicStroke(2));
        for (int s = 0; s < k; s++) {
            g.drawLine(110 + 8 * s, 60 + (s % 2) * 30, 118 + 8 * s, 60 + ((s + 1) % 2) * 30);
        }
        g.dispose();
        return image;
    }

    private Path write(String name, List<BufferedImage> frames, List<BufferedImage> samples) throws IOException {
        Path file = dir.resolve(name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             GifWriter gif = new GifWriter(channel, 50, GifPalette.of(samples))) {
            for (BufferedImage f : frames) {
                gif.append(f);
            }
            gif.finish();
        }
        return file;
    }

    @Test
    void decodedFramesEqualTheWrittenOnesUpToThePalette() throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            frames.add(frame(k));
        }
        DecodedGif gif = DecodedGif.read(write("run.gif", frames, List.of(frames.get(0), frames.get(11))));
        assertEquals(12, gif.frames().size());
        int rampWorst = 0;
        int worst = 0;
        long error = 0;
        long counted = 0;
        for (int k = 0; k < frames.size(); k++) {
            BufferedImage written = frames.get(k);
            BufferedImage read = gif.frames().get(k);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int a = written.getRGB(x, y) & 0xFFFFFF;
                    int b = read.getRGB(x, y) & 0xFFFFFF;
                    if (a == (BACKGROUND.getRGB() & 0xFFFFFF) || a == (TEXT.getRGB() & 0xFFFFFF) || a == (PATH.getRGB() & 0xFFFFFF)) {
                        assertEquals(Integer.toHexString(a), Integer.toHexString(b), "a flat colour is exact at " + x + "," + y);
                    }
                    int d = DecodedGif.difference(a, b);
                    if (a == ramp(x) && y >= RAMP_TOP) {
                        rampWorst = Math.max(rampWorst, d);
                    }
                    if (x >= PRESSURE_WIDTH || y < RAMP_TOP) {
                        worst = Math.max(worst, d);
                        error += d;
                        counted++;
                    }
                }
            }
        }
        // The ramp: 200 levels, 1 apart, along one curve. With the 14,400 colours of the pressure block competing
        // for the palette it still gets a box per ~3 levels, so its pixels come back within 3 of 255 levels: steps
        // of ~1 % of the range, at the threshold where bands become visible (a luminance step of 1–2 %).
        assertTrue(rampWorst <= 3, "the ramp is off by up to " + rampWorst + " levels");
        // Anti-aliased edges of the path in frames between the samples blend colours the samples never had: the
        // nearest entry may be further off, but such pixels are few and thin: the mean stays under a level.
        assertTrue(worst <= 40, "a pixel is off by " + worst + " levels");
        assertTrue(error / (double) counted < 0.75, "mean error " + error / (double) counted);
    }

    /** The ramp's colour at column x (one level per column). */
    private static int ramp(int x) {
        int v = 20 + x - RAMP_LEFT;
        return (v * 9 / 10) << 16 | (v * 19 / 20) << 8 | v;
    }

    @Test
    void eachFrameStoresOnlyTheRectangleThatChanged() throws Exception {
        List<BufferedImage> frames = List.of(frame(0), frame(1), frame(2));
        DecodedGif gif = DecodedGif.read(write("run.gif", frames, frames));
        assertEquals(new Rectangle(0, 0, W, H), gif.rectangles().get(0), "the first frame is whole");
        int[] a = frames.get(1).getRGB(0, 0, W, H, null, 0, W);
        int[] b = frames.get(2).getRGB(0, 0, W, H, null, 0, W);
        Rectangle expected = boundingBoxOfDifferences(a, b);
        assertEquals(expected, gif.rectangles().get(2), "the rectangle around the changed pixels, no more");
        assertTrue(expected.width * expected.height < W * H / 4, "and it is small here: " + expected);
        assertEquals(List.of("doNotDispose", "doNotDispose", "doNotDispose"), gif.disposals());
    }

    @Test
    void unchangedFramesCostAFewBytes() throws Exception {
        BufferedImage still = frame(5);
        List<BufferedImage> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(still);
        }
        long one = Files.size(write("one.gif", List.of(still), List.of(still)));
        long more = Files.size(write("eleven.gif", eleven, List.of(still)));
        // a control extension (8 bytes), a 1×1 image descriptor (10) and its LZW data (~5)
        assertTrue(more - one <= 10 * 30, "10 unchanged frames added " + (more - one) + " bytes");
        DecodedGif gif = DecodedGif.read(dir.resolve("eleven.gif"));
        assertEquals(11, gif.frames().size());
        assertEquals(new Rectangle(0, 0, 1, 1), gif.rectangles().get(10));
    }

    private static Rectangle boundingBoxOfDifferences(int[] a, int[] b) {
        Rectangle r = null;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                Rectangle p = new Rectangle(i % W, i / W, 1, 1);
                r = r == null ? p : r.union(p);
            }
        }
        return r;
    }
}
