package org.trainscope.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.trainscope.app.depth.DepthSeparationView;
import org.trainscope.app.depth.SawtoothView;
import org.trainscope.app.depth.ShallowApproxView;
import org.trainscope.app.landscape.LandscapeView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.spectrum.DepthComparisonView;
import org.trainscope.app.spectrum.SpectrumView;
import org.trainscope.app.spectrum.SweepView;
import org.trainscope.app.stability.CompressionView;
import org.trainscope.app.stability.StabilityView;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.depth.DepthSeparationExperiment;
import org.trainscope.engine.depth.SawtoothExperiment;
import org.trainscope.engine.depth.ShallowApproxExperiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.spectrum.CompletionSweepExperiment;
import org.trainscope.engine.spectrum.DeepMatrixFactorizationExperiment;
import org.trainscope.engine.spectrum.DepthComparisonExperiment;
import org.trainscope.engine.spectrum.NuclearNormExperiment;
import org.trainscope.engine.stability.CompressionExperiment;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/**
 * The view of each experiment: one line per experiment, beside the main window's wiring. A new experiment adds its
 * line here and its definition to {@link org.trainscope.engine.Experiments}; a test checks that every registered
 * experiment has a view.
 */
public final class ExperimentViews {
    /** Builds the view of one experiment, given the model it plays and where heavy images render (never the FX thread). */
    @FunctionalInterface
    public interface Factory {
        ExperimentView create(PlaybackModel model, Executor renderExecutor);
    }

    private static final Map<ExperimentDef, Factory> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put(LandscapeExperiment.TYPE, LandscapeView::new);
        VIEWS.put(SawtoothExperiment.TYPE, (m, r) -> new SawtoothView(m));
        VIEWS.put(ShallowApproxExperiment.TYPE, (m, r) -> new ShallowApproxView(m));
        VIEWS.put(DepthSeparationExperiment.TYPE, (m, r) -> new DepthSeparationView(m));
        VIEWS.put(DeepMatrixFactorizationExperiment.TYPE, (m, r) -> new SpectrumView(m));
        VIEWS.put(DepthComparisonExperiment.TYPE, (m, r) -> new DepthComparisonView(m));
        VIEWS.put(NuclearNormExperiment.TYPE, (m, r) -> new SpectrumView(m));
        VIEWS.put(CompletionSweepExperiment.TYPE, (m, r) -> new SweepView(m));
        VIEWS.put(NoiseStabilityExperiment.TYPE, (m, r) -> new StabilityView(m));
        VIEWS.put(CompressionExperiment.TYPE, (m, r) -> new CompressionView(m));
    }

    private ExperimentViews() {
    }

    /** True if the experiment has a view. */
    public static boolean has(ExperimentDef type) {
        return VIEWS.containsKey(type);
    }

    /** The view of {@code type}, playing {@code model}. */
    public static ExperimentView create(ExperimentDef type, PlaybackModel model, Executor renderExecutor) {
        Factory f = VIEWS.get(type);
        if (f == null) {
            throw new IllegalArgumentException("no view for experiment '" + type.id() + "'; add it to ExperimentViews");
        }
        return f.create(model, renderExecutor);
    }
}
