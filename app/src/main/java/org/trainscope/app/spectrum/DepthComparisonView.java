package org.trainscope.app.spectrum;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.RowConstraints;
import javafx.util.Subscription;

import org.trainscope.app.chart.LineChart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.spectrum.DepthComparisonExperiment;

/**
 * Depth 1, 2 and 3 side by side: the singular values of each product over time (log scale, one chart per depth, the
 * same axes' kind) above the three test errors in one chart.
 */
public final class DepthComparisonView implements ExperimentView {
    private final PlaybackModel model;
    private final List<LineChart> spectra = new ArrayList<>();
    private final LineChart errors = new LineChart("Test error", "step", "‖P_Ωᶜ(W − M)‖ / ‖P_Ωᶜ(M)‖");
    private final GridPane root = new GridPane();
    private final Subscription subscription;

    public DepthComparisonView(PlaybackModel model) {
        this.model = model;
        for (int d = 1; d <= DepthComparisonExperiment.DEPTHS; d++) {
            spectra.add(new LineChart("Depth " + d + ": singular values", "step", "σ_r"));
        }
        createView();
        subscription = initListeners();
        configure();
    }

    private void createView() {
        int depths = DepthComparisonExperiment.DEPTHS;
        for (int d = 0; d < depths; d++) {
            LineChart c = spectra.get(d);
            c.viewer().setId("depth" + (d + 1) + "-chart");
            c.chart().getLegend().setVisible(false);
            root.add(c.viewer(), d, 0);
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(100.0 / depths);
            col.setHgrow(Priority.ALWAYS);
            root.getColumnConstraints().add(col);
        }
        errors.viewer().setId("depth-error-chart");
        root.add(errors.viewer(), 0, 1, depths, 1);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(58);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(42);
        root.getRowConstraints().addAll(top, bottom);
    }

    private Subscription initListeners() {
        return Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render(false)),
                model.paramsProperty().subscribe((was, now) -> configure()),
                model.playingProperty().subscribe((was, now) -> render(true)));
    }

    private void configure() {
        Params p = model.params();
        if (p == null) {
            return;
        }
        int k = DepthComparisonExperiment.Config.of(p).k();
        List<String> errorNames = new ArrayList<>();
        List<String> errorLabels = new ArrayList<>();
        for (int d = 1; d <= DepthComparisonExperiment.DEPTHS; d++) {
            List<String> names = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int r = 1; r <= k; r++) {
                names.add(DepthComparisonExperiment.SV.of(d, r));
                labels.add("σ" + r);
            }
            spectra.get(d - 1).setScalars(names, labels);
            errorNames.add(DepthComparisonExperiment.TEST_ERROR.of(d));
            errorLabels.add("depth " + d);
        }
        errors.setScalars(errorNames, errorLabels);
        render(true);
    }

    private void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || model.recording() == null) {
            return;
        }
        boolean playing = model.playingProperty().get() && !force;
        int count = model.frameCountProperty().get();
        for (LineChart c : spectra) {
            c.update(model.recording(), count, frame.step(), playing);
        }
        errors.update(model.recording(), count, frame.step(), playing);
    }

    /** The σ chart of depth d (1-based), for tests. */
    public LineChart spectrum(int d) {
        return spectra.get(d - 1);
    }

    public LineChart errorChart() {
        return errors;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setDark(boolean dark) {
        for (LineChart c : spectra) {
            c.setDark(dark);
        }
        errors.setDark(dark);
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
    }
}
