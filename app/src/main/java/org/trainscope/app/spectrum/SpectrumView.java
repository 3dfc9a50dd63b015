package org.trainscope.app.spectrum;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.spectrum.DeepMatrixFactorizationExperiment;
import org.trainscope.engine.spectrum.NuclearNormExperiment;

/**
 * Singular values over time — one solid line per σ_r of W, log scale, and (for deep matrix factorization) Theorem
 * 3's prediction as a dashed line of the same colour on top — beside loss and test error over time. Renders only
 * the recording's frames (immutable scalars), so stepping back and scrubbing cost no computation.
 */
public final class SpectrumView extends ChartsView {
    private final Chart singularValues = chart(new Chart("Singular values of W (solid) · Theorem 3 (dashed)", Axis.STEPS,
            "step", Axis.LOG, "σ_r"));
    private final Chart errors = chart(new Chart("Loss, test error, MSE", Axis.STEPS, "step", Axis.LOG, "value"));
    private final History svHistory = new History(singularValues);
    private final History errorHistory = new History(errors);
    private final SplitPane root = root(new SplitPane());

    public SpectrumView(PlaybackModel model) {
        super(model);
        createView();
        start();
    }

    private void createView() {
        singularValues.viewer().setId("singular-values-chart");
        errors.viewer().setId("error-chart");
        root.setOrientation(Orientation.HORIZONTAL);
        root.getItems().addAll(singularValues.viewer(), errors.viewer());
        root.setDividerPositions(0.62);
    }

    /**
     * Which lines: σ_1…σ_k (σ_r in the r-th colour, the legend names them) and, for deep matrix factorization, Theorem
     * 3's σ_1…σ_k dashed in the same colours; loss, test error, MSE and, for nuclear-norm, λ.
     */
    @Override
    protected void configure() {
        Params p = model.params();
        if (p == null) {
            return;
        }
        boolean theory = model.type() == DeepMatrixFactorizationExperiment.TYPE;   // else nuclear-norm
        int k;
        String x;
        if (theory) {
            DeepMatrixFactorizationExperiment.Config c = DeepMatrixFactorizationExperiment.Config.of(p);
            k = c.k();
            x = c.every() == 1 ? "gradient step" : "frame (" + c.every() + " gradient steps each)";
        } else {
            k = NuclearNormExperiment.Config.of(p).k();
            x = "soft-impute step";
        }
        singularValues.setXLabel(x);
        errors.setXLabel(x);
        List<History.Line> lines = new ArrayList<>();
        for (int r = 1; r <= k; r++) {
            lines.add(History.Line.of(DeepMatrixFactorizationExperiment.SV.of(r), "σ" + r, SingularValues.label(r)));
        }
        if (theory) {
            for (int r = 1; r <= k; r++) {
                lines.add(new History.Line(DeepMatrixFactorizationExperiment.ODE_SV.of(r), "σ" + r, null, Chart.Style.DASHED, null));
            }
        }
        svHistory.setLines(lines);
        List<History.Line> shown = new ArrayList<>(List.of(
                History.Line.of(DeepMatrixFactorizationExperiment.LOSS.key(), "loss", "loss"),
                History.Line.of(DeepMatrixFactorizationExperiment.TEST_ERROR.key(), "test error", "test error"),
                History.Line.of(DeepMatrixFactorizationExperiment.MSE.key(), "mse", "MSE")));
        if (!theory) {
            shown.add(History.Line.of(NuclearNormExperiment.LAMBDA.key(), "lambda", "λ"));
        }
        errorHistory.setLines(shown);
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
        svHistory.update(model.recording(), shown, count, playing);
        errorHistory.update(model.recording(), shown, count, playing);
    }

    public Chart singularValuesChart() {
        return singularValues;
    }

    public Chart errorChart() {
        return errors;
    }
}
