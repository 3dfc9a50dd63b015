package org.trainscope.engine.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.trainscope.engine.depth.DepthSeparationExperiment.DEEP_LOSS;
import static org.trainscope.engine.depth.DepthSeparationExperiment.DEEP_PARAMS;
import static org.trainscope.engine.depth.DepthSeparationExperiment.DEEP_PIECES;
import static org.trainscope.engine.depth.DepthSeparationExperiment.SHALLOW_LAYER_WIDTH;
import static org.trainscope.engine.depth.DepthSeparationExperiment.SHALLOW_LOSS;
import static org.trainscope.engine.depth.DepthSeparationExperiment.SHALLOW_PARAMS;
import static org.trainscope.engine.depth.DepthSeparationExperiment.SHALLOW_PIECES;
import static org.trainscope.engine.depth.DepthSeparationExperiment.TARGET_PIECES;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.linalg.Nd4jRuntime;

/** Deep narrow against shallow wide: same budget, determinism, exact forks, and the piece-count theorem. */
class DepthSeparationExperimentTest {
    static {
        Nd4jRuntime.init();
    }

    private static List<Frame> run(Params p, long seed, int steps) {
        Experiment e = DepthSeparationExperiment.TYPE.create(p, seed);
        List<Frame> frames = new ArrayList<>();
        frames.add(e.frame());
        for (int i = 0; i < steps; i++) {
            frames.add(e.step());
        }
        return frames;
    }

    @Test
    void deterministicPerSeedForBothInits() {
        for (String init : List.of("construction", "random")) {
            Params p = DepthSeparationExperiment.TYPE.defaults().with("init", init);
            List<Frame> a = run(p, 7, 15);
            assertEquals(a, run(p, 7, 15), init + ": same seed, same frames bit for bit");
            assertNotEquals(a.get(15), run(p, 8, 15).get(15), init + ": another seed, another run");
        }
    }

    @Test
    void snapshotForksExactly() {
        Experiment e = DepthSeparationExperiment.TYPE.create(DepthSeparationExperiment.TYPE.defaults(), 3);
        for (int i = 0; i < 5; i++) {
            e.step();
        }
        Snapshot s = e.snapshot();
        List<Frame> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(e.step());
        }
        e.restore(s);
        for (int i = 0; i < 5; i++) {
            assertEquals(first.get(i), e.step(), "weights, Adam moments and step restored");
        }
    }

    /** m = 4: deep 1→3→3→3→3→1 has 6 + 3·12 + 4 = 46 parameters; shallow 1→15→1 has 3·15 + 1 = 46. */
    @Test
    void equalBudgetsAndThePieceBound() {
        Frame f = run(DepthSeparationExperiment.TYPE.defaults().with("init", "random"), 1, 10).get(10);
        assertEquals(46, f.scalar(DEEP_PARAMS));
        assertEquals(46, f.scalar(SHALLOW_PARAMS));
        assertEquals(16, f.scalar(TARGET_PIECES));
        // Any depth-2 ReLU net of width w is linear between its ≤ w kinks: at most w + 1 pieces.
        assertTrue(f.scalar(SHALLOW_PIECES) <= f.scalar(SHALLOW_LAYER_WIDTH) + 1);
        for (int m = 1; m <= 8; m++) {
            int deep = DepthSeparationExperiment.deepParams(m);
            int shallow = 3 * DepthSeparationExperiment.shallowWidth(m) + 1;
            assertTrue(Math.abs(deep - shallow) <= 1, "m = " + m + ": " + deep + " vs " + shallow);
        }
    }

    /**
     * With noise 0 the deep net starts at the exact s_m: its loss is rounding only (outputs ≤ 1 after 4 layers,
     * error ≲ 2^4·1e-16, squared ≈ 1e-29 — below 1e-24), its pieces are s_m's 2^m. The shallow interpolant at 15
     * points of [0, 1] cannot: it has ≤ 16 pieces and misses teeth, so its loss stays far above.
     */
    @Test
    void exactConstructionAtNoiseZero() {
        Frame f = run(DepthSeparationExperiment.TYPE.defaults().with("noise", "0"), 0, 0).get(0);
        assertTrue(f.scalar(DEEP_LOSS) < 1e-24, "deep loss " + f.scalar(DEEP_LOSS));
        assertEquals(16, f.scalar(DEEP_PIECES));
        assertTrue(f.scalar(SHALLOW_LOSS) > 1e-3, "shallow loss " + f.scalar(SHALLOW_LOSS));
    }

    /** The keys are the public format (CLI columns, saved runs): pinned here by name, in order, for both inits. */
    @Test
    void frameKeysAreThePublicFormat() {
        for (String init : List.of("construction", "random")) {
            Frame f = run(DepthSeparationExperiment.TYPE.defaults().with("init", init), 0, 1).get(1);
            assertEquals(List.of("deep.loss", "shallow.loss", "deep.pieces", "shallow.pieces", "deep.params",
                    "shallow.params", "deep.width", "shallow.width", "target.pieces"), f.scalarNames(), init);
            assertEquals(List.of("x", "target", "deep", "shallow", "data_x", "data_y"), f.seriesNames(), init);
            assertEquals(List.of(), DepthSeparationExperiment.TYPE.mismatches(f), init);
        }
    }

    @Test
    void aDivergingRunStopsAtTheLastGoodFrame() {
        Experiment e = DepthSeparationExperiment.TYPE.create(DepthSeparationExperiment.TYPE.defaults()
                .with("optimizer", "gd").with("lr", "10"), 0);
        Frame last = e.frame();
        DivergedException ex = assertThrows(DivergedException.class, () -> {
            for (int i = 0; i < 200; i++) {
                e.step();
            }
        });
        assertTrue(ex.getMessage().contains("lr"), ex.getMessage());
        Frame now = e.frame();
        assertTrue(Double.isFinite(now.scalar(DEEP_LOSS)) && Double.isFinite(now.scalar(SHALLOW_LOSS)));
        assertTrue(now.step() >= last.step());
    }
}
