package org.trainscope.app.microscope;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.app.view.TexLine;
import org.trainscope.engine.experiment.ExperimentDef.Explanation;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.microscope.BackpropStepsExperiment;

/**
 * backprop-steps: above, the slide's equation of the sub-step shown with its numbers substituted; in the middle,
 * the network with every unit's o and δ and every edge's weight or gradient, the part being computed highlighted;
 * on the right, the loss per training step and the finite-difference check of each gradient frame. Stepping back shows
 * the recorded sub-step again (no recomputation).
 */
public final class BackpropStepsView extends ChartsView {
    /** Share of the width for the charts, stacked on the right; the network gets the rest and the full height. */
    private static final double CHARTS_SHARE = 0.36;

    private final BorderPane root = root(new BorderPane());
    private final TexLine equation = new TexLine();
    private final BackpropDiagram diagram = new BackpropDiagram();
    private final Chart losses = chart(new Chart("Loss per training step", Axis.STEPS, "training step", Axis.LINEAR, "loss"));
    private final Chart checks = chart(new Chart("Gradient check: max |∇θ − fd|", Axis.STEPS, "training step",
            Axis.LOG, "error"));
    private final GridPane charts = Panels.grid(1, 50, 50);
    private final int lossLine;
    private final int checkLine;
    private boolean dark;
    private double scale = 1;

    public BackpropStepsView(PlaybackModel model) {
        super(model);
        lossLine = losses.add("loss", "loss ℓ", Style.LINE_MARKERS);
        checkLine = checks.add("points", "central differences, h = 1e-5", Style.LINE_MARKERS);
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        charts.add(losses.viewer(), 0, 0);
        charts.add(checks.viewer(), 0, 1);
        charts.prefWidthProperty().bind(root.widthProperty().multiply(CHARTS_SHARE));
        charts.setMinWidth(0);
        diagram.setId("backprop-diagram");
        equation.setId("backprop-equation");
        BorderPane.setMargin(equation, new Insets(4, 8, 6, 8));
        root.setTop(equation);
        root.setCenter(diagram);
        root.setRight(charts);
        root.getStyleClass().add("backprop-view");
        look();
    }

    private void render() {
        Frame f = model.frame();
        Params p = model.params();
        Recording rec = model.recording();
        if (f == null || p == null || rec == null || !f.has(BackpropStepsExperiment.PHASE)) {
            return;
        }
        int[] units = BackpropStepsExperiment.units(p);
        diagram.show(f, units);
        equation.setTex(equationOf(f, units.length - 1, p));
        int n = Math.min(model.indexProperty().get() + 1, rec.size());
        double[][] loss = history(rec, n, BackpropStepsExperiment.LOSS_PHASE, BackpropStepsExperiment.LOSS.key());
        double[][] fd = history(rec, n, BackpropStepsExperiment.GRADIENT, BackpropStepsExperiment.FD_MAX_ERROR.key());
        losses.set(lossLine, loss[0], loss[1]);
        checks.set(checkLine, fd[0], fd[1]);
    }

    /** (training step, value) at each recorded frame of {@code phase}, up to frame n − 1. */
    private static double[][] history(Recording rec, int n, int phase, String key) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += rec.get(i).scalar(BackpropStepsExperiment.PHASE.key()) == phase ? 1 : 0;
        }
        double[][] out = new double[2][count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Frame fi = rec.get(i);
            if (fi.scalar(BackpropStepsExperiment.PHASE.key()) == phase) {
                out[0][k] = fi.scalar(BackpropStepsExperiment.TRAIN_STEP.key()) + 1;
                out[1][k++] = fi.scalar(key);
            }
        }
        return out;
    }

    /** The pseudo-code line of the sub-step that made {@code f}, with the frame's numbers in place. */
    static String equationOf(Frame f, int layers, Params p) {
        int phase = (int) f.scalar(BackpropStepsExperiment.PHASE);
        int t = (int) f.scalar(BackpropStepsExperiment.LAYER);
        boolean ce = p.choice("loss").equals("cross_entropy");
        String tex = switch (phase) {
            case BackpropStepsExperiment.FORWARD -> t == 0
                    ? "o_0 = x = \\val{o0}"
                    : String.format(Locale.ROOT, "z_%d = W_%d\\,o_%d + b_%d = \\val{z%d},\\quad o_%d = \\sigma(z_%d) = \\val{o%d}",
                            t, t, t - 1, t, t, t, t, t);
            case BackpropStepsExperiment.LOSS_PHASE -> ce
                    ? "\\ell = -y\\log o_" + layers + " - (1-y)\\log(1-o_" + layers + ") = \\val{loss}"
                    : "\\ell = \\tfrac{1}{2}\\|o_" + layers + " - y\\|^2 = \\val{loss}";
            case BackpropStepsExperiment.BACKWARD -> t == layers
                    ? String.format(Locale.ROOT, ce ? "\\delta_%d = o_%d - y = \\val{delta%d}"
                            : "\\delta_%d = (o_%d - y) \\odot \\sigma'(z_%d) = \\val{delta%d}", t, t, t, t)
                    : String.format(Locale.ROOT, "\\delta_%d = (W_%d^{\\top}\\delta_%d) \\odot \\sigma'(z_%d) = \\val{delta%d}",
                            t, t + 1, t + 1, t, t);
            case BackpropStepsExperiment.GRADIENT -> String.format(Locale.ROOT,
                    "\\nabla W_%d = \\delta_%d\\,o_%d^{\\top} = \\val{gW%d},\\quad \\nabla b_%d = \\delta_%d,"
                            + "\\quad \\max|\\nabla\\theta - \\mathrm{fd}| = \\val{fd_max_error}",
                    layers, layers, layers - 1, layers, layers, layers);
            default -> "W_t \\leftarrow W_t - \\eta\\,\\nabla W_t,\\quad b_t \\leftarrow b_t - \\eta\\,\\nabla b_t,"
                    + "\\quad \\eta = " + Explanation.number(p.real("lr")) + ",\\quad W_1 = \\val{W1}";
        };
        return Explanation.fill(tex, f);
    }

    /** The LaTeX of the equation shown (numbers filled in), for tests. */
    public String equationShown() {
        return equation.tex();
    }

    /** The layer the diagram highlights, for tests. */
    public int highlightedLayer() {
        return diagram.highlightedLayer();
    }

    private void look() {
        equation.setLook(20 * scale, dark ? Color.web("#C9D1DC") : Color.web("#24292F"));
    }

    @Override
    protected void darkChanged(boolean on) {
        dark = on;
        diagram.setDark(on);
        look();
    }

    @Override
    protected void presenterChanged(boolean on) {
        scale = on ? Chart.PRESENTER_SCALE : 1;
        diagram.setPresenter(scale);
        look();
    }
}
