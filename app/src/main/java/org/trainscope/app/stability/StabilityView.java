package org.trainscope.app.stability;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.util.Subscription;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainscope.app.chart.LineChart;
import org.trainscope.app.chart.Palette;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.stability.NoiseStabilityExperiment;

/**
 * Four panels for {@code noise-stability}: the layer-cushion histograms (dashed: 1/√n of a random matrix, one per
 * layer), noise attenuation (one curve per injection layer), the singular values σ_k/σ_1 of every layer, and
 * train/test accuracy against step. Everything is drawn from the frame on show: stepping back replays the
 * histograms exactly, and no probe ever runs on the FX thread.
 */
public final class StabilityView implements ExperimentView {
    private static final long REFRESH_MS = 100;

    private final PlaybackModel model;
    private final GridPane grid = new GridPane();
    private final XYPlot cushionPlot = plot("layer cushion μ = ‖A x‖ / (‖A‖_F ‖x‖)", "fraction of probe inputs", false, false);
    private final XYPlot noisePlot = plot("layer j", "‖x_j' − x_j‖ / ‖x_j‖", true, true);
    private final XYPlot spectrumPlot = plot("k / min(m, n)", "σ_k / σ_1", true, false);
    private final LineChart accuracy = new LineChart("Accuracy", "step", "accuracy");
    private final ChartViewer[] viewers = new ChartViewer[3];
    private final Subscription subscription;
    private long lastRender;
    private boolean dark;
    private int shownDepth = -1;
    private volatile long shownProbeStep = -1;

    public StabilityView(PlaybackModel model) {
        this.model = model;
        createView();
        subscription = initListeners();
    }

    private void createView() {
        String[] titles = {"Layer cushion (animated)", "Noise attenuation", "Singular values"};
        XYPlot[] plots = {cushionPlot, noisePlot, spectrumPlot};
        for (int p = 0; p < 3; p++) {
            JFreeChart chart = new JFreeChart(titles[p], new Font("SansSerif", Font.BOLD, 15), plots[p], true);
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
            viewers[p] = new ChartViewer(chart);
        }
        accuracy.setScalars(List.of(NoiseStabilityExperiment.TRAIN_ACC.key(), NoiseStabilityExperiment.TEST_ACC.key()),
                List.of("train accuracy", "test accuracy"));
        grid.add(viewers[0], 0, 0);
        grid.add(viewers[1], 1, 0);
        grid.add(viewers[2], 0, 1);
        grid.add(accuracy.viewer(), 1, 1);
        for (int k = 0; k < 2; k++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        setDark(false);
        render(model.frame(), true);
    }

    private void refresh() {
        render(model.frame(), true);
    }

    private Subscription initListeners() {
        return Subscription.combine(
                model.frameProperty().subscribe((was, now) -> render(now, false)),
                model.playingProperty().subscribe((was, now) -> refresh()));
    }

    private static XYPlot plot(String xLabel, String yLabel, boolean log, boolean shapes) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        ValueAxis y;
        if (log) {
            LogAxis axis = new LogAxis(yLabel);
            axis.setSmallestValue(1e-6);
            y = axis;
        } else {
            y = new NumberAxis(yLabel);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        return new XYPlot(new XYSeriesCollection(), x, y, r);
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
        cushionPlot.setDataset(ProbeCharts.cushionHistograms(frame));
        ((NumberAxis) cushionPlot.getDomainAxis()).setRange(0, Math.max(0.05, maxCushion(frame)));
        if (depth != shownDepth) {
            cushionPlot.clearDomainMarkers();
            for (int i = 1; i <= depth; i++) {
                ValueMarker m = new ValueMarker(frame.scalar(NoiseStabilityExperiment.CUSHION_RANDOM.of(i)));
                m.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                cushionPlot.addDomainMarker(m);
            }
            ((NumberAxis) noisePlot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            shownDepth = depth;
            recolour();
        }
        noisePlot.setDataset(ProbeCharts.noiseCurves(frame));
        spectrumPlot.setDataset(ProbeCharts.spectra(frame));
        accuracy.update(model.recording(), model.frameCountProperty().get(), frame.step(), playing);
        shownProbeStep = frame.has(NoiseStabilityExperiment.PROBE_STEP)   // last: tests read it once all panels are set
                ? (long) frame.scalar(NoiseStabilityExperiment.PROBE_STEP) : -1;
    }

    /** The histogram's right end: the largest occupied bin edge, so the bars use the width of the panel. */
    private static double maxCushion(Frame f) {
        double max = 0;
        for (int i = 1; i <= ProbeCharts.depth(f); i++) {
            double[] hist = f.series(NoiseStabilityExperiment.CUSHION_HIST.of(i));
            double[] edges = f.series(NoiseStabilityExperiment.CUSHION_EDGES.of(i));
            for (int b = 0; b < hist.length; b++) {
                if (hist[b] > 0) {
                    max = Math.max(max, edges[b + 1]);
                }
            }
        }
        return Math.min(1.0, max * 1.05);
    }

    private void recolour() {
        java.awt.Color bg = dark ? new java.awt.Color(0x16, 0x1B, 0x22) : java.awt.Color.WHITE;
        java.awt.Color fg = dark ? new java.awt.Color(0xC9, 0xD1, 0xDC) : new java.awt.Color(0x24, 0x29, 0x2F);
        for (ChartViewer v : viewers) {
            JFreeChart chart = v.getChart();
            XYPlot plot = chart.getXYPlot();
            chart.setBackgroundPaint(bg);
            plot.setBackgroundPaint(bg);
            chart.getTitle().setPaint(fg);
            LegendTitle legend = chart.getLegend();
            legend.setBackgroundPaint(bg);
            legend.setItemPaint(fg);
            for (ValueAxis a : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
                a.setLabelPaint(fg);
                a.setTickLabelPaint(fg);
            }
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            for (int i = 0; i < 10; i++) {
                r.setSeriesPaint(i, Palette.awt(dark ? Palette.of("", i) : Palette.onLight("", i)));
                r.setSeriesStroke(i, new BasicStroke(2.2f));
            }
        }
        java.util.Collection<?> markers = cushionPlot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        int i = 0;
        for (Object o : markers == null ? List.of() : markers) {
            ((ValueMarker) o).setPaint(Palette.awt(dark ? Palette.of("", i) : Palette.onLight("", i)));
            i++;
        }
    }

    /** The step of the probe the panels show (-1 before the first). */
    long shownProbeStep() {
        return shownProbeStep;
    }

    /** Histogram curves on show: one per layer. */
    int shownHistograms() {
        return cushionPlot.getDataset() == null ? 0 : cushionPlot.getDataset().getSeriesCount();
    }

    @Override
    public Node node() {
        return grid;
    }

    @Override
    public void setDark(boolean isDark) {
        dark = isDark;
        accuracy.setDark(isDark);
        recolour();
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
    }
}
