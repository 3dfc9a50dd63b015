package org.trainscope.app.microscope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.layout.GridPane;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
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
public final class ActivationsView extends ChartsView {
    /** Histograms drawn: the first, three between, and the last hidden layer. */
    private static final int HISTOGRAMS = 5;
    /** σ and σ′ are drawn on [−4, 4] at this many points. */
    private static final int CURVE_POINTS = 321;

    private final GridPane root = root(Panels.grid(2, 50, 50));
    private final Chart grads = chart(new Chart("Gradient norm per layer", Axis.LINEAR, "layer t (1 = input side)", Axis.LOG, "‖∂L/∂W_t‖"));
    private final Chart spread = chart(new Chart("Spread of each layer's outputs", Axis.LINEAR, "layer t", Axis.LINEAR, "std of o_t"));
    private final Chart hists = chart(new Chart("Outputs of some layers", Axis.LINEAR, "o_t", Axis.LINEAR, "fraction"));
    private final Chart function = chart(new Chart("σ and σ′", Axis.LINEAR, "z", Axis.LINEAR, "value"));
    private static final List<String> COMPARED_LABELS = List.of("sigmoid + Xavier", "tanh + Xavier", "ReLU + He");
    /** The series of the charts in one mode (compare off: one net; on: one line per activation, indexed alike). */
    private int[] gradNow;
    private int[] gradInit;
    private int[] spreadNow;
    private int[] spreadInit;
    private final int[] histLines = new int[HISTOGRAMS];
    private int sigmaLine;
    private int derivativeLine;
    private int[] comparedSigma;
    private int[] comparedDerivative;
    private Boolean compareShown;
    private Frame rendered;

