package org.trainscope.engine.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.trainscope.engine.depth.DepthSeparationExperiment;
import org.trainscope.engine.depth.SawtoothExperiment;
import org.trainscope.engine.depth.ShallowApproxExperiment;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.spectrum.CompletionSweepExperiment;
import org.trainscope.engine.spectrum.DeepMatrixFactorizationExperiment;
import org.trainscope.engine.spectrum.DepthComparisonExperiment;
import org.trainscope.engine.spectrum.NuclearNormExperiment;
import org.trainscope.engine.stability.CompressionExperiment;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/** Every experiment Trainscope knows, by id, in the order a user meets them. */
public final class Registry {
    private final List<ExperimentType> types;

    public Registry(List<ExperimentType> types) {
        List<String> ids = new ArrayList<>();
        for (ExperimentType t : types) {
            if (ids.contains(t.id())) {
                throw new IllegalArgumentException("duplicate experiment id " + t.id());
            }
            ids.add(t.id());
        }
        this.types = Collections.unmodifiableList(new ArrayList<>(types));
    }

    /** The built-in experiments. */
    public static Registry standard() {
        return new Registry(List.of(
                LandscapeExperiment.TYPE,
                SawtoothExperiment.TYPE, ShallowApproxExperiment.TYPE, DepthSeparationExperiment.TYPE,
                DeepMatrixFactorizationExperiment.TYPE, DepthComparisonExperiment.TYPE, NuclearNormExperiment.TYPE,
                CompletionSweepExperiment.TYPE,
                NoiseStabilityExperiment.TYPE, CompressionExperiment.TYPE));
    }

    public List<ExperimentType> types() {
        return types;
    }

    public Optional<ExperimentType> find(String id) {
        return types.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The type with this id, or an exception listing the known ids. */
    public ExperimentType get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + id + "'; known: "
                + String.join(", ", types.stream().map(ExperimentType::id).toList())));
    }
}
