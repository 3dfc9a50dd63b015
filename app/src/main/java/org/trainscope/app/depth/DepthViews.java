package org.trainscope.app.depth;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.ExperimentType;

/** The view of each depth experiment (one registration line in {@code Views}). */
public final class DepthViews {
    private DepthViews() {
    }

    public static ExperimentView create(ExperimentType type, PlaybackModel model) {
        return switch (type.id()) {
            case "sawtooth" -> new SawtoothView(model);
            case "shallow-approx" -> new ShallowApproxView(model);
            case "depth-separation" -> new DepthSeparationView(model);
            default -> throw new IllegalArgumentException("no depth view for " + type.id());
        };
    }
}
