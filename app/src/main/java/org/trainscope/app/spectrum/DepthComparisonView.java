package org.trainscope.app.spectrum;

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
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.spectrum.DepthComparisonExperiment;

/**
 * Depth 1, 2 and 3 side by side: the singular values of each product over time (log scale, one chart per depth, one
 * common y range so the panels compare at a glance) above the three test errors in one chart.
 */
public final class DepthComparisonView extends ChartsView {
    private final List<Chart> spectra = new ArrayList<>();
    private final List<History> spectraHistory = new ArrayList<>();
    private final Chart errors = new Chart("Test error ‖P_Ωᶜ(W − M)‖ / ‖P_Ωᶜ(M)‖", Axis.STEPS, "step", Axis.LOG, "test error");
    private final History errorHistory = new History(errors);
    private final GridPane root = root(Panels.grid(DepthComparisonExperiment.DEPTHS, 58, 42));

    public DepthComparisonView(PlaybackModel model) {
        super(model);
        for (int d = 1; d <= DepthComparisonExperiment.DEPTHS; d++) {
            Chart c = new Chart("Depth " + d + ": singular values", Axis.STEPS, "step", Axis.LOG, "σ_r");
            spectra.add(c);
            spectraHistory.add(new History(c));
        }
        Chart.shareY(spectra.toArray(new Chart[0]));
        spectra.forEach(this::chart);
        chart(errors);
        createView();
        start();
    }

    private void createView() {
        for (int d = 0; d < spectra.size(); d++) {
            spectra.get(d).viewer().setId("depth" + (d + 1) + "-chart");
            root.add(spectra.get(d).viewer(), d, 0);
        }
        errors.viewer().setId("depth-error-chart");
        root.add(errors.viewer(), 0, 1, spectra.size(), 1);
    }

    @Override
    protected void configure() {
        Params p = model.params();
        if (p == null) {
            return;
        }
        int k = DepthComparisonExperiment.Config.of(p).k();
        List<History.Line> errorLines = new ArrayList<>();
        for (int d = 1; d <= DepthComparisonExperiment.DEPTHS; d++) {
            List<History.Line> lines = new ArrayList<>();
            for (int r = 1; r <= k; r++) {
                lines.add(History.Line.of(DepthComparisonExperiment.SV.of(d, r), "σ" + r, SingularValues.label(r)));
            }
            spectraHistory.get(d - 1).setLines(lines);
            errorLines.add(History.Line.of(DepthComparisonExperiment.TEST_ERROR.of(d), "depth " + d, "depth " + d));
        }
        errorHistory.setLines(errorLines);
        render(true);
    }

    @Override
    protected void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || model.recording() == null) {
            return;
        }
        boolean playing = throttled(force);
        int count = model.frameCountProperty().get();
        int shown = model.indexProperty().get();
        for (History h : spectraHistory) {
            h.update(model.recording(), shown, count, playing);
        }
        errorHistory.update(model.recording(), shown, count, playing);
    }

    /** The σ chart of depth d (1-based), for tests. */
    public Chart spectrum(int d) {
        return spectra.get(d - 1);
    }

    public Chart errorChart() {
        return errors;
    }
}
