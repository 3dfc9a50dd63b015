package org.trainscope.app.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PulseMeterTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRank() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = (100 - i) * MS;                                  // 100 … 1 ms, unsorted
        }
        assertEquals(50, PulseMeter.percentileMs(v, 100, 50), 0);   // the 50th smallest of 1…100
        assertEquals(95, PulseMeter.percentileMs(v, 100, 95), 0);
        assertEquals(99, PulseMeter.percentileMs(v, 3, 50), 0);     // of 100, 99, 98 only: rank ⌈1.5⌉ = 2
    }

    @Test
    void aPulseIsItsWorkAndTheGapToTheNext() {
        PulseMeter m = new PulseMeter();
        long t = 0;
        for (int k = 0; k < 20; k++) {                              // pulses every 16 ms, 3 ms of work, one of 30 ms
            m.pulseStarted(t);
            m.shown(10L * k);
            m.pulseLaidOut(t + (k == 7 ? 30 : 3) * MS);
            t += (k == 7 ? 32 : 16) * MS;
        }
        PulseMeter.Summary s = m.summary();
        assertEquals(20, s.pulses());
        assertEquals(3, s.workP50(), 0);
        assertEquals(3, s.workP95(), 0);                            // one slow pulse in 20 is the top 5 % exactly
        assertEquals(16, s.intervalP50(), 0);
        double seconds = (19 * 16 + 16 + 3) / 1000.0;              // first start to the last layout
        assertEquals(seconds, s.seconds(), 1e-12);
        assertEquals(190 / seconds, s.stepsPerSecond(), 1e-9);
        m.reset();
        assertEquals(0, m.summary().pulses());
        assertTrue(Double.isNaN(m.summary().workP95()));
    }

    @Test
    void theCommandLineChoosesTheDemos() {
        assertEquals(null, PerfTour.demos(List.of("--perf"), 5));
        assertEquals(List.of(0, 1, 2), PerfTour.demos(List.of("--perf-tour"), 3));
        assertEquals(List.of(5, 6), PerfTour.demos(List.of("x", "--perf-tour=6,7"), 31));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PerfTour.demos(List.of("--perf-tour=32"), 31));
    }

    @Test
    void theTourWarmsUpMeasuresEachDemoAndEnds() {
        PulseMeter m = new PulseMeter();
        List<Integer> started = new ArrayList<>();
        boolean[] playing = {true};
        PerfTour tour = new PerfTour(m, List.of("first | demo", "second"), started::add, () -> playing[0],
                () -> "End of the demo run (5 steps).");
        long t = 0;
        boolean going = true;
        int pulses = 0;
        while (going) {
            m.pulseStarted(t);
            m.shown(pulses);
            m.pulseLaidOut(t + MS);
            going = tour.pulse(t + MS);
            t += 16 * MS;
            pulses++;
            if (started.size() == 2 && pulses > 700) {
                playing[0] = false;                                 // the second demo's run ends while measured
            }
        }
        assertEquals(List.of(0, 1), started);
        String table = tour.table();
        assertEquals(4, table.lines().count(), table);
        assertTrue(table.contains("| first / demo | "), table);
        assertTrue(table.lines().toList().get(2).contains("| 1.0 | 1.0 | 16.0 | 16.0 |"), table);
        assertTrue(table.lines().toList().get(3).contains("stopped after") && table.contains("End of the demo run"), table);
    }
}
