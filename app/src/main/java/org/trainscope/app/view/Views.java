package org.trainscope.app.view;

import java.util.concurrent.Executor;

import org.trainscope.app.landscape.LandscapeView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.ExperimentType;

/** Chooses the view for an experiment type. */
public final class Views {
    private Views() {
    }

    /**
     * @param renderExecutor where views render heavy images (never the FX thread)
     */
    public static ExperimentView create(ExperimentType type, PlaybackModel model, Executor renderExecutor) {
        return switch (type.id()) {
            case "landscape" -> new LandscapeView(model, renderExecutor);
            case "deep-matrix-factorization", "nuclear-norm", "depth-comparison", "completion-sweep" -> org.trainscope.app.spectrum.SpectrumViews.create(type.id(), model);
            default -> new ScalarsView(model);
        };
    }
}
