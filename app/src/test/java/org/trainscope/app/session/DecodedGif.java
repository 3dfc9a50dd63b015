package org.trainscope.app.session;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/**
 * A GIF read back with the JDK's reader (an independent decoder of the bytes), composited as a viewer shows it:
 * each image drawn at its left/top over the previous frame, its transparent pixels letting the previous frame through
 * (disposal "do not dispose"). Also the images' rectangles as stored.
 */
record DecodedGif(List<BufferedImage> frames, List<Rectangle> rectangles, List<String> disposals) {
    static DecodedGif read(Path file) throws IOException {
        return read(file, i -> true);
    }

    /** Keeps only the frames {@code keep} accepts (the others are null): a long GIF's frames fill the heap. */
    static DecodedGif read(Path file, IntPredicate keep) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
            BufferedImage canvas = new BufferedImage(Integer.parseInt(screen.getAttribute("logicalScreenWidth")),
                    Integer.parseInt(screen.getAttribute("logicalScreenHeight")), BufferedImage.TYPE_INT_RGB);
            List<BufferedImage> frames = new ArrayList<>();
            List<Rectangle> rectangles = new ArrayList<>();
            List<String> disposals = new ArrayList<>();
            int n = reader.getNumImages(true);
            for (int i = 0; i < n; i++) {
                IIOMetadataNode meta = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode d = (IIOMetadataNode) meta.getElementsByTagName("ImageDescriptor").item(0);
                IIOMetadataNode control = (IIOMetadataNode) meta.getElementsByTagName("GraphicControlExtension").item(0);
                Rectangle r = new Rectangle(Integer.parseInt(d.getAttribute("imageLeftPosition")),
                        Integer.parseInt(d.getAttribute("imageTopPosition")),
                        Integer.parseInt(d.getAttribute("imageWidth")), Integer.parseInt(d.getAttribute("imageHeight")));
                Graphics2D g = canvas.createGraphics();
                g.drawImage(reader.read(i), r.x, r.y, null);
                g.dispose();
                BufferedImage copy = null;
                if (keep.test(i)) {
                    copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
                    copy.setData(canvas.getData());
                }
                frames.add(copy);
                rectangles.add(r);
                disposals.add(control.getAttribute("disposalMethod"));
            }
            return new DecodedGif(frames, rectangles, disposals);
        } finally {
            reader.dispose();
        }
    }

    /** How far two colours are apart: the largest difference of their red, green and blue levels (0–255). */
    static int difference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 255) - ((b >> shift) & 255)));
        }
        return d;
    }
}
