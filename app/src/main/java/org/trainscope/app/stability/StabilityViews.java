package org.trainscope.app.stability;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;

/** The views of the stability family, by experiment id (one registration line in {@code Views}). */
public final class StabilityViews {
    private StabilityViews() {
    }

    /** {@code noise-stability} → {@link StabilityView}; {@code compression} → {@link CompressionView}. */
    public static ExperimentView create(String id, PlaybackModel model) {
        return switch (id) {
            case "compression" -> new CompressionView(model);
            default -> new StabilityView(model);
        };
    }
}
