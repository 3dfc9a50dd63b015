package org.trainscope.app.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/** Pure functions from a noise-stability frame to the curves of its panels: nothing here touches the scene. */
final class ProbeCharts {
    /** One curve: its identity (colour: {@code "layer i"}, {@code "input"}), legend label and points. */
    record Curve(String identity, String label, double[] x, double[] y) {
    }

    private ProbeCharts() {
    }

    /** Number of weight layers D in the frame (layers with a {@code cushion.<i>.hist}). */
    static int depth(Frame f) {
        int d = 0;
        while (f.hasSeries(NoiseStabilityExperiment.CUSHION_HIST.of(d + 1))) {
            d++;
        }
        return d;
    }

    /** One outlined histogram per layer: a step curve through the bin edges, height = fraction of the probe set. */
    static List<Curve> cushionHistograms(Frame f) {
        List<Curve> out = new ArrayList<>();
        for (int i = 1; i <= depth(f); i++) {
            double[] hist = f.series(NoiseStabilityExperiment.CUSHION_HIST.of(i));
            double[] edges = f.series(NoiseStabilityExperiment.CUSHION_EDGES.of(i));
            double[] x = new double[2 * hist.length + 2];
            double[] y = new double[x.length];
            x[0] = edges[0];
            for (int b = 0; b < hist.length; b++) {
                x[2 * b + 1] = edges[b];
                y[2 * b + 1] = hist[b];
                x[2 * b + 2] = edges[b + 1];
                y[2 * b + 2] = hist[b];
            }
            x[x.length - 1] = edges[hist.length];
            out.add(new Curve("layer " + i, "layer " + i, x, y));
        }
        return out;
    }

    /** One curve per injection layer i: ratio 1 at j = i (‖η‖ = ‖x_i‖), then the measured ‖x_j' − x_j‖/‖x_j‖. */
    static List<Curve> noiseCurves(Frame f) {
        List<Curve> out = new ArrayList<>();
        int depth = depth(f);
        for (int i = 0; i < depth; i++) {
            double[] x = new double[depth - i + 1];
            double[] y = new double[x.length];
            x[0] = i;
            y[0] = 1.0;
            for (int j = i + 1; j <= depth; j++) {
                x[j - i] = j;
                y[j - i] = f.scalar(NoiseStabilityExperiment.NOISE.of(i, j));
            }
            out.add(i == 0 ? new Curve("input", "noise at the input", x, y)
                    : new Curve("layer " + i, "noise at layer " + i, x, y));
        }
        return out;
    }

    /** σ_k/σ_1 against k/min(m, n) for each layer, so layers of different sizes share the axes. */
    static List<Curve> spectra(Frame f) {
        List<Curve> out = new ArrayList<>();
        for (int i = 1; i <= depth(f); i++) {
            double[] sv = f.series(NoiseStabilityExperiment.SV.of(i));
            double[] x = new double[sv.length];
            double[] y = new double[sv.length];
            for (int k = 0; k < sv.length; k++) {
                x[k] = (k + 1.0) / sv.length;
                y[k] = sv[0] > 0 ? sv[k] / sv[0] : Double.NaN;   // σ_k = 0 is left out by the log axis
            }
            out.add(new Curve("layer " + i, String.format(Locale.ROOT, "layer %d, stable rank %.1f", i,
                    f.scalar(NoiseStabilityExperiment.STABLE_RANK.of(i))), x, y));
        }
        return out;
    }

    /** The histogram's right end: the largest occupied bin edge, so the bars use the width of the panel. */
    static double maxCushion(Frame f) {
        double max = 0;
        for (int i = 1; i <= depth(f); i++) {
            double[] hist = f.series(NoiseStabilityExperiment.CUSHION_HIST.of(i));
            double[] edges = f.series(NoiseStabilityExperiment.CUSHION_EDGES.of(i));
            for (int b = 0; b < hist.length; b++) {
                if (hist[b] > 0) {
                    max = Math.max(max, edges[b + 1]);
                }
            }
        }
        return Math.min(1.0, max * 1.05);
    }
}
