package org.trainscope.app.spectrum;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.RowConstraints;

import org.trainscope.app.chart.LineChart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;

/**
 * Depth 1, 2 and 3 side by side: the singular values of each product over time (log scale, one chart per depth, the
 * same axes' kind) above the three test errors in one chart.
 */
public final class DepthComparisonView implements ExperimentView {
    private final PlaybackModel model;
    private final List<LineChart> spectra = new ArrayList<>();
    private final LineChart errors = new LineChart("Test error", "step", "‖P_Ωᶜ(W − M)‖ / ‖P_Ωᶜ(M)‖");
    private final GridPane root = new GridPane();
    private final ChangeListener<Frame> onFrame = (obs, was, now) -> render(false);
    private final ChangeListener<Params> onParams = (obs, was, now) -> configure();
    private final ChangeListener<Boolean> onPlaying = (obs, was, now) -> render(true);

    public DepthComparisonView(PlaybackModel model) {
        this.model = model;
        for (int d = 1; d <= 3; d++) {
            spectra.add(new LineChart("Depth " + d + ": singular values", "step", "σ_r"));
        }
        createView();
        initListeners();
        configure();
    }

    private void createView() {
        for (int d = 0; d < 3; d++) {
            LineChart c = spectra.get(d);
            c.viewer().setId("depth" + (d + 1) + "-chart");
            c.chart().getLegend().setVisible(false);
            root.add(c.viewer(), d, 0);
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(100.0 / 3);
            col.setHgrow(Priority.ALWAYS);
            root.getColumnConstraints().add(col);
        }
        errors.viewer().setId("depth-error-chart");
        root.add(errors.viewer(), 0, 1, 3, 1);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(58);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(42);
        root.getRowConstraints().addAll(top, bottom);
    }

    private void initListeners() {
        model.frameProperty().addListener(onFrame);
        model.paramsProperty().addListener(onParams);
        model.playingProperty().addListener(onPlaying);
    }

    private void configure() {
        Params p = model.params();
        if (p == null) {
            return;
        }
        int k = p.integer("k");
        for (int d = 1; d <= 3; d++) {
            List<String> names = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int r = 1; r <= k; r++) {
                names.add("depth" + d + ".sv." + r);
                labels.add("σ" + r);
            }
            spectra.get(d - 1).setScalars(names, labels);
        }
        errors.setScalars(List.of("depth1.test_error", "depth2.test_error", "depth3.test_error"),
                List.of("depth 1", "depth 2", "depth 3"));
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
        model.frameProperty().removeListener(onFrame);
        model.paramsProperty().removeListener(onParams);
        model.playingProperty().removeListener(onPlaying);
    }
}
