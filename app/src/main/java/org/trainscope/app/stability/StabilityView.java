package org.trainscope.app.stability;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.GridPane;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/**
 * Four panels for {@code noise-stability}: the layer-cushion histograms (dashed: 1/√n of a random matrix, one per
 * layer), noise attenuation (one curve per injection layer), the singular values σ_k/σ_1 of every layer, and
 * train/test accuracy against step. Layer i has one colour in all of them. Everything is drawn from the frame on
 * show: stepping back replays the histograms exactly, and no probe ever runs on the FX thread.
 */
public final class StabilityView extends ChartsView {
    private static final long REFRESH_MS = 100;

    private final GridPane grid = root(Panels.grid(2, 50, 50));
    private final Chart cushions = chart(new Chart("Layer cushion (animated)", Axis.LINEAR,
            "layer cushion μ = ‖A x‖ / (‖A‖_F ‖x‖)", Axis.FRACTION, "fraction of inputs"));
    private final Chart noise = chart(new Chart("Noise attenuation", Axis.STEPS, "layer j", Axis.LOG,
            "‖x_j' − x_j‖ / ‖x_j‖"));
    private final Chart spectra = chart(new Chart("Singular values", Axis.FRACTION, "k / min(m, n)", Axis.LOG, "σ_k / σ_1"));
    private final Chart accuracyChart = chart(new Chart("Accuracy", Axis.STEPS, "step", Axis.UNIT_INTERVAL, "accuracy"));
    private final History accuracy = new History(accuracyChart);
    private long lastRender;
    private volatile long shownProbeStep = -1;

    public StabilityView(PlaybackModel model) {
        super(model);
        createView();
        start();
    }

    private void createView() {
        accuracy.setLines(List.of(History.Line.of(NoiseStabilityExperiment.TRAIN_ACC.key(), "train", "train"),
                History.Line.of(NoiseStabilityExperiment.TEST_ACC.key(), "test", "test")));
        grid.add(cushions.viewer(), 0, 0);
        grid.add(noise.viewer(), 1, 0);
        grid.add(spectra.viewer(), 0, 1);
        grid.add(accuracyChart.viewer(), 1, 1);
    }

    @Override
    protected void render(boolean force) {
        render(model.frame(), force);
    }

    /** Draws the frame's probe; while playing at most every {@value #REFRESH_MS} ms (the next frame will do). */
    private void render(Frame frame, boolean force) {
        if (frame == null || ProbeCharts.depth(frame) == 0) {
            return;
        }
        long now = System.currentTimeMillis();
        boolean playing = model.playingProperty().get();
        if (!force && playing && now - lastRender < REFRESH_MS) {
            return;
        }
        lastRender = now;
        int depth = ProbeCharts.depth(frame);
        cushions.batch(() -> {
            show(cushions, ProbeCharts.cushionHistograms(frame), Chart.Style.LINE);
            cushions.fixX(0, Math.max(0.05, ProbeCharts.maxCushion(frame)));
            double[] random = new double[depth];
            List<String> layers = new ArrayList<>();
            for (int i = 1; i <= depth; i++) {
                random[i - 1] = frame.scalar(NoiseStabilityExperiment.CUSHION_RANDOM.of(i));
                layers.add("layer " + i);
            }
            cushions.setXMarks(random, layers);
        });
        show(noise, ProbeCharts.noiseCurves(frame), Chart.Style.LINE_MARKERS);
        show(spectra, ProbeCharts.spectra(frame), Chart.Style.LINE);
        accuracy.update(model.recording(), model.indexProperty().get(), model.frameCountProperty().get(), playing && !force);
        shownProbeStep = frame.has(NoiseStabilityExperiment.PROBE_STEP)   // last: tests read it once all panels are set
                ? (long) frame.scalar(NoiseStabilityExperiment.PROBE_STEP) : -1;
    }

    /** Puts the curves into the chart: one series per curve, re-made when their number changes. */
    private static void show(Chart chart, List<ProbeCharts.Curve> curves, Chart.Style style) {
        chart.batch(() -> {
            if (chart.seriesCount() != curves.size()) {
                chart.clear();
                for (ProbeCharts.Curve c : curves) {
                    chart.add(c.identity(), c.label(), style);
                }
            }
            for (int i = 0; i < curves.size(); i++) {
                chart.setLabel(i, curves.get(i).label());
                chart.set(i, curves.get(i).x(), curves.get(i).y());
            }
        });
    }

    /** The step of the probe the panels show (-1 before the first). */
    long shownProbeStep() {
        return shownProbeStep;
    }

    /** Histogram curves on show: one per layer. */
    int shownHistograms() {
        return cushions.seriesCount();
    }
}
