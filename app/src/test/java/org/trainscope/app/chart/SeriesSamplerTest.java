package org.trainscope.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;

/** Reading a scalar from a recording: down-sampling, and where a series diverged. */
class SeriesSamplerTest {
    /** Frames 0…n−1 with {@code v} = value(i) and {@code v.diverged} = flag from {@code flagFrom}. */
    private static Recording recording(int n, java.util.function.IntToDoubleFunction value, int flagFrom) {
        Recording rec = new Recording();
        for (int i = 0; i < n; i++) {
            rec.append(Frame.builder(i).scalar("v", value.applyAsDouble(i)).scalar("v.diverged", i >= flagFrom ? 1 : 0).build());
        }
        return rec;
    }

    @Test
    void aFlaggedSeriesEndsAtItsLastPointBeforeTheFlag() {
        // frozen at the last finite point once flagged, as the landscape does: the value stays finite
        Recording rec = recording(20, i -> Math.pow(10, Math.min(i, 6) * 20), 7);
        SeriesSampler.Trace t = SeriesSampler.sample(rec, 20, "v", "v.diverged", 1000);
        assertEquals(7, t.divergedAt(), 0.0);
        assertEquals(7, t.x().length, "steps 0…6");
        assertEquals(6, t.x()[6], 0.0);
    }

    @Test
    void aSeriesThatTurnsNonFiniteDiverged() {
        Recording rec = recording(30, i -> i < 12 ? i : Double.NaN, Integer.MAX_VALUE);
        SeriesSampler.Trace t = SeriesSampler.sample(rec, 30, "v", null, 1000);
        assertEquals(12, t.divergedAt(), 0.0);
        assertEquals(12, t.y().length);
    }

    @Test
    void aValueMissingAtTheStartIsNotADivergence() {
        Recording rec = recording(10, i -> i == 0 ? Double.NaN : i, Integer.MAX_VALUE);
        SeriesSampler.Trace t = SeriesSampler.sample(rec, 10, "v", null, 1000);
        assertTrue(Double.isNaN(t.divergedAt()));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, t.y());
    }

    @Test
    void onlyTheFramesAskedForAreRead() {
        Recording rec = recording(100, i -> i, 50);
        SeriesSampler.Trace t = SeriesSampler.sample(rec, 40, "v", "v.diverged", 1000);
        assertTrue(Double.isNaN(t.divergedAt()), "at frame 39 it had not diverged yet");
        assertEquals(40, t.x().length);
    }

    @Test
    void longRunsAreDownSampledKeepingTheLastFrame() {
        Recording rec = recording(10_001, i -> i, Integer.MAX_VALUE);
        SeriesSampler.Trace t = SeriesSampler.sample(rec, 10_001, "v", null, 1000);
        assertTrue(t.x().length <= 1001, "" + t.x().length);
        assertEquals(10_000, t.x()[t.x().length - 1], 0.0);
        assertEquals(0, t.x()[0], 0.0);
    }
}
