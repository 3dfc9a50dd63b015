package org.trainscope.app.generalization;

import java.util.Locale;

import javafx.scene.layout.GridPane;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.generalization.NtkExperiment;

/**
 * Lazy training: the widest net's fit beside its linearization and the infinite-width kernel regression; each
 * width's kernel at init beside the analytic one; weight, kernel and net-vs-kernel change against width (log–log,
 * with the 1/√width slope); and each width's weight change against the frame.
 */
public final class NtkView extends ChartsView {
    private static final int MOST = 6;

    private final GridPane root = root(Panels.grid(2, 44, 44, 12));
    private final Chart fit = chart(new Chart("", Axis.LINEAR, "x", Axis.LINEAR, "f(x)"));
    private final Chart kernel = chart(new Chart("Kernel at init Θ₀(x₀, x), widths coloured as below", Axis.LINEAR, "x", Axis.LINEAR, "Θ₀(x₀, x)"));
    private final Chart scaling = chart(new Chart("Change against width", Axis.LOG2, "width m", Axis.LOG, "relative change"));
    private final Chart history = chart(new Chart("Weight change ‖θ_t − θ₀‖/‖θ₀‖", Axis.STEPS, "frame", Axis.LOG, "relative change"));
    private final int points;
    private final int net;
    private final int linear;
    private final int infinite;
    private final int[] kernels = new int[MOST];
    private final int kernelInf;
    private final int weightPoints;
    private final int kernelPoints;
    private final int gapPoints;
    private final int slope;
    private final int[] histories = new int[MOST];
    private final javafx.scene.control.Label table = new javafx.scene.control.Label();
    private boolean hidden;

    public NtkView(PlaybackModel model) {
        super(model);
        points = fit.add("samples", "training points", Style.MARKERS);
        net = fit.add("fit 1", "widest net", Style.LINE);
        linear = fit.add("fit 2", "linearized (Θ₀)", Style.DASHED);
        infinite = fit.add("fit 3", "infinite width (Θ∞)", Style.DOTTED);
        for (int k = 0; k < MOST; k++) {
            kernels[k] = kernel.add("w" + (k + 1), "width", Style.LINE);
            kernel.hideFromLegend(kernels[k]);                        // the weight-change chart's legend names them
            histories[k] = history.add("w" + (k + 1), "width", Style.LINE);
        }
        kernelInf = kernel.add("target", "Θ∞ (arc-cosine)", Style.DASHED);
        weightPoints = scaling.add("change 1", "‖θ_t − θ₀‖/‖θ₀‖", Style.LINE_MARKERS);
        kernelPoints = scaling.add("change 2", "‖Θ_t − Θ₀‖/‖Θ₀‖", Style.LINE_MARKERS);
        gapPoints = scaling.add("change 3", "sup |f_net − f_NTK|", Style.LINE_MARKERS);
        slope = scaling.add("target", "∝ 1/√width", Style.DASHED);
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        fit.viewer().setId("ntk-fit");
        kernel.viewer().setId("ntk-kernel");
        scaling.viewer().setId("ntk-scaling");
        history.viewer().setId("ntk-history");
        root.add(fit.viewer(), 0, 0);
        root.add(kernel.viewer(), 1, 0);
        root.add(scaling.viewer(), 0, 1);
        table.setId("ntk-table");
        table.setWrapText(true);
        root.add(history.viewer(), 1, 1);
        root.add(table, 0, 2, 2, 1);
    }

