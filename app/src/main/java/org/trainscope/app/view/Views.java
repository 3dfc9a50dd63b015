package org.trainscope.app.view;

import java.util.concurrent.Executor;

import org.trainscope.app.depth.DepthViews;
import org.trainscope.app.landscape.LandscapeView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.spectrum.SpectrumViews;
import org.trainscope.app.stability.StabilityViews;
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
            case "sawtooth", "shallow-approx", "depth-separation" -> DepthViews.create(type, model);
            case "noise-stability", "compression" -> StabilityViews.create(type.id(), model);
            case "deep-matrix-factorization", "nuclear-norm", "depth-comparison", "completion-sweep" ->
                    SpectrumViews.create(type.id(), model);
            default -> new ScalarsView(model);
        };
    }
}
