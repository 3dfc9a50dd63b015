package org.trainscope.app.generalization;

import java.nio.IntBuffer;

import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A square map image that is written whole, in one bulk copy, and redrawn wherever it is shown: the FX side of a map
 * whose pixels were computed elsewhere as opaque packed ARGB ints (opaque, so ARGB is premultiplied ARGB as it is).
 * One image per map lives as long as the view, so a new frame costs a copy of its pixels, not a new image and texture.
 */
final class MapImage {
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;

    MapImage(int side) {
        buffer = new PixelBuffer<>(side, side, IntBuffer.allocate(side * side), PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(buffer);
    }

    Image image() {
        return image;
    }

    /** FX thread: replaces every pixel with {@code argb} (side × side, row-major, opaque). */
    void write(int[] argb) {
        buffer.updateBuffer(b -> {
            b.getBuffer().clear().put(argb).clear();
            return null;                                            // null: the whole image is dirty
        });
    }
}
