package org.trainscope.app.microscope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.util.Subscription;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.microscope.ActivationsExperiment;
import org.trainscope.engine.microscope.Sigma;

/**
 * activations: the gradient norm of every layer on a log scale, now and at initialization (dashed); the spread of
 * every layer's outputs; the histograms of a few layers' outputs; and σ with σ′. The frame shown is read from the
 * recording, so scrubbing back to step 0 shows the net at init.
 */
public final class ActivationsView implements ExperimentView {
    /** Histograms drawn: the first, three between, and the last hidden layer. */
    private static final int HISTOGRAMS = 5;
    /** σ and σ′ are drawn on [−4, 4] at this many points. */
    private static final int CURVE_POINTS = 321;

    private final PlaybackModel model;
    private final GridPane root = Panels.grid(2, 50, 50);
    private final Chart grads = new Chart("Gradient norm per layer", Axis.LINEAR, "layer t (1 = input side)", Axis.LOG, "‖∂L/∂W_t‖");
    private final Chart spread = new Chart("Spread of each layer's outputs", Axis.LINEAR, "layer t", Axis.LINEAR, "std of o_t");
    private final Chart hists = new Chart("Outputs of some layers", Axis.LINEAR, "o_t", Axis.LINEAR, "fraction");
    private final Chart function = new Chart("σ and σ′", Axis.LINEAR, "z", Axis.LINEAR, "value");
    private final List<Chart> all = List.of(grads, spread, hists, function);
    private final int gradNow;
    private final int gradInit;
    private final int spreadNow;
    private final int spreadInit;
    private final int[] histLines = new int[HISTOGRAMS];
    private final int sigmaLine;
    private final int derivativeLine;
    private final Subscription subscription;
    private Frame rendered;

    public ActivationsView(PlaybackModel model) {
        this.model = model;
        gradNow = grads.add("deep", "now", Style.LINE_MARKERS);
        gradInit = grads.add("target", "at init", Style.DASHED);
        spreadNow = spread.add("deep", "now", Style.LINE_MARKERS);
        spreadInit = spread.add("target", "at init", Style.DASHED);
        for (int i = 0; i < HISTOGRAMS; i++) {
            histLines[i] = hists.add("layer " + (i + 1), "layer", Style.LINE);
        }
        sigmaLine = function.add("deep", "σ(z)", Style.LINE);
        derivativeLine = function.add("shallow", "σ′(z)", Style.LINE);
        createView();
        subscription = model.frameProperty().subscribe((was, now) -> render());
        render();
    }

    private void createView() {
        grads.viewer().setId("activations-grads");
        spread.viewer().setId("activations-spread");
        hists.viewer().setId("activations-hists");
        function.viewer().setId("activations-function");
        function.fixX(-4, 4);
        root.add(grads.viewer(), 0, 0);
        root.add(spread.viewer(), 1, 0);
        root.add(hists.viewer(), 0, 1);
        root.add(function.viewer(), 1, 1);
        root.getStyleClass().add("activations-view");
    }

