package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Frame;

/** The boxes' sides are √G per axis from the frame, at a 1-2-5 scale that keeps the largest readable. */
class BoxesLayerTest {
    /** √ of the frame's accumulators, exactly (Math.sqrt is correctly rounded); NaN for a rule without one. */
    @Test
    void sidesAreTheSquareRootsOfTheAccumulators() {
        Frame f = Frame.builder(3).scalar("adagrad.acc1", 16).scalar("adagrad.acc2", 2.25).scalar("adagrad.diverged", 0)
                .scalar("gd.acc1", Double.NaN).scalar("gd.acc2", Double.NaN).scalar("gd.diverged", 0)
                .scalar("adam.acc1", 9).scalar("adam.acc2", 9).scalar("adam.diverged", 1).build();
        double[] s = BoxesLayer.sides(f, List.of("adagrad", "gd", "adam"));
        assertEquals(4.0, s[0], 0.0);
        assertEquals(1.5, s[1], 0.0);
        assertTrue(Double.isNaN(s[2]) && Double.isNaN(s[3]), "gd keeps no accumulator: no box");
        assertTrue(Double.isNaN(s[4]) && Double.isNaN(s[5]), "a diverged racer gets no box");
    }

    /** The largest side lands in (40 %, 100 %] of LARGEST_PX, on a 1-2-5 step: 228 → ×0.2 px (45.6 px of 90). */
    @Test
    void theScaleIsAOneTwoFiveStepThatFitsTheLargestSide() {
        assertEquals(0.2, BoxesLayer.scale(228), 1e-15);
        assertEquals(5, BoxesLayer.scale(18), 1e-15);      // 90 px exactly fits
        for (double largest : new double[] {1e-6, 0.03, 1, 7.7, 228, 5e5}) {
            double px = largest * BoxesLayer.scale(largest);
            assertTrue(px <= BoxesLayer.LARGEST_PX * (1 + 1e-12) && px > 0.4 * BoxesLayer.LARGEST_PX, largest + " → " + px);
        }
    }
}
