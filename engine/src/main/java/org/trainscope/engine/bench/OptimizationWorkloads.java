package org.trainscope.engine.bench;

import java.util.List;
import java.util.Map;

import org.trainscope.engine.optimization.SharpnessExperiment;

/** The optimization family's extra workloads: the sharpness alone (no peers run these). */
final class OptimizationWorkloads {
    private OptimizationWorkloads() {
    }

    static List<BenchWorkload> workloads(String experimentId) {
        if (experimentId.equals("sharpness")) {
            return List.of(topEigenvalue());
        }
        return List.of();
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
}
