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
import org.trainscope.engine.optimization.SharpnessExperiment;

/** The edge of stability: the Hessian's top eigenvalues against step with the 2/η line, and the loss beside them. */
public final class SharpnessView extends ChartsView {
    private final Chart eigen = chart(new Chart("Sharpness: top eigenvalues of ∇²L", Axis.STEPS, "step", Axis.LINEAR,
            "eigenvalue"));
    private final Chart loss = chart(new Chart("Training loss (full batch)", Axis.STEPS, "step", Axis.LOG, "loss"));
    private final GridPane root = root(Panels.grid(1, 62, 38));
    private final History eigenHistory = new History(eigen);
    private final History lossHistory = new History(loss);

    public SharpnessView(PlaybackModel model) {
        super(model);
        eigen.viewer().setId("sharpness-chart");
        loss.viewer().setId("sharpness-loss");
        root.add(eigen.viewer(), 0, 0);
        root.add(loss.viewer(), 0, 1);
        lossHistory.setLines(List.of(History.Line.of(SharpnessExperiment.LOSS.key(), "loss", "L(θ_t)")));
        start();
    }

    @Override
    protected void configure() {
        if (model.params() == null) {
            return;
        }
        int k = SharpnessExperiment.Config.of(model.params()).k();
        List<History.Line> lines = new ArrayList<>();
        lines.add(History.Line.of(SharpnessExperiment.TWO_OVER_LR.key(), "target", "2/η").drawn(Chart.Style.DASHED));
        for (int i = 1; i <= k; i++) {
            lines.add(History.Line.of(SharpnessExperiment.EIG.of(i), "eig " + i,
                    i == 1 ? "λ₁, the sharpness" : "λ" + subscript(i)));
        }
        eigenHistory.setLines(lines);
        for (int i = 2; i <= k; i++) {
            eigen.setWeight(i, 0.6f);                     // series i is λ_i (0 is 2/η): the others thinner than λ₁
        }
        render(true);
    }

    private static String subscript(int i) {
        return String.valueOf((char) ('₀' + i));
    }

    @Override
    protected void render(boolean force) {
        Frame frame = model.frame();
        if (frame == null || model.recording() == null || !frame.has(SharpnessExperiment.SHARPNESS)) {
            return;
        }
        boolean playing = throttled(force);
        int count = model.frameCountProperty().get();
        int shown = model.indexProperty().get();
        eigenHistory.update(model.recording(), shown, count, playing);
        lossHistory.update(model.recording(), shown, count, playing);
    }
}
