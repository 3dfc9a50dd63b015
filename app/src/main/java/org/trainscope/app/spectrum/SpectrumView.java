package org.trainscope.app.spectrum;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.util.Subscription;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.trainscope.app.chart.LineChart;
import org.trainscope.app.chart.Palette;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.spectrum.DeepMatrixFactorizationExperiment;
import org.trainscope.engine.spectrum.NuclearNormExperiment;

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
    private final Subscription subscription;
    private boolean dark;
    private int k;

    public SpectrumView(PlaybackModel model) {
        this.model = model;
        createView();
        subscription = initListeners();
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

    private Subscription initListeners() {
        return Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render(false)),
                model.paramsProperty().subscribe((was, now) -> configure()),
                model.playingProperty().subscribe((was, now) -> render(true))); // a final, unthrottled chart
    }

    /**
     * Which lines: σ_1…σ_k and, for deep matrix factorization, Theorem 3's σ_1…σ_k; loss, test error, MSE and, for
     * nuclear-norm, λ.
     */
    private void configure() {
        Params p = model.params();
        if (p == null) {
            return;
        }
        boolean theory = model.type() == DeepMatrixFactorizationExperiment.TYPE;   // else nuclear-norm
        String x;
        if (theory) {
            DeepMatrixFactorizationExperiment.Config c = DeepMatrixFactorizationExperiment.Config.of(p);
            k = c.k();
            x = c.every() == 1 ? "gradient step" : "frame (" + c.every() + " gradient steps each)";
        } else {
            k = NuclearNormExperiment.Config.of(p).k();
            x = "soft-impute step";
        }
        singularValues.chart().getXYPlot().getDomainAxis().setLabel(x);
        errors.chart().getXYPlot().getDomainAxis().setLabel(x);
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int r = 1; r <= k; r++) {
            names.add(DeepMatrixFactorizationExperiment.SV.of(r));
            labels.add("σ" + r);
        }
        if (theory) {
            for (int r = 1; r <= k; r++) {
                names.add(DeepMatrixFactorizationExperiment.ODE_SV.of(r));
                labels.add("σ" + r + " (Theorem 3)");
            }
        }
        singularValues.setScalars(names, labels);
        List<Output> shown = new ArrayList<>(List.of(DeepMatrixFactorizationExperiment.LOSS,
                DeepMatrixFactorizationExperiment.TEST_ERROR, DeepMatrixFactorizationExperiment.MSE));
        if (!theory) {
            shown.add(NuclearNormExperiment.LAMBDA);
        }
        List<String> err = shown.stream().map(Output::key).toList();
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
            r.setSeriesStroke(i, DeepMatrixFactorizationExperiment.ODE_SV.matches(names.get(i)) ? DASHED : SOLID);
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
        subscription.unsubscribe();
    }
}