    private void render() {
        Frame f = model.frame();
        Params p = model.params();
        Recording rec = model.recording();
        if (f == null || p == null || rec == null || rec.size() == 0 || !f.has(ActivationsExperiment.LOSS) || f == rendered) {
            return;
        }
        rendered = f;
        ActivationsExperiment.Config c = ActivationsExperiment.Config.of(p);
        int depth = c.depth();
        Frame init = rec.get(0);
        double[][] now = perLayer(f, ActivationsExperiment.GRAD_NORM, depth, true);
        double[][] atInit = perLayer(init, ActivationsExperiment.GRAD_NORM, depth, true);
        grads.batch(() -> {
            grads.set(gradNow, now[0], now[1]);
            grads.set(gradInit, atInit[0], atInit[1]);
        });
        grads.setTitle(String.format(Locale.ROOT, "‖∂L/∂W_t‖ per layer · step %d · first/last = %.2g", f.step(),
                f.scalar(ActivationsExperiment.GRAD_RATIO)));
        double[][] s = perLayer(f, ActivationsExperiment.ACT_STD, depth - 1, false);
        double[][] s0 = perLayer(init, ActivationsExperiment.ACT_STD, depth - 1, false);
        spread.batch(() -> {
            spread.set(spreadNow, s[0], s[1]);
            spread.set(spreadInit, s0[0], s0[1]);
        });
        for (Chart chart : List.of(grads, spread)) {
            chart.fixX(0.5, depth + 0.5);
        }
        double[] range = f.series(ActivationsExperiment.HIST_RANGE);
        int[] layers = shownLayers(depth - 1);
        hists.batch(() -> {
            for (int i = 0; i < HISTOGRAMS; i++) {
                double[][] curve = i < layers.length ? steps(f.series(ActivationsExperiment.HIST.of(layers[i])), range)
                        : new double[2][0];
                hists.set(histLines[i], curve[0], curve[1]);
            }
        });
        for (int i = 0; i < HISTOGRAMS; i++) {
            hists.setLabel(histLines[i], i < layers.length ? "layer " + layers[i] : "");
        }
        hists.setTitle("Outputs of layers " + joined(layers) + " (histograms)");
        double[][] curves = curves(c.sigma());
        function.batch(() -> {
            function.set(sigmaLine, curves[0], curves[1]);
            function.set(derivativeLine, curves[0], curves[2]);
        });
        function.setTitle("σ = " + c.sigma().label() + " and σ′ · init " + c.init());
    }

    /** (t, value) for t = 1 … n; on a log axis the zeros (a step net's gradients) are left out. */
    private static double[][] perLayer(Frame f, org.trainscope.engine.experiment.Output out, int n, boolean positive) {
        List<double[]> points = new ArrayList<>();
        for (int t = 1; t <= n; t++) {
            double v = f.scalar(out.of(t));
            if (!positive || v > 0) {
                points.add(new double[]{t, v});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    /** The first, the last and evenly spaced hidden layers between them, at most {@link #HISTOGRAMS}. */
    static int[] shownLayers(int hidden) {
        int n = Math.min(HISTOGRAMS, hidden);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = n == 1 ? 1 : 1 + (int) Math.round((double) i * (hidden - 1) / (n - 1));
        }
        return out;
    }

    /** A histogram as a step curve through its bin edges. */
    private static double[][] steps(double[] hist, double[] range) {
        double width = (range[1] - range[0]) / hist.length;
        double[][] xy = new double[2][2 * hist.length];
        for (int b = 0; b < hist.length; b++) {
            xy[0][2 * b] = range[0] + b * width;
            xy[0][2 * b + 1] = range[0] + (b + 1) * width;
            xy[1][2 * b] = hist[b];
            xy[1][2 * b + 1] = hist[b];
        }
        return xy;
    }

    /** z, σ(z), σ′(z) on [−4, 4]. */
    private static double[][] curves(Sigma sigma) {
        double[][] out = new double[3][CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            double z = -4 + 8.0 * i / (CURVE_POINTS - 1);
            out[0][i] = z;
            out[1][i] = sigma.value(z);
            out[2][i] = sigma.derivative(z);
        }
        return out;
    }

    private static String joined(int[] layers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < layers.length; i++) {
            b.append(i == 0 ? "" : ", ").append(layers[i]);
        }
        return b.toString();
    }

    /** Points of the gradient-norm curve now (one per layer with a non-zero gradient), for tests. */
    public int gradientPointCount() {
        return grads.pointCount(gradNow);
    }

    /** The title of the gradient chart, for tests. */
    public String gradientTitle() {
        return grads.chart().getTitle().getText();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setDark(boolean dark) {
        all.forEach(c -> c.setDark(dark));
    }

    @Override
    public void setPresenter(boolean on) {
        all.forEach(c -> c.setPresenter(on));
    }

    @Override
    public void dispose() {
        subscription.unsubscribe();
    }
}
