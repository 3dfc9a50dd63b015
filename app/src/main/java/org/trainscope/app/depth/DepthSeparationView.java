package org.trainscope.app.depth;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.SplitPane;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.History;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.depth.DepthSeparationExperiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;

/**
 * Deep narrow against shallow wide: both training losses against step on the left, the target s_m and both fitted
 * functions (read exactly from the weights) on the right, titled with their piece counts and the init shown.
 */
public final class DepthSeparationView extends ChartsView {
    private final Chart lossChart = chart(new Chart("Training loss (same data, optimizer, seed)", Axis.STEPS, "step", Axis.LOG,
            "loss"));
    private final History losses = new History(lossChart);
    private final Chart fits = chart(new Chart("", Axis.LINEAR, "x", Axis.LINEAR, "value"));
    private final SplitPane root = root(new SplitPane());
    private final int targetCurve;
    private final int deepCurve;
    private final int shallowCurve;
    private final int dataMarks;

    public DepthSeparationView(PlaybackModel model) {
        super(model);
        dataMarks = fits.add("samples", "samples", Style.MARKERS);
        targetCurve = fits.add("target", "target s_m", Style.DASHED);
        deepCurve = fits.add("deep", "deep narrow", Style.LINE);
        shallowCurve = fits.add("shallow", "shallow wide", Style.LINE);
        fits.setWeight(dataMarks, 0.45f);
        losses.setLines(List.of(History.Line.of(DepthSeparationExperiment.DEEP_LOSS.key(), "deep", "deep narrow"),
                History.Line.of(DepthSeparationExperiment.SHALLOW_LOSS.key(), "shallow", "shallow wide")));
        createView();
        start();
    }

    private void createView() {
        lossChart.viewer().setId("separation-losses");
        fits.viewer().setId("separation-fits");
        fits.fixX(0, 1);
        fits.fixY(-0.15, 1.15);
        root.getItems().addAll(lossChart.viewer(), fits.viewer());
        root.setDividerPositions(0.45);
    }

    @Override
    protected void render(boolean force) {
        Frame f = model.frame();
        Params p = model.params();
        if (f == null || p == null || model.recording() == null || !f.has(DepthSeparationExperiment.DEEP_LOSS)) {
            return;
        }
        losses.update(model.recording(), model.indexProperty().get(), model.frameCountProperty().get(),
                model.playingProperty().get());
        double[] x = f.series(DepthSeparationExperiment.X);
        fits.batch(() -> {
            fits.set(dataMarks, f.series(DepthSeparationExperiment.DATA_X), f.series(DepthSeparationExperiment.DATA_Y));
            fits.set(targetCurve, x, f.series(DepthSeparationExperiment.TARGET));
            fits.set(deepCurve, x, f.series(DepthSeparationExperiment.DEEP));
            fits.set(shallowCurve, x, f.series(DepthSeparationExperiment.SHALLOW));
        });
        DepthSeparationExperiment.Config config = DepthSeparationExperiment.Config.of(p);
        String init = config.construction()
                ? String.format(Locale.ROOT, "init: construction + N(0, %s²)",
                        BigDecimal.valueOf(config.noise()).stripTrailingZeros().toPlainString())
                : "init: random (PyTorch default)";
        fits.setTitle(String.format(Locale.ROOT,
                "pieces: s_%d %d · deep (%d×%d) %d · shallow (%d) %d%n%s · %d parameters each",
                config.m(), (int) f.scalar(DepthSeparationExperiment.TARGET_PIECES), config.m(),
                (int) f.scalar(DepthSeparationExperiment.DEEP_LAYER_WIDTH), (int) f.scalar(DepthSeparationExperiment.DEEP_PIECES),
                (int) f.scalar(DepthSeparationExperiment.SHALLOW_LAYER_WIDTH),
                (int) f.scalar(DepthSeparationExperiment.SHALLOW_PIECES), init,
                (int) f.scalar(DepthSeparationExperiment.DEEP_PARAMS)));
    }

    /** The fitted-function chart's title (for tests). */
    public String fitTitle() {
        return fits.chart().getTitle().getText();
    }
}
