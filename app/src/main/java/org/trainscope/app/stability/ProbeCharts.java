package org.trainscope.app.stability;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/** Pure functions from a noise-stability frame to JFreeChart data: nothing here touches the scene. */
final class ProbeCharts {
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
    static XYSeriesCollection cushionHistograms(Frame f) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (int i = 1; i <= depth(f); i++) {
            double[] hist = f.series(NoiseStabilityExperiment.CUSHION_HIST.of(i));
            double[] edges = f.series(NoiseStabilityExperiment.CUSHION_EDGES.of(i));
            XYSeries s = new XYSeries("layer " + i, false, true);
            s.add(edges[0], 0.0);
            for (int b = 0; b < hist.length; b++) {
                s.add(edges[b], hist[b]);
                s.add(edges[b + 1], hist[b]);
            }
            s.add(edges[hist.length], 0.0);
            c.addSeries(s);
        }
        return c;
    }

    /** One curve per injection layer i: ratio 1 at j = i (‖η‖ = ‖x_i‖), then the measured ‖x_j' − x_j‖/‖x_j‖. */
    static XYSeriesCollection noiseCurves(Frame f) {
        XYSeriesCollection c = new XYSeriesCollection();
        int depth = depth(f);
        for (int i = 0; i < depth; i++) {
            XYSeries s = new XYSeries(i == 0 ? "noise at the input" : "noise at layer " + i, false, true);
            s.add(i, 1.0);
            for (int j = i + 1; j <= depth; j++) {
                s.add(j, f.scalar(NoiseStabilityExperiment.NOISE.of(i, j)));
            }
            c.addSeries(s);
        }
        return c;
    }

    /** σ_k/σ_1 against k/min(m, n) for each layer, so layers of different sizes share the axes. */
    static XYSeriesCollection spectra(Frame f) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (int i = 1; i <= depth(f); i++) {
            double[] sv = f.series(NoiseStabilityExperiment.SV.of(i));
            XYSeries s = new XYSeries(String.format(java.util.Locale.ROOT, "layer %d, stable rank %.1f", i,
                    f.scalar(NoiseStabilityExperiment.STABLE_RANK.of(i))), false, true);
            for (int k = 0; k < sv.length; k++) {
                if (sv[k] > 0 && sv[0] > 0) {
                    s.add((k + 1.0) / sv.length, sv[k] / sv[0]);
                }
            }
            c.addSeries(s);
        }
        return c;
    }
}
