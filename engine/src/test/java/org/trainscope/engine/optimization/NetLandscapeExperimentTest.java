package org.trainscope.engine.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;

/** The loss landscape of a trained net: filter normalization, the slice's centre, PCA directions, the run's phases. */
class NetLandscapeExperimentTest {
    private static final String[] SMALL = {"train_steps=20", "n=100", "hidden=8", "resolution=11", "record_every=2"};

    private static NetLandscapeExperiment create(long seed, String... assignments) {
        Params p = NetLandscapeExperiment.TYPE.defaults();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            p = p.with(a.substring(0, eq), a.substring(eq + 1));
        }
        return (NetLandscapeExperiment) NetLandscapeExperiment.TYPE.create(p, seed);
    }

    private static String[] small(String... more) {
        List<String> all = new ArrayList<>(List.of(SMALL));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /** Runs to the end of the grid; returns the last frame. */
    private static Frame finish(NetLandscapeExperiment e) {
        Frame f = e.frame();
        while (true) {
            try {
                f = e.step();
            } catch (EndOfRunException end) {
                return f;
            }
        }
    }

    /**
     * Each unit's incoming weights of a filter-normalized direction have the norm of θ*'s: ‖d_row‖ = ‖θ*_row‖, to
     * rounding (1e-12 relative: one rescaling of a sum of ≤ 64 squares); the biases' entries are 0.
     */
    @Test
    void filterNormalizationPreservesEachUnitsNorm() {
        NetLandscapeExperiment e = create(1, small());
        TanhMlp net = e.trainNet();
        double[] center = e.theta();
        double[] d = LossSlice.filterNormalized(net, center, new Rng(4));
        for (int l = 1; l <= net.layers(); l++) {
            int in = net.size(l - 1);
            int w = net.offset(l);
            for (int i = 0; i < net.size(l); i++) {
                double dn = 0;
                double cn = 0;
                for (int j = 0; j < in; j++) {
                    dn += d[w + i * in + j] * d[w + i * in + j];
                    cn += center[w + i * in + j] * center[w + i * in + j];
                }
                assertEquals(Math.sqrt(cn), Math.sqrt(dn), 1e-12 * Math.sqrt(cn), "layer " + l + " unit " + i);
                assertEquals(0, d[w + net.size(l) * in + i], 0, "bias direction");
            }
        }
    }

    /**
     * The landscape's centre equals the trained loss, exactly: the grid's middle node is θ* + 0·δ + 0·η = θ*, bit for
     * bit, evaluated by the same net on the same data. And every grid value is a loss at least the grid's min.
     */
    @Test
    void theLandscapesCentreEqualsTheTrainedLoss() {
        for (String directions : List.of("filter", "pca")) {
            Frame f = finish(create(2, small("directions=" + directions)));
            assertEquals(f.scalar(NetLandscapeExperiment.TRAIN_LOSS), f.scalar(NetLandscapeExperiment.CENTER_LOSS), 0,
                    directions);
            assertEquals(1.0, f.scalar(NetLandscapeExperiment.PROGRESS), 0);
            double[] grid = f.series(NetLandscapeExperiment.GRID);
            assertEquals(11 * 11, grid.length);
            for (double v : grid) {
                assertTrue(v >= f.scalar(NetLandscapeExperiment.GRID_MIN) && v <= f.scalar(NetLandscapeExperiment.GRID_MAX));
            }
            double[] pa = f.series(NetLandscapeExperiment.PATH_ALPHA);
            double[] pb = f.series(NetLandscapeExperiment.PATH_BETA);
            assertEquals(0, pa[pa.length - 1], 1e-12, "the path ends at θ*, the origin of the plane");
            assertEquals(0, pb[pb.length - 1], 1e-12);
        }
    }

    /** PCA directions are orthonormal (to 1e-12: normalized after a sum over the trajectory). */
    @Test
    void principalDirectionsAreOrthonormal() {
        NetLandscapeExperiment e = create(3, small("directions=pca"));
        finish(e);
        double[][] d = e.directions();
        assertEquals(1, Lanczos.dot(d[0], d[0]), 1e-12);
        assertEquals(1, Lanczos.dot(d[1], d[1]), 1e-12);
        assertEquals(0, Lanczos.dot(d[0], d[1]), 1e-9);
    }

    /** The 1-D interpolation passes through θ₀ (t = 0: the start's loss) and θ* (t = 1: the trained loss). */
    @Test
    void theInterpolationRunsFromTheStartToTheTrainedNet() {
        NetLandscapeExperiment e = create(4, small());
        double start = e.frame().scalar(NetLandscapeExperiment.TRAIN_LOSS);
        Frame f = finish(e);
        double[] t = f.series(NetLandscapeExperiment.INTERP_T);
        double[] loss = f.series(NetLandscapeExperiment.INTERP_TRAIN);
        for (int k = 0; k < t.length; k++) {
            if (Math.abs(t[k]) < 1e-12) {
                assertEquals(start, loss[k], 1e-12);
            }
            if (Math.abs(t[k] - 1) < 1e-12) {
                assertEquals(f.scalar(NetLandscapeExperiment.TRAIN_LOSS), loss[k], 1e-12);
            }
        }
    }

    @Test
    void sameSeedSameFramesAndARestoredSnapshotRepeatsThemAlsoMidGrid() {
        NetLandscapeExperiment a = create(5, small());
        NetLandscapeExperiment b = create(5, small());
        Snapshot mid = null;
        List<Frame> after = new ArrayList<>();
        for (int t = 0; t < 23; t++) {                 // 20 training steps, then 3 of the grid's
            assertEquals(a.step(), b.step());
            if (t == 21) {
                mid = a.snapshot();
            } else if (t > 21) {
                after.add(a.frame());
            }
        }
        a.restore(mid);
        for (Frame expected : after) {
            assertEquals(expected, a.step());
        }
    }

    @Test
    void anEvenResolutionIsRefused() {
        ParamException e = assertThrows(ParamException.class, () -> create(0, "resolution=50"));
        assertTrue(e.getMessage().startsWith("resolution:"), e.getMessage());
    }
}
