package org.trainscope.engine;

import java.util.List;

import org.trainscope.engine.depth.DepthSeparationExperiment;
import org.trainscope.engine.depth.SawtoothExperiment;
import org.trainscope.engine.depth.ShallowApproxExperiment;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.generalization.ClassifierPlaygroundExperiment;
import org.trainscope.engine.generalization.CurveFittingExperiment;
import org.trainscope.engine.generalization.NtkExperiment;
import org.trainscope.engine.generalization.UniversalApproxExperiment;
import org.trainscope.engine.generalization.RandomLabelsExperiment;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.microscope.ActivationsExperiment;
import org.trainscope.engine.microscope.BackpropStepsExperiment;
import org.trainscope.engine.optimization.ExpLrExperiment;
import org.trainscope.engine.optimization.L4AccelerationExperiment;
import org.trainscope.engine.optimization.NetLandscapeExperiment;
import org.trainscope.engine.optimization.SgdVsGdExperiment;
import org.trainscope.engine.optimization.SharpnessExperiment;
import org.trainscope.engine.spectrum.CompletionSweepExperiment;
import org.trainscope.engine.spectrum.DeepMatrixFactorizationExperiment;
import org.trainscope.engine.spectrum.DepthComparisonExperiment;
import org.trainscope.engine.spectrum.NuclearNormExperiment;
import org.trainscope.engine.stability.CompressionExperiment;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/**
 * Every built-in experiment, in the order a user meets them. It lives above the families, so the experiments API
 * ({@code experiment}) depends on none of them.
 */
public final class Experiments {
    private Experiments() {
    }

    /** The built-in experiments. */
    public static Registry standard() {
        return new Registry(List.of(
                LandscapeExperiment.TYPE,
                SawtoothExperiment.TYPE, ShallowApproxExperiment.TYPE, DepthSeparationExperiment.TYPE,
                DeepMatrixFactorizationExperiment.TYPE, DepthComparisonExperiment.TYPE, NuclearNormExperiment.TYPE,
                CompletionSweepExperiment.TYPE,
                NoiseStabilityExperiment.TYPE, CompressionExperiment.TYPE,
                SgdVsGdExperiment.TYPE, L4AccelerationExperiment.TYPE, ExpLrExperiment.TYPE,
                SharpnessExperiment.TYPE, NetLandscapeExperiment.TYPE,
                CurveFittingExperiment.TYPE, RandomLabelsExperiment.TYPE, ClassifierPlaygroundExperiment.TYPE,
                NtkExperiment.TYPE, UniversalApproxExperiment.TYPE,
                BackpropStepsExperiment.TYPE, ActivationsExperiment.TYPE));
    }
}
