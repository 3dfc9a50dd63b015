package org.trainscope.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The tick policy, JavaFX-free: what each kind of axis labels, and how. */
class TicksTest {
    private static List<String> labels(List<Ticks.Tick> ticks) {
        return ticks.stream().filter(Ticks.Tick::major).map(Ticks.Tick::label).toList();
    }

    @Test
    void aShortLogAxisStillLabelsItsTopDecadeAndAnother() {
        // seven decades, 10⁻⁷…10⁻¹, room for two labels: the multiples of 5 would give 10⁻⁵ alone
        AxisRange r = new AxisRange(Scale.of(Axis.LOG), -7, -1);
        List<String> labels = Ticks.of(r, 2).stream().filter(Ticks.Tick::major).map(Ticks.Tick::label).toList();
        assertEquals(List.of("10⁻⁶", "10⁻¹"), labels);
        // room for one: still one
        assertEquals(1, Ticks.of(r, 1).stream().filter(Ticks.Tick::major).count());
    }

    @Test
    void sixDecadesGetALabelEveryDecadeAndMinorTicksBetween() {
        AxisRange r = Ranges.of(Axis.LOG, List.of(new double[] {1e-3, 0.5, 1e3}));
        List<Ticks.Tick> ticks = Ticks.of(r, 10);
        assertEquals(List.of("10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²", "10³"), labels(ticks));
        long minor = ticks.stream().filter(t -> !t.major() && t.position() > -3 && t.position() < 3).count();
        assertEquals(6 * 8, minor, "2…9 in each of the six decades");
        for (Ticks.Tick t : ticks) {
            assertFalse(t.label().contains("^") || t.label().contains(".0"), t.label());
        }
    }

    @Test
    void manyDecadesLabelEveryKthButKeepATickAtEachDecade() {
        AxisRange r = new AxisRange(Scale.of(Axis.LOG), -30, 0);
        List<Ticks.Tick> ticks = Ticks.of(r, 8);
        assertEquals(List.of("10⁻³⁰", "10⁻²⁵", "10⁻²⁰", "10⁻¹⁵", "10⁻¹⁰", "10⁻⁵", "10⁰"), labels(ticks));
        assertEquals(31, ticks.size(), "a tick at every decade");
    }

    @Test
    void lessThanTwoDecadesLabelTheMultiplesToo() {
        AxisRange r = Ranges.of(Axis.LOG, List.of(new double[] {0.02, 1.0}));   // a test error from 1 down to 2 %
        assertEquals(List.of("0.02", "0.05", "0.1", "0.2", "0.5", "1"), labels(Ticks.of(r, 10)));
        assertEquals(List.of("10⁻¹", "10⁰"), labels(Ticks.of(r, 2)), "no room: the decades alone");
    }

    @Test
    void aNarrowRangeStillHasTwoLabels() {
        AxisRange r = Ranges.of(Axis.LOG, List.of(new double[] {2.5, 5.7}));
        assertTrue(labels(Ticks.of(r, 10)).size() >= 2, labels(Ticks.of(r, 10)).toString());
    }

    @Test
    void signedLogLabelsZeroAndBothSides() {
        AxisRange r = Ranges.of(Axis.LOG, List.of(new double[] {3.2, 1e-3, -4e7, -7e48}));
        assertTrue(r.scale().signed());
        List<String> l = labels(Ticks.of(r, 12));
        assertTrue(l.contains("0") && l.contains("−10⁴⁵"), l.toString());
        // evenly spread, also with few labels: none crowds another (such as ±10⁰ next to 0)
        List<Double> at = Ticks.of(r, 6).stream().filter(Ticks.Tick::major).map(Ticks.Tick::position).toList();
        double minGap = Double.MAX_VALUE;
        double maxGap = 0;
        for (int i = 1; i < at.size(); i++) {
            minGap = Math.min(minGap, at.get(i) - at.get(i - 1));
            maxGap = Math.max(maxGap, at.get(i) - at.get(i - 1));
        }
        assertTrue(minGap >= 0.5 * maxGap, l + ": gaps " + minGap + " … " + maxGap);
    }

    @Test
    void baseTwoReadsPowersOfTwo() {
        AxisRange r = Ranges.of(Axis.LOG2, List.of(new double[] {2, 1024}));
        assertEquals(List.of("2¹", "2²", "2³", "2⁴", "2⁵", "2⁶", "2⁷", "2⁸", "2⁹", "2¹⁰"), labels(Ticks.of(r, 12)));
    }

    @Test
    void unitIntervalAndStepsReadPlainNumbers() {
        AxisRange unit = Ranges.of(Axis.UNIT_INTERVAL, List.of(new double[] {0.9, 1.0}));
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1.0"), labels(Ticks.of(unit, 6)));
        AxisRange steps = Ranges.of(Axis.STEPS, List.of(new double[] {0, 8}));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8"), labels(Ticks.of(steps, 10)));
        AxisRange many = Ranges.of(Axis.STEPS, List.of(new double[] {0, 1050}));
        assertEquals(List.of("0", "200", "400", "600", "800", "1000"), labels(Ticks.of(many, 6)));
    }

    @Test
    void superscriptsAndDecimals() {
        assertEquals("⁻¹²", Ticks.superscript(-12));
        assertEquals("10⁰", Ticks.power(10, 0, ""));
        assertEquals("2×10⁻⁵", Ticks.multiple(2, -5));
        assertEquals("0.002", Ticks.multiple(2, -3));
        assertEquals("−0.5", Ticks.decimal(-0.5, 0.1, 1));
        assertEquals("2×10⁷", Ticks.decimal(2e7, 1e7, 3e7));
    }
}
