package org.trainscope.app.spectrum;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.trainscope.app.chart.LineChart;
import org.trainscope.app.chart.Palette;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;

/**
 * Singular values over time — one solid line per σ_r of W, log scale, and (for deep matrix factorization) Theorem
 * 3's prediction as a dashed line of the same colour on top — beside loss and test error over time. Renders only
 * the recording's frames (immutable scalars), so stepping back and scrubbing cost no computation.
 */
public final class SpectrumView implements ExperimentView {
    private static final BasicStroke SOLID = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 5f}, 0f);

    private final PlaybackModel model;
    private final LineChart singularValues = new LineChart("Singular values of W (solid) · Theorem 3 (dashed)", "step", "σ_r");
    private final LineChart errors = new LineChart("Loss, test error, MSE", "step", "value");
    private final SplitPane root = new SplitPane();
    private final ChangeListener<Frame> onFrame = (obs, was, now) -> render(false);
    private final ChangeListener<Params> onParams = (obs, was, now) -> configure();
    private final ChangeListener<Boolean> onPlaying = (obs, was, now) -> render(true); // a final, unthrottled chart
    private boolean dark;
    private int k;

    public SpectrumView(PlaybackModel model) {
        this.model = model;
        createView();
        initListeners();
        configure();
    }

    private void createView() {
        singularValues.viewer().setId("singular-values-chart");
        errors.viewer().setId("error-chart");
        singularValues.chart().getLegend().setVisible(false); // 2k lines: the title says which is which
        root.setOrientation(Orientation.HORIZONTAL);
        root.getItems().addAll(singularValues.viewer(), errors.viewer());
        root.setDividerPositions(0.62);
    }

    private void initListeners() {
        model.frameProperty().addListener(onFrame);
        model.paramsProperty().addListener(onParams);
        model.playingProperty().addListener(onPlaying);
    }

    /** Which lines: sv.1…sv.k (and ode.sv.1…ode.sv.k when the frames carry them), from the newest frame's names. */
    private void configure() {
        Params p = model.params();
        if (p == null) {
            return;
        }
        k = p.integer("k");
        int every = p.specs().stream().anyMatch(spec -> spec.name().equals("every")) ? p.integer("every") : 1;
        String x = every == 1 ? "gradient step" : "frame (" + every + " gradient steps each)";
        if (model.type() != null && model.type().id().equals("nuclear-norm")) {
            x = "soft-impute step";
        }
        singularValues.chart().getXYPlot().getDomainAxis().setLabel(x);
        errors.chart().getXYPlot().getDomainAxis().setLabel(x);
        boolean theory = model.type() != null && model.type().id().equals("deep-matrix-factorization");
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int r = 1; r <= k; r++) {
            names.add("sv." + r);
            labels.add("σ" + r);
        }
        if (theory) {
            for (int r = 1; r <= k; r++) {
                names.add("ode.sv." + r);
                labels.add("σ" + r + " (Theorem 3)");
            }
        }
        singularValues.setScalars(names, labels);
        List<String> err = theory ? List.of("loss", "test_error", "mse") : List.of("loss", "test_error", "mse", "lambda");
        errors.setScalars(err, err);
        restyle();
        render(true);
    }

    /** σ_r and its prediction share the r-th colour; the prediction is dashed. */
    private void restyle() {
        XYPlot plot = singularValues.chart().getXYPlot();
        XYItemRenderer r = plot.getRenderer();
        List<String> names = singularValues.scalars();
        for (int i = 0; i < names.size(); i++) {
            int index = i % Math.max(1, k);
            javafx.scene.paint.Color c = dark ? Palette.of("sv", index) : Palette.onLight("sv", index);
            r.setSeriesPaint(i, Palette.awt(c));
            r.setSeriesStroke(i, names.get(i).startsWith("ode.") ? DASHED : SOLID);
        }
    }

    private void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || model.recording() == null) {
            return;
        }
        boolean playing = model.playingProperty().get() && !force;
        int count = model.frameCountProperty().get();
        singularValues.update(model.recording(), count, frame.step(), playing);
        errors.update(model.recording(), count, frame.step(), playing);
    }

    public LineChart singularValuesChart() {
        return singularValues;
    }

    public LineChart errorChart() {
        return errors;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setDark(boolean isDark) {
        dark = isDark;
        singularValues.setDark(isDark);
        errors.setDark(isDark);
        restyle();
    }

    @Override
    public void dispose() {
        model.frameProperty().removeListener(onFrame);
        model.paramsProperty().removeListener(onParams);
        model.playingProperty().removeListener(onPlaying);
    }
}
