package org.trainscope.app.spectrum;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.spectrum.CompletionSweepExperiment;

/**
 * The sweep: test error against the number of observed entries, one line per method, drawn from the newest
 * frame's series; a progress bar over the cells; "Run sweep" plays the experiment at one cell per second (the
 * worker computes each cell in the background) and "Cancel" pauses it — the cell in progress finishes, the
 * results so far stay.
 */
public final class SweepView extends ChartsView {
    private static final List<String> LABELS = List.of("depth 1", "depth 2", "depth 3", "nuclear norm");

    private final Chart chart = chart(new Chart("Test error vs observed entries", Axis.LINEAR, "observed entries |Ω|",
            Axis.LOG, "test error"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button run = new Button("Run sweep");
    private final Button cancel = new Button("Cancel");
    private final BorderPane root = root(new BorderPane());

    public SweepView(PlaybackModel model) {
        super(model);
        for (String label : LABELS) {
            chart.add(label, label, Chart.Style.LINE_MARKERS);
        }
        createView();
        initListeners();
        render(model.frame());
    }

    private void createView() {
        chart.viewer().setId("sweep-chart");
        progress.setId("sweep-progress");
        run.setId("sweep-run");
        cancel.setId("sweep-cancel");
        progress.setPrefWidth(320);
        HBox bar = new HBox(10, run, cancel, progress, progressText);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        root.setTop(bar);
        root.setCenter(chart.viewer());
    }

    private void initListeners() {
        run.setOnAction(e -> {
            model.speedProperty().set(1); // one cell per second asked for; the worker sets the real pace
            model.play();
        });
        cancel.setOnAction(e -> model.pause());
        run.disableProperty().bind(model.playingProperty());
        cancel.disableProperty().bind(model.playingProperty().not());
        listen(model.frameProperty().subscribe((was, now) -> render(now)));
    }

    private void render(Frame frame) {
        if (frame == null || !frame.has(CompletionSweepExperiment.COUNTS)) {
            return;
        }
        double[] counts = frame.series(CompletionSweepExperiment.COUNTS);
        chart.batch(() -> {
            for (int m = 0; m < CompletionSweepExperiment.METHODS.size(); m++) {
                chart.set(m, counts, frame.series(CompletionSweepExperiment.ERRORS.get(m))); // NaN: not computed yet
            }
        });
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
        return chart.pointCount(method);
    }

    public ProgressBar progressBar() {
        return progress;
    }

    @Override
    protected void disposed() {
        run.disableProperty().unbind();
        cancel.disableProperty().unbind();
    }
}