    public ActivationsView(PlaybackModel model) {
        super(model);
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    /** (Re)makes the series for one net, or for the three compared nets, when the mode changes. */
    private void configure(boolean compare) {
        if (Boolean.valueOf(compare).equals(compareShown)) {
            return;
        }
        compareShown = compare;
        charts().forEach(Chart::clear);
        if (!compare) {
            gradNow = new int[]{grads.add("deep", "now", Style.LINE_MARKERS)};
            gradInit = new int[]{grads.add("target", "at init", Style.DASHED)};
            spreadNow = new int[]{spread.add("deep", "now", Style.LINE_MARKERS)};
            spreadInit = new int[]{spread.add("target", "at init", Style.DASHED)};
            for (int i = 0; i < HISTOGRAMS; i++) {
                histLines[i] = hists.add("layer " + (i + 1), "layer", Style.LINE);
            }
            sigmaLine = function.add("deep", "σ(z)", Style.LINE);
            derivativeLine = function.add("shallow", "σ′(z)", Style.LINE);
            hists.setXLabel("o_t");
            hists.setYLabel("fraction");
            return;
        }
        int n = ActivationsExperiment.COMPARED.size();
        gradNow = new int[n];
        gradInit = new int[n];
        spreadNow = new int[n];
        spreadInit = new int[n];
        comparedSigma = new int[n];
        comparedDerivative = new int[n];
        for (int i = 0; i < n; i++) {
            String act = ActivationsExperiment.COMPARED.get(i);
            String label = COMPARED_LABELS.get(i);
            gradNow[i] = grads.add(act, label, Style.LINE_MARKERS);
            spreadNow[i] = spread.add(act, label, Style.LINE_MARKERS);
            comparedSigma[i] = function.add(act, label, Style.LINE);
            comparedDerivative[i] = hists.add(act, label, Style.LINE);
            spread.hideFromLegend(spreadNow[i]);                 // one legend, on the gradient chart: same colours
            function.hideFromLegend(comparedSigma[i]);
            hists.hideFromLegend(comparedDerivative[i]);
        }
        for (int i = 0; i < n; i++) {                    // dashed, at init: the colour says which, the title the dash
            String act = ActivationsExperiment.COMPARED.get(i);
            gradInit[i] = grads.add(act, "at init", Style.DASHED);
            spreadInit[i] = spread.add(act, "at init", Style.DASHED);
            grads.hideFromLegend(gradInit[i]);
            spread.hideFromLegend(spreadInit[i]);
        }
        hists.setXLabel("z");
        hists.setYLabel("σ′(z)");
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
        if (f == null || p == null || rec == null || rec.size() == 0 || f == rendered) {
            return;
        }
        ActivationsExperiment.Config c = ActivationsExperiment.Config.of(p);
        Frame init = rec.get(0);
        if (!ofMode(f, c.compare()) || !ofMode(init, c.compare())) {
            return; // a frame of the run before the params changed
        }
        rendered = f;
        int depth = c.depth();
        configure(c.compare());
        if (c.compare()) {
            renderCompared(f, init, depth);
            return;
        }
        double[][] now = perLayer(f, ActivationsExperiment.GRAD_NORM, depth, true);
        double[][] atInit = perLayer(init, ActivationsExperiment.GRAD_NORM, depth, true);
        grads.batch(() -> {
            grads.set(gradNow[0], now[0], now[1]);
            grads.set(gradInit[0], atInit[0], atInit[1]);
        });
        grads.setTitle(String.format(Locale.ROOT, "‖∂L/∂W_t‖ per layer · step %d · first/last = %.2g", f.step(),
                f.scalar(ActivationsExperiment.GRAD_RATIO)));
        double[][] s = perLayer(f, ActivationsExperiment.ACT_STD, depth - 1, false);
        double[][] s0 = perLayer(init, ActivationsExperiment.ACT_STD, depth - 1, false);
        spread.batch(() -> {
            spread.set(spreadNow[0], s[0], s[1]);
            spread.set(spreadInit[0], s0[0], s0[1]);
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

    /**
     * The three nets of compare = on on shared charts: gradient norms per layer (one log y range for all, so the
     * sigmoid's fall reads against ReLU's level line), output spreads, and σ, σ′ of each activation.
     */
    private void renderCompared(Frame f, Frame init, int depth) {
        List<String> acts = ActivationsExperiment.COMPARED;
        grads.batch(() -> {
            for (int i = 0; i < acts.size(); i++) {
                String act = acts.get(i);
                double[][] now = perLayer(f, t -> ActivationsExperiment.COMPARED_GRAD_NORM.of(act, t), depth, true);
                double[][] atInit = perLayer(init, t -> ActivationsExperiment.COMPARED_GRAD_NORM.of(act, t), depth, true);
                grads.set(gradNow[i], now[0], now[1]);
                grads.set(gradInit[i], atInit[0], atInit[1]);
            }
        });
        // the ratios ‖∇W_1‖/‖∇W_last‖ are in the status line: a one-line title leaves the plot its height
        grads.setTitle(String.format(Locale.ROOT, "‖∂L/∂W_t‖ per layer · step %d (dashed: at init)", f.step()));
        spread.batch(() -> {
            for (int i = 0; i < acts.size(); i++) {
                String act = acts.get(i);
                double[][] now = perLayer(f, t -> ActivationsExperiment.COMPARED_ACT_STD.of(act, t), depth - 1, false);
                double[][] atInit = perLayer(init, t -> ActivationsExperiment.COMPARED_ACT_STD.of(act, t), depth - 1, false);
                spread.set(spreadNow[i], now[0], now[1]);
                spread.set(spreadInit[i], atInit[0], atInit[1]);
            }
        });
        spread.setTitle("Spread of each layer's outputs (dashed: at init)");
        for (Chart chart : List.of(grads, spread)) {
            chart.fixX(0.5, depth + 0.5);
        }
        function.batch(() -> {
            for (int i = 0; i < acts.size(); i++) {
                double[][] curves = curves(Sigma.of(acts.get(i)));
                function.set(comparedSigma[i], curves[0], curves[1]);
                hists.set(comparedDerivative[i], curves[0], curves[2]);
            }
        });
        function.setTitle("σ(z) of each");
        hists.setTitle("σ′(z) of each: sigmoid's is at most ¼");
        hists.fixX(-4, 4);
    }

    /** Whether {@code f} is a frame of one net (compare off) or of the three (on). */
    private static boolean ofMode(Frame f, boolean compare) {
        return compare ? f.hasScalar(ActivationsExperiment.COMPARED_LOSS.of(ActivationsExperiment.COMPARED.get(0)))
                : f.has(ActivationsExperiment.LOSS);
    }

    /** (t, value) for t = 1 … n; on a log axis the zeros (a step net's gradients) are left out. */
    private static double[][] perLayer(Frame f, java.util.function.IntFunction<String> key, int n, boolean positive) {
        List<double[]> points = new ArrayList<>();
        for (int t = 1; t <= n; t++) {
            double v = f.scalar(key.apply(t));
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

    /** (t, value) for t = 1 … n; on a log axis the zeros (a step net's gradients) are left out. */
    private static double[][] perLayer(Frame f, org.trainscope.engine.experiment.Output out, int n, boolean positive) {
        return perLayer(f, t -> out.of(t), n, positive);
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
        return grads.pointCount(gradNow[0]);
    }

    /** The gradient chart (one line per compared activation, for tests). */
    public Chart gradientChart() {
        return grads;
    }

    /** The title of the gradient chart, for tests. */
    public String gradientTitle() {
        return grads.chart().getTitle().getText();
    }
}
