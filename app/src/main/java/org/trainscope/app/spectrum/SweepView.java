package org.trainscope.app.spectrum;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Subscription;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainscope.app.chart.Palette;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.spectrum.CompletionSweepExperiment;

/**
 * The sweep: test error against the number of observed entries, one line per method, drawn from the newest
 * frame's series; a progress bar over the cells; "Run sweep" plays the experiment at one cell per second (the
 * worker computes each cell in the background) and "Cancel" pauses it — the cell in progress finishes, the
 * results so far stay.
 */
public final class SweepView implements ExperimentView {
    private static final List<String> LABELS = List.of("depth 1", "depth 2", "depth 3", "nuclear norm");

    private final PlaybackModel model;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button run = new Button("Run sweep");
    private final Button cancel = new Button("Cancel");
    private final BorderPane root = new BorderPane();
    private final Subscription subscription;

    public SweepView(PlaybackModel model) {
        this.model = model;
        for (String label : LABELS) {
            dataset.addSeries(new XYSeries(label, true, false));
        }
        LogAxis y = new LogAxis("test error");
        y.setBase(10);
        y.setSmallestValue(1e-12);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis x = new NumberAxis("observed entries |Ω|");
        x.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < LABELS.size(); i++) {
            renderer.setSeriesPaint(i, Palette.awt(Palette.onLight("sweep", i)));
            renderer.setSeriesStroke(i, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        chart = new JFreeChart("Test error vs observed entries", new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        viewer = new ChartViewer(chart);
        createView();
        subscription = initListeners();
        render(model.frame());
    }

    private void createView() {
        viewer.setId("sweep-chart");
        progress.setId("sweep-progress");
        run.setId("sweep-run");
        cancel.setId("sweep-cancel");
        progress.setPrefWidth(320);
        HBox bar = new HBox(10, run, cancel, progress, progressText);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        root.setTop(bar);
        root.setCenter(viewer);
    }

    private Subscription initListeners() {
        run.setOnAction(e -> {
            model.speedProperty().set(1); // one cell per second asked for; the worker sets the real pace
            model.play();
        });
        cancel.setOnAction(e -> model.pause());
        run.disableProperty().bind(model.playingProperty());
        cancel.disableProperty().bind(model.playingProperty().not());
        return model.frameProperty().subscribe((was, now) -> render(now));
    }

    private void render(Frame frame) {
        if (frame == null || !frame.has(CompletionSweepExperiment.COUNTS)) {
            return;
        }
        double[] counts = frame.series(CompletionSweepExperiment.COUNTS);
        chart.setNotify(false);
        for (int m = 0; m < CompletionSweepExperiment.METHODS.size(); m++) {
            double[] err = frame.series(CompletionSweepExperiment.ERRORS.get(m));
            XYSeries s = dataset.getSeries(m);
            s.clear();
            for (int i = 0; i < counts.length; i++) {
                if (Double.isFinite(err[i]) && err[i] > 0) {
                    s.add(counts[i], err[i], false);
                }
            }
            s.fireSeriesChanged();
        }
        chart.setNotify(true);
        double p = frame.has(CompletionSweepExperiment.PROGRESS) ? frame.scalar(CompletionSweepExperiment.PROGRESS) : 0;
        progress.setProgress(p);
        int cells = counts.length * CompletionSweepExperiment.METHODS.size();
        progressText.setText(Math.round(p * cells) + " of " + cells + " runs");
        if (p >= 1 && model.playingProperty().get()) {
            model.pause(); // done
        }
    }

    /** Points drawn in the method's line (for tests). */
    public int points(int method) {
        return dataset.getSeries(method).getItemCount();
    }

    public ProgressBar progressBar() {
        return progress;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setDark(boolean dark) {
        java.awt.Color bg = dark ? new java.awt.Color(0x16, 0x1B, 0x22) : java.awt.Color.WHITE;
        java.awt.Color fg = dark ? new java.awt.Color(0xC9, 0xD1, 0xDC) : new java.awt.Color(0x24, 0x29, 0x2F);
        chart.setBackgroundPaint(bg);
        chart.getPlot().setBackgroundPaint(bg);
        chart.getLegend().setBackgroundPaint(bg);
        chart.getLegend().setItemPaint(fg);
        chart.getTitle().setPaint(fg);
        XYPlot plot = chart.getXYPlot();
        for (org.jfree.chart.axis.ValueAxis a : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            a.setLabelPaint(fg);
            a.setTickLabelPaint(fg);
        }
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
        run.disableProperty().unbind();
        cancel.disableProperty().unbind();
    }
}
