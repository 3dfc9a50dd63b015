package org.trainscope.engine.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.Nd4jRuntime;
import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.nn.Network;

/** The breakpoint reader against the ND4J forward pass on random networks, and the registry entries. */
class BreakpointsTest {
    static {
        Nd4jRuntime.init();
    }

    /**
     * On random deep and wide ReLU networks the exact function must agree with the forward pass at every knot and at
     * the midpoint of every piece: a missed breakpoint inside a piece would bend the network there, and the midpoint
     * would be off its chord. Both paths sum the same few products in a different order: values of size ≤ 10 after
     * ≤ 6 layers of ≤ 16 units differ by ≲ 1e-13, hence the tolerance 1e-11.
     */
    @Test
    void exactFunctionMatchesTheForwardPassAtKnotsAndMidpoints() {
        Rng rng = new Rng(5);
        Init init = Init.gaussian(1.0, rng::nextGaussian);
        for (int[] sizes : List.of(new int[] {1, 3, 3, 3, 3, 3, 1}, new int[] {1, 16, 1}, new int[] {1, 8, 8, 1})) {
            for (int trial = 0; trial < 5; trial++) {
                Network net = Network.of(sizes, Activation.RELU, Activation.IDENTITY, init);
                PiecewiseLinear f = Breakpoints.of(net, -2, 2);
                double[] knots = f.knots();
                double[] values = f.values();
                double[] mids = new double[knots.length - 1];
                for (int i = 0; i < mids.length; i++) {
                    mids[i] = 0.5 * (knots[i] + knots[i + 1]);
                }
                double[] atKnots = Nets.eval(net, knots);
                double[] atMids = Nets.eval(net, mids);
                for (int i = 0; i < knots.length; i++) {
                    assertEquals(atKnots[i], values[i], 1e-11, "knot " + knots[i]);
                }
                for (int i = 0; i < mids.length; i++) {
                    assertEquals(atMids[i], 0.5 * (values[i] + values[i + 1]), 1e-11, "linear on piece " + i);
                }
                if (sizes.length == 3) {
                    assertTrue(f.pieces() <= sizes[1] + 1, "depth 2, width w: at most w + 1 pieces");
                }
            }
        }
    }

    /** The three experiments are registered under the issue's ids and emit the issue's names at their defaults. */
    @Test
    void registeredWithTheIssuesNames() {
        Registry r = Experiments.standard();
        Frame saw = r.get("sawtooth").create(r.get("sawtooth").defaults(), 0).step();
        for (String s : List.of("m", "s_teeth", "s_pieces", "g_sup_error", "g_params")) {
            assertTrue(saw.hasScalar(s), s);
        }
        for (String s : List.of("x", "s", "g")) {
            assertTrue(saw.hasSeries(s), s);
        }
        Frame shallow = r.get("shallow-approx").create(r.get("shallow-approx").defaults(), 0).step();
        assertTrue(shallow.hasScalar("width") && shallow.hasScalar("sup_error"));
        Frame sep = r.get("depth-separation").create(r.get("depth-separation").defaults(), 0).step();
        for (String s : List.of("deep.loss", "shallow.loss", "deep.pieces", "shallow.pieces")) {
            assertTrue(sep.hasScalar(s), s);
        }
        assertTrue(sep.hasSeries("deep") && sep.hasSeries("shallow"));
    }
}
