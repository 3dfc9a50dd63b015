package org.trainscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Frames are immutable values: arrays are copied in and out, and equality is by content. */
class FrameTest {
    @Test
    void mutatingTheArrayPassedToSeriesDoesNotChangeTheFrame() {
        double[] data = {1, 2, 3};
        Frame.Builder b = Frame.builder(4).series("s", data);
        data[0] = 99;
        Frame f = b.build();
        data[1] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, f.series("s"), 0.0);
    }

    @Test
    void mutatingTheArrayReturnedBySeriesDoesNotChangeTheFrame() {
        Frame f = Frame.builder(4).series("s", new double[] {1, 2, 3}).build();
        f.series("s")[0] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, f.series("s"), 0.0);
    }

    @Test
    void viewsOfTheScalarsAreReadOnly() {
        Frame f = Frame.builder(0).scalar("a", 1).scalar("b", 2).build();
        assertThrows(UnsupportedOperationException.class, () -> f.scalarNames().set(0, "z"));
        assertThrows(UnsupportedOperationException.class, () -> f.scalars().put("a", 5.0));
        assertEquals(1.0, f.scalar("a"), 0.0);
    }

    @Test
    void builderReuseDoesNotReachIntoABuiltFrame() {
        Frame.Builder b = Frame.builder(1).scalar("a", 1);
        Frame first = b.build();
        b.scalar("b", 2);
        assertEquals(List.of("a"), first.scalarNames());
        assertFalse(first.hasScalar("b"));
    }

    @Test
    void scalarsKeepTheirOrderAndLookups() {
        Frame f = Frame.builder(7).scalar("z", 3).scalar("a", -1.5).series("path", new double[] {0.5}).build();
        assertEquals(7, f.step());
        assertEquals(List.of("z", "a"), f.scalarNames());
        assertEquals(Map.of("z", 3.0, "a", -1.5), f.scalars());
        assertEquals(-1.5, f.scalar("a"), 0.0);
        assertEquals(42.0, f.scalar("missing", 42.0), 0.0);
        assertTrue(f.hasSeries("path") && !f.hasSeries("other"));
        assertThrows(IllegalArgumentException.class, () -> f.scalar("missing"));
        assertThrows(IllegalArgumentException.class, () -> f.series("other"));
    }

    @Test
    void moreThanSixteenScalarsAreKept() {
        Frame.Builder b = Frame.builder(0);
        for (int i = 0; i < 40; i++) {
            b.scalar("s" + i, i);
        }
        Frame f = b.build();
        assertEquals(40, f.scalarNames().size());
        assertEquals(39.0, f.scalar("s39"), 0.0);
    }

    @Test
    void aNameCannotBeSetTwice() {
        assertThrows(IllegalArgumentException.class, () -> Frame.builder(0).scalar("a", 1).scalar("a", 2));
        assertThrows(IllegalArgumentException.class,
                () -> Frame.builder(0).series("s", new double[1]).series("s", new double[2]));
    }

    @Test
    void equalityIsByStepNamesValuesAndSeries() {
        Frame f = Frame.builder(3).scalar("a", 1).series("s", new double[] {1, 2}).build();
        Frame same = Frame.builder(3).scalar("a", 1).series("s", new double[] {1, 2}).build();
        assertEquals(f, same);
        assertEquals(f.hashCode(), same.hashCode());
        assertNotEquals(f, Frame.builder(4).scalar("a", 1).series("s", new double[] {1, 2}).build());
        assertNotEquals(f, Frame.builder(3).scalar("b", 1).series("s", new double[] {1, 2}).build());
        assertNotEquals(f, Frame.builder(3).scalar("a", 1.0000000001).series("s", new double[] {1, 2}).build());
        assertNotEquals(f, Frame.builder(3).scalar("a", 1).series("s", new double[] {1, 3}).build());
        assertNotEquals(f, Frame.builder(3).scalar("a", 1).build());
    }
}
