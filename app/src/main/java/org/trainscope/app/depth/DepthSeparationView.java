package org.trainscope.app.depth;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.util.Subscription;

import org.jfree.chart.axis.NumberAxis;
import org.trainscope.app.chart.LineChart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.depth.DepthSeparationExperiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;

/**
 * Deep narrow against shallow wide: both training losses against step on the left, the target s_m and both fitted
 * functions (read exactly from the weights) on the right, titled with their piece counts and the init shown.
 */
public final class DepthSeparationView implements ExperimentView {
    private final PlaybackModel model;
    private final LineChart losses = new LineChart("Training loss (same data, optimizer, seed)", "step", "loss");
    private final XYChart fits = new XYChart("", XYChart.linear("x"), XYChart.linear("value"));
    private final SplitPane root = new SplitPane();
    private final int targetCurve;
    private final int deepCurve;
    private final int shallowCurve;
    private final int dataMarks;
    private final Subscription subscription;

    public DepthSeparationView(PlaybackModel model) {
        this.model = model;
        dataMarks = fits.add("samples", SawtoothView.SQUARE.deriveColor(0, 1, 1, 0.5), XYChart.Style.MARKERS);
        targetCurve = fits.add("target s_m", SawtoothView.SQUARE, XYChart.Style.DASHED);
        deepCurve = fits.add("deep narrow", SawtoothView.G, XYChart.Style.LINE);
        shallowCurve = fits.add("shallow wide", SawtoothView.S, XYChart.Style.LINE);
        fits.plot().getRenderer().setSeriesShape(dataMarks, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        losses.setScalars(List.of(DepthSeparationExperiment.DEEP_LOSS.key(), DepthSeparationExperiment.SHALLOW_LOSS.key()),
                List.of("deep narrow", "shallow wide"));
        recolourLosses();
        createView();
        subscription = Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render()),
                model.playingProperty().subscribe((was, now) -> render()),
                model.paramsProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        losses.viewer().setId("separation-losses");
        fits.viewer().setId("separation-fits");
        ((NumberAxis) fits.plot().getDomainAxis()).setRange(0, 1);
        ((NumberAxis) fits.plot().getRangeAxis()).setRange(-0.15, 1.15);
        root.getItems().addAll(losses.viewer(), fits.viewer());
        root.setDividerPositions(0.45);
    }

    /** The loss chart colours by name prefix; use the depth views' blue (deep) and orange (shallow). */
    private void recolourLosses() {
        var r = losses.chart().getXYPlot().getRenderer();
        r.setSeriesPaint(0, org.trainscope.app.chart.Palette.awt(SawtoothView.G));
        r.setSeriesPaint(1, org.trainscope.app.chart.Palette.awt(SawtoothView.S));
    }

    private void render() {
        Frame f = model.frame();
        Params p = model.params();
        if (f == null || p == null || model.recording() == null || !f.has(DepthSeparationExperiment.DEEP_LOSS)) {
            return;
        }
        losses.update(model.recording(), model.frameCountProperty().get(), f.step(), model.playingProperty().get());
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
        fits.chart().setTitle(String.format(Locale.ROOT,
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

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setDark(boolean dark) {
        losses.setDark(dark);
        recolourLosses();
        fits.setDark(dark);
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
    }
}
