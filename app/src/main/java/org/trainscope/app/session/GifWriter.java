package org.trainscope.app.session;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An animated GIF, frame by frame, with the JDK's own GIF encoder (javax.imageio), small because frames of a run
 * differ little: one global palette ({@link GifPalette}) for every frame, and each frame after the first stores only
 * the rectangle around the pixels that changed (placed by the image descriptor's left/top; disposal "do not
 * dispose", so the rest stays on screen), with the pixels inside it that did not change transparent — long runs that
 * LZW codes in a few bits. Every frame shows for the same delay; the animation loops forever.
 * <p>
 * Lifecycle: construct (writes nothing yet) → {@link #append} per frame → {@link #finish} (the trailer) →
 * {@link #close}. Not thread-safe: one encoder thread appends.
 */
final class GifWriter implements AnimationFormat.FrameEncoder {
    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final ImageWriteParam param;
    private final GifPalette palette;
    private final IndexColorModel opaque;
    private final IndexColorModel holes;
    private final int delayCentis;
    private int width;
    private int height;
    private int[] previous; // the last frame's pixels, as appended
    private int[] current;

    /** @param delayMillis how long each frame shows (GIF counts in hundredths of a second) */
    GifWriter(FileChannel out, int delayMillis, GifPalette palette) throws IOException {
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        // in memory, flushed to the channel after every frame: no cache file in the temporary folder
        this.stream = new MemoryCacheImageOutputStream(Channels.newOutputStream(out));
        this.param = writer.getDefaultWriteParam();
        this.palette = palette;
        this.opaque = palette.colorModel(false);
        this.holes = palette.colorModel(true);
        this.delayCentis = Math.max(2, Math.round(delayMillis / 10f));
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /** Appends a frame: the first whole, the others as the rectangle that changed. */
    @Override
    public void append(BufferedImage frame) throws IOException {
        if (previous == null) {
            width = frame.getWidth();
            height = frame.getHeight();
            previous = new int[width * height];
            current = new int[width * height];
            pixels(frame, previous);
            write(indexed(previous, new Rectangle(0, 0, width, height), null), 0, 0, true);
            return;
        }
        pixels(frame, current);
        Rectangle changed = changed(previous, current, width, height);
        if (changed == null) {
            // nothing changed: a 1×1 transparent frame keeps the timing
            write(indexed(current, new Rectangle(0, 0, 1, 1), current), 0, 0, false);
        } else {
            write(indexed(current, changed, previous), changed.x, changed.y, false);
        }
        int[] swap = previous;
        previous = current;
        current = swap;
    }

    @Override
    public void finish() throws IOException {
        writer.endWriteSequence();
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close(); // flushes; the channel stays open: it belongs to the caller
        } finally {
            writer.dispose();
        }
    }

    /** The smallest rectangle holding every pixel that differs, or null if none does. */
    private static Rectangle changed(int[] before, int[] after, int width, int height) {
        int top = -1;
        int bottom = -1;
        int left = width;
        int right = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = -1;
            for (int x = 0; x < width; x++) {
                if (before[row + x] != after[row + x]) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = width - 1;
            while (before[row + last] == after[row + last]) {
                last--;
            }
            top = top < 0 ? y : top;
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, last);
        }
        return top < 0 ? null : new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    /**
     * The rectangle {@code r} of {@code pixels} in palette indices; where {@code before} is given, a pixel equal to
     * it there is transparent (the screen already shows it).
     */
    private BufferedImage indexed(int[] pixels, Rectangle r, int[] before) {
        BufferedImage image = new BufferedImage(r.width, r.height, BufferedImage.TYPE_BYTE_INDEXED,
                before == null ? opaque : holes);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < r.height; y++) {
            int from = (r.y + y) * width + r.x;
            int to = y * r.width;
            for (int x = 0; x < r.width; x++) {
                int rgb = pixels[from + x];
                boolean same = before != null && before[from + x] == rgb;
                out[to + x] = (byte) (same ? GifPalette.TRANSPARENT : palette.index(rgb));
            }
        }
        return image;
    }

    private void write(BufferedImage image, int left, int top, boolean first) throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(left));
        descriptor.setAttribute("imageTopPosition", Integer.toString(top));
        descriptor.setAttribute("interlaceFlag", "FALSE"); // interlacing only helps slow modems, and costs bytes
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", first ? "FALSE" : "TRUE");
        control.setAttribute("transparentColorIndex", Integer.toString(GifPalette.TRANSPARENT));
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // loop forever
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
        // the first frame's colour table becomes the global one; later frames' equal tables are then left out
        writer.writeToSequence(new IIOImage(image, null, meta), param);
        stream.flush();
    }

    /** The frame's RGB pixels, as big as the first frame (a frame of another size is cropped or padded). */
    private void pixels(BufferedImage frame, int[] into) {
        BufferedImage rgb = frame;
        if (frame.getWidth() != width || frame.getHeight() != height) {
            rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(frame, 0, 0, null);
            g.dispose();
        }
        rgb.getRGB(0, 0, width, height, into, 0, width);
        for (int i = 0; i < into.length; i++) {
            into[i] &= 0xFFFFFF;
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
