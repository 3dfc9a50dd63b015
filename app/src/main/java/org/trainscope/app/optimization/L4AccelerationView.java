package org.trainscope.app.optimization;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.GridPane;
import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.History;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.optimization.L4AccelerationExperiment;

/**
 * Depth as acceleration: every racer's excess loss on a log scale, with a dashed mark where each reached the target;
 * below, for depth 2 and depth N, the end-to-end step their layers imply against plain GD's step at the same w, split
 * into its adaptive-rate part and its part along w.
 */
public final class L4AccelerationView extends ChartsView {
    private final Chart losses = chart(new Chart("Excess loss ℓ(w) − ℓ*", Axis.STEPS, "step", Axis.LOG, "ℓ − ℓ*"));
    private final Chart depth2 = chart(new Chart("The update depth 2 implies", Axis.STEPS, "step", Axis.LOG, "step size"));
    private final Chart depthN = chart(new Chart("The update depth N implies", Axis.STEPS, "step", Axis.LOG, "step size"));
    private final GridPane root = root(Panels.grid(2, 50, 50));
    private final History lossHistory = new History(losses);
    private final History depth2History = new History(depth2);
    private final History depthNHistory = new History(depthN);

    public L4AccelerationView(PlaybackModel model) {
        super(model);
        losses.viewer().setId("l4-losses");
        depth2.viewer().setId("l4-depth2-update");
        depthN.viewer().setId("l4-depthN-update");
        root.add(losses.viewer(), 0, 0, 2, 1);
        root.add(depth2.viewer(), 0, 1);
        root.add(depthN.viewer(), 1, 1);
        start();
    }

    /** Each racer's colour: depth 1 is plain GD's, the deep nets two of the numbered colours, the rules their own. */
    static String identity(String racer) {
        return switch (racer) {
            case "depth1" -> "gd";
            case "depth2" -> "depth 3";
            case "depthN" -> "depth 5";
            default -> racer;
        };
    }

    static String label(String racer, int depth) {
        return switch (racer) {
            case "depth1" -> "depth 1 (GD on w)";
            case "depth2" -> "depth 2";
            case "depthN" -> "depth " + depth;
            case "adagrad" -> "AdaGrad, depth 1";
            default -> "Adam, depth 1";
        };
    }

    @Override
    protected void configure() {
        if (model.params() == null) {
            return;
        }
        int depth = L4AccelerationExperiment.Config.of(model.params()).depth();
        List<History.Line> lines = new ArrayList<>();
        for (String r : L4AccelerationExperiment.RACERS) {
            lines.add(History.Line.of(L4AccelerationExperiment.EXCESS.of(r), identity(r), label(r, depth))
                    .flaggedBy(L4AccelerationExperiment.DIVERGED.of(r)));
        }
        lossHistory.setLines(lines);
        depth2History.setLines(updateLines("depth2", 2));
        depthNHistory.setLines(updateLines("depthN", depth));
        depthN.setTitle("The update depth " + depth + " implies");
        render(true);
    }

    private static List<History.Line> updateLines(String racer, int depth) {
        String rate = depth == 2 ? "‖w‖" : "‖w‖^" + (2 * depth - 2) + "/" + depth;
        return List.of(
                History.Line.of(L4AccelerationExperiment.GD_STEP.of(racer), "target", "plain GD η‖∇‖")
                        .drawn(Chart.Style.DASHED),
                History.Line.of(L4AccelerationExperiment.ADAPTIVE.of(racer), "train", "η" + rate + "‖∇‖"),
                History.Line.of(L4AccelerationExperiment.MEMORY.of(racer), "test error",
                        "η" + rate + "·" + (depth - 1) + "‖Pr_w∇‖"),
                History.Line.of(L4AccelerationExperiment.E2E_STEP.of(racer), "mse", "end-to-end"));
    }

    @Override
    protected void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || model.recording() == null || !frame.hasScalar(L4AccelerationExperiment.ITERATION.key())) {
            return;
        }
        boolean playing = throttled(force);
        int count = model.frameCountProperty().get();
        int shown = model.indexProperty().get();
        if (lossHistory.update(model.recording(), shown, count, playing)) {
            markHits(frame);
        }
        depth2History.update(model.recording(), shown, count, playing);
        depthNHistory.update(model.recording(), shown, count, playing);
    }

    /** A dashed vertical line at the step each racer reached the target, in its colour (none before it has). */
    private void markHits(Frame frame) {
        double every = L4AccelerationExperiment.Config.of(model.params()).every();
        List<Double> xs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String r : L4AccelerationExperiment.RACERS) {
            double hit = frame.scalar(L4AccelerationExperiment.HIT.of(r));
            if (Double.isFinite(hit)) {
                xs.add(hit / every);
                ids.add(identity(r));
            }
        }
        losses.setXMarks(xs.stream().mapToDouble(Double::doubleValue).toArray(), ids);
    }
}
