package org.trainscope.engine.stability;

import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.stability.NoiseStabilityExperiment.Config;

/**
 * What a step of the noise-stability net may cost, counted in multiply-adds from its shape and data rather than
 * timed, so that the same params are allowed on every machine; params beyond it are refused, naming them.
 */
final class StabilityBudget {
    private StabilityBudget() {
    }

    /**
     * Multiply-adds a step may take, ~200 ms here; counted, not timed, so the same params are allowed everywhere. A
     * training step is ≈ 3·batch·weights (forward, then back through the weights and into their gradients, in FLOAT);
     * a probe step adds ≈ (train + test)·weights for the scores, 2(D + 1)·probe_size·weights for the noise injected
     * at every layer, and 4mn·min(m, n) per m×n layer for its singular values.
     */
    static final double STEP_WORK = 6e9;
    /** The training step's share: its GEMMs are narrow (a batch of 64 by default), ~10¹⁰ multiply-adds a second. */
    static final double TRAIN_WORK = 2e9;

    /**
     * Refuses a net and data whose training step or probe step (if {@code probeSize} > 0) would take far longer than a
     * frame should.
     */
    static void check(Config c, int[] sizes, int batch, int probeSize, int examples) {
        double weights = 0;
        double svd = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            double m = sizes[i];
            double n = sizes[i + 1];
            weights += m * n;
            svd += 4 * m * n * Math.min(m, n);
        }
        String net = " a net of width = " + c.width() + ", depth = " + c.depth() + " (" + (long) weights + " weights)";
        if (3 * batch * weights > TRAIN_WORK) {
            throw new ParamException("batch", "batch: " + batch + " examples a step through" + net
                    + " take too long for a step (~200 ms); at most " + (long) (TRAIN_WORK / (3 * weights)) + " here");
        }
        double probe = examples * weights + 2.0 * (c.depth() + 1) * probeSize * weights + svd;
        if (probeSize > 0 && probe > STEP_WORK) {
            throw new ParamException("width", "width: probing" + net + " on " + examples + " examples (data = "
                    + c.data() + ", points = " + c.points() + ") with probe_size = " + probeSize
                    + " takes too long for a step (~200 ms); lower width, depth, probe_size or points");
        }
    }
}
