package org.trainscope.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The palette against closed forms: median cut of a uniform ramp, and colours that must come back exactly. */
class GifPaletteTest {
    /**
     * 256 grey levels, equally common, into 16 boxes: the least squared error splits a uniform range in equal halves,
     * so four rounds of halving give 16 boxes of 16 levels, each represented by its mean 16k + 7.5 — every level
     * within 8 of its box's colour (and the error is the same in every box).
     */
    @Test
    void aUniformRampIsCutIntoEqualBoxes() {
        int[] c = new int[256];
        long[] w = new long[256];
        for (int v = 0; v < 256; v++) {
            c[v] = v << 16 | v << 8 | v;
            w[v] = 100;
        }
        List<GifPalette.Box> boxes = MedianCut.boxes(c, w, 16);
        assertEquals(16, boxes.size());
        for (GifPalette.Box box : boxes) {
            assertEquals(16, box.to() - box.from(), "a box of 16 levels: " + box);
            double mean = box.r() / box.weight();
            assertEquals(7.5, mean % 16, 1e-9, "its mean is in its middle");
            assertEquals(100 * 3 * (16 * 16 - 1) * 16 / 12.0, box.error(), 1e-6, "Σ w·3·(n²−1)/12 over its n levels");
        }
    }

    /** A few colours fit exactly; a colour that covers much of the frames is kept exactly among many others. */
    @Test
    void flatColoursAreKeptExactly() {
        BufferedImage frame = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        int background = 0xF4F5F7;
        int accent = 0xE69F00;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                // a third background, a strip of the accent, the rest a 2-D gradient of 10,000 colours
                int rgb = x < 70 ? background : x < 100 ? accent : (x - 100) * 2 << 16 | y * 2 << 8 | 0x40;
                frame.setRGB(x, y, rgb);
            }
        }
        GifPalette palette = GifPalette.of(List.of(frame));
        assertTrue(palette.size() <= GifPalette.COLOURS);
        assertEquals(background, palette.colour(palette.index(background)));
        assertEquals(accent, palette.colour(palette.index(accent)));
        assertTrue(palette.flatColours() >= 2, "both counted as flat");
        // the gradient: 100×100 colours 2 apart in r and g share ~250 boxes of ~40 colours, ~13 levels across:
        // the nearest entry is within half of that, and 10 leaves room for uneven boxes
        int worst = 0;
        for (int x = 100; x < 200; x++) {
            for (int y = 0; y < 100; y++) {
                int rgb = frame.getRGB(x, y) & 0xFFFFFF;
                int q = palette.colour(palette.index(rgb));
                for (int shift = 0; shift <= 16; shift += 8) {
                    worst = Math.max(worst, Math.abs(((rgb >> shift) & 255) - ((q >> shift) & 255)));
                }
            }
        }
        assertTrue(worst <= 10, "worst gradient error " + worst);
        assertTrue(palette.index(0x123456) != GifPalette.TRANSPARENT, "the transparent slot is never a colour");
    }
}
