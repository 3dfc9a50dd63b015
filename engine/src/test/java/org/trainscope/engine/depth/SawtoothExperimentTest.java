package org.trainscope.engine.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.Nd4jRuntime;
import org.trainscope.engine.nn.Network;

/** The constructions of lecture 002 against the slide's closed forms. */
class SawtoothExperimentTest {
    static {
        Nd4jRuntime.init();
    }

    /** Teeth 2^(m−1) and pieces 2^m of s_m on [0, 1], read from the network's weights, for m ≤ 12 and both tents. */
    @ParameterizedTest
    @EnumSource(SawtoothNets.Tent.class)
    void teethDoubleAndPiecesAre2ToTheM(SawtoothNets.Tent tent) {
        for (int m = 1; m <= 12; m++) {
            PiecewiseLinear s = Breakpoints.of(SawtoothNets.sawtooth(m, tent), 0, 1);
            assertEquals(1 << (m - 1), s.teeth().length, "teeth of s_" + m);
            assertEquals(1 << m, s.pieces(), "pieces of s_" + m);
            double[] b = s.breakpoints();
            for (int k = 0; k < b.length; k++) {
                assertEquals(k / Math.scalb(1.0, m), b[k], 0.0, "breakpoint k/2^m, exact in binary");
            }
        }
    }

    /**
     * ‖g_m − x²‖∞ = 4^−(m+1) (lecture 002, "Lemma"), from the ND4J outputs at the breakpoints. Every weight is a
     * power of two times 1 or 2 and every breakpoint is dyadic, so the outputs are exact dyadics; the only rounding
     * is in the peak x*² (one multiplication), far below the 1e-12 relative tolerance the issue asks for.
     */
    @Test
    void squareErrorIsFourToTheMinusMPlusOne() {
        Params p = SawtoothExperiment.TYPE.defaults().with("max_depth", "11");
        Experiment e = SawtoothExperiment.TYPE.create(p, 0);
        for (int m = 1; m <= 11; m++) {
            Frame f = m == 1 ? e.frame() : e.step();
            double bound = Math.pow(4, -(m + 1));
            assertEquals(m, f.scalar("m"));
            assertEquals(bound, f.scalar("g_sup_error"), 1e-12 * bound, "g_" + m);
            assertEquals(bound, f.scalar("abs_sup_error"), 1e-12 * bound, "x² on [−1, 1] via |x|, m = " + m);
            // |e(|p|) − e(|q|)| ≤ 4^−(m+1), reached on the diagonal at x = y = 2^−(m+1), which the dyadic grid holds
            assertEquals(bound, f.scalar("prod_sup_error"), 1e-12 * bound, "product, m = " + m);
            assertEquals(1 << (m - 1), f.scalar("s_teeth"));
            assertEquals(1 << m, f.scalar("s_pieces"));
            assertEquals(1 << m, f.scalar("g_pieces"), "g_m is the interpolant at k/2^m: 2^m pieces");
        }
    }

    /**
     * The slide's lemma s_m((k + t)/2^(m−1)) = 2t (t ≤ ½), 2 − 2t (t ≥ ½), at random k and t, through ND4J. Each
     * layer doubles an input error (|s'| = 2) and adds a rounding of ≈ 2^−52, so after m ≤ 12 layers the error is
     * below 2^m·4·2^−52 ≈ 4e-12: the tolerance 1e-11.
     */
    @ParameterizedTest
    @EnumSource(SawtoothNets.Tent.class)
    void sawtoothLemmaAtRandomPoints(SawtoothNets.Tent tent) {
        Rng rng = new Rng(42);
        for (int m = 1; m <= 12; m++) {
            Network s = SawtoothNets.sawtooth(m, tent);
            int n = 200;
            double[] xs = new double[n];
            double[] expected = new double[n];
            int half = 1 << (m - 1);
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(half);
                double t = rng.nextDouble();
                xs[i] = (k + t) / half;
                expected[i] = t <= 0.5 ? 2 * t : 2 - 2 * t;
            }
            double[] got = Nets.eval(s, xs);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], got[i], 1e-11, "s_" + m + "(" + xs[i] + ")");
            }
        }
    }

    /** The breakpoint reader agrees with the ND4J forward pass at every knot (same weights, two code paths). */
    @Test
    void breakpointValuesMatchTheForwardPass() {
        Network g = SawtoothNets.square(7, SawtoothNets.Tent.SLIDE);
        PiecewiseLinear exact = Breakpoints.of(g, 0, 1);
        double[] nd4j = Nets.eval(g, exact.knots());
        double[] values = exact.values();
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], nd4j[i], 0.0, "dyadic weights and knots: both exact");
        }
    }

    /** True widths and parameter counts: tent units + one carry; Σ (fan_in + 1)·fan_out. */
    @Test
    void widthsAndParameterCounts() {
        Experiment slide = SawtoothExperiment.TYPE.create(SawtoothExperiment.TYPE.defaults(), 0);
        Frame f = slide.step();            // m = 2
        assertEquals(4, f.scalar("g_width"));
        assertEquals(3, f.scalar("s_width"));
        assertEquals(2 * 4 + 5 * 4 + 5, f.scalar("g_params"), "1→4, 4→4, 4→1");
        assertEquals(2 * 3 + 4 * 3 + 4, f.scalar("s_params"), "1→3, 3→3, 3→1");
        assertEquals(8, f.scalar("prod_width"), "two square networks side by side");
        Experiment compact = SawtoothExperiment.TYPE.create(SawtoothExperiment.TYPE.defaults().with("tent", "compact"), 0);
        assertEquals(3, compact.step().scalar("g_width"), "compact tent + carry: the slide's width 3, honestly");
    }

    @Test
    void stopsAtMaxDepthAndRestores() {
        Experiment e = SawtoothExperiment.TYPE.create(SawtoothExperiment.TYPE.defaults().with("max_depth", "3"), 0);
        e.step();
        var snap = e.snapshot();
        Frame at2 = e.frame();
        e.step();
        assertThrows(EndOfRunException.class, e::step);
        assertEquals(3, e.frame().scalar("m"), "state stays at the last good frame");
        e.restore(snap);
        assertEquals(at2, e.frame(), "restore brings back depth 2 exactly");
    }

    @Test
    void piecewiseLinearCountsOnlyRealKinks() {
        PiecewiseLinear f = new PiecewiseLinear(new double[] {0, 0.25, 0.5, 0.75, 1}, new double[] {0, 0.5, 1, 0.5, 0.5});
        assertEquals(3, f.pieces(), "0.25 is not a kink; 0.5 and 0.75 are");
        assertEquals(1, f.teeth().length);
        assertEquals(0.5, f.teeth()[0]);
    }
}
