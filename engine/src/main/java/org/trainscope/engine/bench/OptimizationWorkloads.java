package org.trainscope.engine.bench;

import java.util.List;
import java.util.Map;

import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optimization.NetLandscapeExperiment;
import org.trainscope.engine.optimization.SharpnessExperiment;

/** The optimization family's extra workloads: the sharpness alone (no peers run these). */
final class OptimizationWorkloads {
    private OptimizationWorkloads() {
    }

    static List<BenchWorkload> workloads(String experimentId) {
        return experimentId.equals("sharpness") ? List.of(topEigenvalue()) : List.of(landscapeGrid());
    }

    /** λ₁(∇²L) at the default net after 20 steps, by warm-started Lanczos, in eigenvalues per second. */
    static BenchWorkload topEigenvalue() {
        return new BenchWorkload("sharpness.top-eigenvalue default net (256 digits, 64-32-32-10)", "eigenvalues", () -> {
            SharpnessExperiment e = (SharpnessExperiment) SharpnessExperiment.TYPE.create(
                    SharpnessExperiment.TYPE.defaults(), 0);
            for (int t = 0; t < 20; t++) {
                e.step();
            }
            return () -> Double.isFinite(e.topEigenvalue()) ? 1 : 0;
        }, peers -> Map.of());
    }

    /**
     * The whole 51×51 grid over the training set at the default net, after training: from the trained state, every
     * grid step (directions, path, interpolation and all rows), in grids per second.
     */
    static BenchWorkload landscapeGrid() {
        return new BenchWorkload("net-landscape.grid 51x51 default net (500 digits, 64-16-16-10)", "grids", () -> {
            Experiment e = NetLandscapeExperiment.TYPE.create(NetLandscapeExperiment.TYPE.defaults(), 0);
            int trainSteps = e.params().integer("train_steps");
            for (int t = 0; t < trainSteps; t++) {
                e.step();
            }
            Snapshot trained = e.snapshot();
            int gridSteps = NetLandscapeExperiment.TYPE.defaultSteps() - trainSteps;
            return () -> {
                e.restore(trained);
                for (int t = 0; t < gridSteps; t++) {
                    e.step();
                }
                return 1;
            };
        }, peers -> Map.of());
    }
}
