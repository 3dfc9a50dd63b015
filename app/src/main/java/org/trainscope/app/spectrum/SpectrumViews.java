package org.trainscope.app.spectrum;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;

/** The view for each experiment of the spectrum family (one registration line in {@code Views}). */
public final class SpectrumViews {
    /** The experiment ids this package has views for. */
    public static final java.util.List<String> IDS = java.util.List.of("deep-matrix-factorization", "nuclear-norm", "depth-comparison", "completion-sweep");

    private SpectrumViews() {
    }

    public static ExperimentView create(String id, PlaybackModel model) {
        return switch (id) {
            case "completion-sweep" -> new SweepView(model);
            case "depth-comparison" -> new DepthComparisonView(model);
            default -> new SpectrumView(model);
        };
    }
}
