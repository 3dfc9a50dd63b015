package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The arrows' magnification: one power of ten bringing the longest arrow to (9, 90] pixels. */
class ArrowsLayerTest {
    @Test
    void theLongestArrowIsBroughtToAReadableLength() {
        assertEquals(1, ArrowsLayer.magnification(50), 0);
        assertEquals(10, ArrowsLayer.magnification(5), 0);
        assertEquals(1000, ArrowsLayer.magnification(0.05), 1e-9);
        assertEquals(0.1, ArrowsLayer.magnification(500), 1e-12);
        for (double px : new double[] {1e-4, 0.3, 7, 9.5, 90, 91, 4e3}) {
            double shown = px * ArrowsLayer.magnification(px);
            assertEquals(true, shown > ArrowsLayer.LONGEST_PX / 10 && shown <= ArrowsLayer.LONGEST_PX, px + " → " + shown);
        }
    }
}
