package org.trainscope.app.depth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.trainscope.engine.depth.SawtoothExperiment;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;

/**
 * The sawtooth drawn through its breakpoints against the engine's s_m (the network's output on a dyadic grid). Every
 * value involved is a dyadic rational a double holds exactly, so 1e-12 only allows for the interpolation's rounding.
 */
class SawtoothShapeTest {
    @Test
    void theExactPolylineAtDepthTenHasTwoToTheMPiecesAndIsTheFramesSawtooth() {
        Params p = SawtoothExperiment.TYPE.defaults().with("max_depth", "10");
        Experiment e = SawtoothExperiment.TYPE.create(p, 0);
        Frame f = e.frame();
        for (int m = 2; m <= 10; m++) {
            f = e.step();
        }
        assertEquals(10, f.scalar(SawtoothExperiment.M));
        double[][] poly = SawtoothShape.polyline(10);
        assertEquals(1 << 10, poly[0].length - 1, "2^m pieces");
        assertEquals(f.scalar(SawtoothExperiment.S_PIECES), poly[0].length - 1, "as the engine counts them");
        double[] x = f.series(SawtoothExperiment.X);
        double[] s = f.series(SawtoothExperiment.S);
        assertTrue(x.length > poly[0].length, "the grid is finer than the breakpoints, so the check is not circular");
        for (int i = 0; i < x.length; i++) {
            assertEquals(s[i], interpolate(poly, x[i]), 1e-12, "s_10 at x = " + x[i]);
        }
        double[] tips = new double[1 << 9];
        for (int j = 0; j < tips.length; j++) {
            tips[j] = poly[0][2 * j + 1];
        }
        assertArrayEquals(f.series(SawtoothExperiment.TEETH_X), tips, 1e-15, "the tips are the odd breakpoints");
    }

    @Test
    void theInsetAppearsOnlyWhenTeethAreDenserThanThreePixels() {
        assertFalse(SawtoothShape.needsInset(64, 500));
        assertTrue(SawtoothShape.needsInset(512, 500));
        assertEquals(1.0 / 64, SawtoothShape.insetEnd(10), 0, "the first 8 teeth of s_10: [0, 1/2^6]");
        assertEquals(8, SawtoothShape.upTo(SawtoothShape.polyline(10)[0], SawtoothShape.insetEnd(10)).length / 2);
    }

    private static double interpolate(double[][] poly, double x) {
        double[] xs = poly[0];
        int k = Math.min(xs.length - 2, (int) Math.floor(x * (xs.length - 1)));
        double t = (x - xs[k]) / (xs[k + 1] - xs[k]);
        return poly[1][k] + t * (poly[1][k + 1] - poly[1][k]);
    }
}