    private void render() {
        Frame f = model.frame();
        Recording rec = model.recording();
        if (f == null || rec == null || !f.has(NtkExperiment.F_INF)) {
            return;
        }
        int runs = 0;
        while (runs < MOST && f.hasScalar(NtkExperiment.WIDTH.of(runs))) {
            runs++;
        }
        int count = runs;
        for (int k = count; k < MOST && !hidden; k++) {
            history.hideFromLegend(histories[k]);
        }
        hidden = true;
        double[] x = f.series(NtkExperiment.X);
        boolean curve = model.params().choice("data").equals("curve");
        fit.setXLabel(curve ? "x" : "true target of held-out rows (standardized)");
        kernel.setXLabel(curve ? "x" : "true target of held-out rows");
        double[] order = sortedOrder(x);
        fit.batch(() -> {
            fit.set(points, f.series(NtkExperiment.TRAIN_X), f.series(NtkExperiment.TRAIN_Y));
            fit.set(net, pick(x, order), pick(f.series(NtkExperiment.F), order));
            fit.set(linear, pick(x, order), pick(f.series(NtkExperiment.F_LIN), order));
            fit.set(infinite, pick(x, order), pick(f.series(NtkExperiment.F_INF), order));
        });
        double[] widths = new double[count];
        double[] weight = new double[count];
        double[] kern = new double[count];
        double[] gap = new double[count];
        for (int k = 0; k < count; k++) {
            widths[k] = f.scalar(NtkExperiment.WIDTH.of(k));
            weight[k] = f.scalar(NtkExperiment.WEIGHT_CHANGE.of(k));
            kern[k] = f.scalar(NtkExperiment.KERNEL_CHANGE.of(k));
            gap[k] = f.scalar(NtkExperiment.NET_VS_KERNEL.of(k));
        }
        StringBuilder text = new StringBuilder("Test accuracy (UCI, half held out):");
        for (String set : NtkExperiment.TABLES) {
            text.append(String.format(Locale.ROOT, " %s: NTK %.0f %%, net %.0f %%, Gaussian %.0f %%;",
                    set.replace('_', ' '), 100 * f.scalar(NtkExperiment.TABLE.of(set, "ntk")),
                    100 * f.scalar(NtkExperiment.TABLE.of(set, "net")), 100 * f.scalar(NtkExperiment.TABLE.of(set, "gaussian"))));
        }
        table.setText(text.substring(0, text.length() - 1));
        int widest = count - 1;
        fit.setTitle(String.format(Locale.ROOT, "Width %.0f: sup |f − f_NTK| = %.3g", widths[widest], gap[widest]));
        kernel.batch(() -> {
            for (int k = 0; k < MOST; k++) {
                boolean shown = k < count;
                kernel.setLabel(kernels[k], shown ? String.format(Locale.ROOT, "m = %.0f", widths[k]) : "");
                kernel.set(kernels[k], shown ? pick(x, order) : new double[0],
                        shown ? pick(f.series(NtkExperiment.KERNEL.of(k)), order) : new double[0]);
            }
            kernel.set(kernelInf, pick(x, order), pick(f.series(NtkExperiment.KERNEL_INF), order));
        });
        double[] law = new double[count];
        for (int k = 0; k < count; k++) {
            law[k] = weight[0] * Math.sqrt(widths[0] / widths[k]);                 // ∝ 1/√m through the first point
        }
        scaling.batch(() -> {
            scaling.set(weightPoints, widths, weight);
            scaling.set(kernelPoints, widths, kern);
            scaling.set(gapPoints, widths, gap);
            scaling.set(slope, widths, law);
        });
        int n = Math.min(model.indexProperty().get() + 1, rec.size());
        double[] step = new double[n];
        double[][] hist = new double[count][n];
        for (int i = 0; i < n; i++) {
            Frame fi = rec.get(i);
            step[i] = fi.step();
            for (int k = 0; k < count; k++) {
                hist[k][i] = fi.scalar(NtkExperiment.WEIGHT_CHANGE.of(k));
            }
        }
        history.batch(() -> {
            for (int k = 0; k < MOST; k++) {
                boolean shown = k < count;
                history.setLabel(histories[k], shown ? String.format(Locale.ROOT, "m = %.0f", widths[k]) : "");
                history.set(histories[k], shown ? step : new double[0], shown ? hist[k] : new double[0]);
            }
        });
    }

    /** Indices that sort x (as doubles, for {@link #pick}). */
    private static double[] sortedOrder(double[] x) {
        return java.util.stream.IntStream.range(0, x.length).boxed()
                .sorted((i, j) -> Double.compare(x[i], x[j])).mapToDouble(Integer::doubleValue).toArray();
    }

    private static double[] pick(double[] v, double[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[(int) order[i]];
        }
        return out;
    }

    /** The accuracy table's text. */
    public String tableText() {
        return table.getText();
    }

    /** Points in the change-against-width chart's weight series. */
    public int widthPointCount() {
        return scaling.pointCount(weightPoints);
    }
}
