package org.trainscope.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The range policy, JavaFX-free. */
class RangesTest {
    @Test
    void accuracyAlwaysShowsTheWholeUnitInterval() {
        AxisRange r = Ranges.of(Axis.UNIT_INTERVAL, List.of(new double[] {0.9, 0.95, 1.0}));
        assertFalse(r.scale().axis().logarithmic());
        assertTrue(r.lower() <= 0 && r.lower() > -0.05, "from 0: " + r.lower());
        assertTrue(r.upper() >= 1 && r.upper() < 1.05, "to 1: " + r.upper());
    }

    @Test
    void aStepAxisNeverGoesBelowZero() {
        AxisRange empty = Ranges.of(Axis.STEPS, List.of());
        assertEquals(0, empty.lower());
        assertTrue(empty.upper() > 0 && empty.upper() <= 10, "after Home: 0 … a little: " + empty.upper());
        AxisRange eight = Ranges.of(Axis.STEPS, List.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals(0, eight.lower());
        assertTrue(eight.upper() >= 8 && eight.upper() < 8.5);
        AxisRange one = Ranges.of(Axis.STEPS, List.of(new double[] {0}));
        assertEquals(0, one.lower());
        assertTrue(one.upper() > 0);
    }

    @Test
    void aLogAxisSpansTheValuesAndAtMostThirtyDecades() {
        AxisRange r = Ranges.of(Axis.LOG, List.of(new double[] {1e-3, 1e3}));
        assertTrue(r.lowerValue() < 1e-3 && r.lowerValue() > 1e-4, "" + r.lowerValue());
        assertTrue(r.upperValue() > 1e3 && r.upperValue() < 1e4, "" + r.upperValue());
        AxisRange deep = Ranges.of(Axis.LOG, List.of(new double[] {1e-300, 1.0}));
        assertTrue(deep.upper() - deep.lower() <= Ranges.MAX_DECADES * (1 + 2 * Ranges.PAD) + 1e-9,
                "cut at the bottom: " + (deep.upper() - deep.lower()));
        assertTrue(deep.upperValue() >= 1.0, "the top is kept");
    }

    @Test
    void zerosAndNonFiniteValuesAreLeftOut() {
        AxisRange r = Ranges.of(Axis.LOG, List.of(new double[] {0, Double.NaN, Double.POSITIVE_INFINITY, 0.1, 10}));
        assertFalse(r.scale().signed());
        assertTrue(r.upperValue() < 100 && r.lowerValue() > 0.01, r.toString());
    }

    @Test
    void valuesBelowZeroOnALogAxisTurnItSigned() {
        AxisRange r = Ranges.of(Axis.LOG, List.of(new double[] {3.24, 1e-3, -4e7, -7.4e48}));
        assertTrue(r.scale().signed());
        assertEquals(1e-3, r.scale().threshold(), 1e-18);
        assertTrue(r.lower() < r.scale().forward(-7.4e48) && r.upper() > r.scale().forward(3.24));
        // the small curves keep their shape: −4·10⁷ lies well inside, not squashed at 0
        double t = r.scale().forward(-4e7);
        assertTrue(t < 0.15 * r.lower(), "gd's −4e7 is at " + t + " of " + r.lower());
        assertEquals(-4e7, r.scale().inverse(t), 1e-3 * 4e7);
    }

    @Test
    void aFlatLinearSeriesStillGetsARange() {
        AxisRange r = Ranges.of(Axis.LINEAR, List.of(new double[] {2, 2, 2}));
        assertTrue(r.lower() < 2 && r.upper() > 2);
        AxisRange fraction = Ranges.of(Axis.FRACTION, List.of(new double[] {0.1, 0.3}));
        assertEquals(0, fraction.lower());
        assertTrue(fraction.upper() > 0.3 && fraction.upper() < 0.4);
    }
}
