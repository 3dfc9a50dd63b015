package org.trainscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Append-only frames with random access, and the bounded-memory thinning. */
class RecordingTest {
    private static Frame frame(long step) {
        return Frame.builder(step).scalar("x", step * 0.5).build();
    }

    @Test
    void appendGetAndIndexOfStep() {
        Recording r = new Recording(100);
        assertTrue(r.isEmpty());
        assertNull(r.last());
        assertEquals(-1, r.indexOfStep(0));
        for (long s = 0; s <= 40; s += 2) {
            r.append(frame(s));
        }
        assertEquals(21, r.size());
        assertEquals(0, r.get(0).step());
        assertEquals(20, r.get(10).step());
        assertEquals(40, r.last().step());
        assertEquals(10, r.indexOfStep(20));  // exact
        assertEquals(10, r.indexOfStep(21));  // the last frame at or before
        assertEquals(20, r.indexOfStep(1000));
        assertEquals(-1, r.indexOfStep(-1));
        assertEquals(List.of(r.get(3), r.get(4)), r.range(3, 5));
        assertEquals(0, r.generation());
    }

    @Test
    void stepsMustIncrease() {
        Recording r = new Recording(10);
        r.append(frame(5));
        assertThrows(IllegalArgumentException.class, () -> r.append(frame(5)));
        assertThrows(IllegalArgumentException.class, () -> r.append(frame(4)));
        assertEquals(1, r.size());
        assertThrows(IllegalArgumentException.class, () -> new Recording(3));
    }

    @Test
    void memoryStaysBoundedWithFrameZeroAndADenseRecentTail() {
        Recording r = new Recording(100);
        Frame first = frame(0);
        r.append(first);
        for (long s = 1; s < 10_000; s++) {
            r.append(frame(s));
            assertTrue(r.size() <= 100, "size " + r.size() + " after step " + s);
        }
        assertSame(first, r.get(0));
        assertEquals(9_999, r.last().step());
        for (int i = 1; i < r.size(); i++) {
            assertTrue(r.get(i).step() > r.get(i - 1).step(), "steps strictly increasing at " + i);
        }
        for (int i = r.size() - 50; i < r.size(); i++) {
            assertEquals(r.get(i - 1).step() + 1, r.get(i).step(), "the newest 50 frames are consecutive");
        }
        assertTrue(r.generation() > 0);
        // every index found by step maps back to that frame
        for (int i = 0; i < r.size(); i++) {
            assertEquals(i, r.indexOfStep(r.get(i).step()));
        }
    }

    @Test
    void thinningDropsEverySecondOlderFrame() {
        Recording r = new Recording(10);
        for (long s = 0; s <= 10; s++) {
            r.append(frame(s));
        }
        // 11 frames > 10: the older half [1, 5) keeps 2 and 4; frame 0 and [5, 11) stay
        assertEquals(List.of(0L, 2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), r.range(0, r.size()).stream().map(Frame::step).toList());
        assertEquals(1, r.generation());
    }

    @Test
    void clearEmptiesAndCountsAsAGeneration() {
        Recording r = new Recording();
        assertEquals(Recording.DEFAULT_BUDGET, r.budget());
        r.append(frame(3));
        r.clear();
        assertTrue(r.isEmpty());
        assertEquals(1, r.generation());
        r.append(frame(0)); // after clear the steps start over
        assertEquals(1, r.size());
    }
}
