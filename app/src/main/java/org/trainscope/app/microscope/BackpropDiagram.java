package org.trainscope.app.microscope;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.microscope.BackpropStepsExperiment;

/**
 * The small MLP of backprop-steps drawn as the slides draw it: a column of units per layer, an edge per weight. Each
 * unit shows its output o (once the forward pass reached it) and its δ (once the backward pass did), for the first
 * example of the batch; each edge's colour is the sign and its width the size of its weight — or, from the gradient
 * frame on, of its gradient ∇W, whose value is written on it beside its finite-difference check. The layer being
 * computed is highlighted. Cheap vector drawing on the FX thread (at most 5 columns of 4 units).
 */
final class BackpropDiagram extends Region {
    private static final Color POSITIVE = Palette.of("deep").colour();
    private static final Color NEGATIVE = Palette.of("shallow").colour();
    private static final Color HIGHLIGHT = Palette.of("bound").colour();
    private static final Color DELTA = Palette.of("points").colour();
    private static final String[] PHASES = {"forward", "loss", "backward", "gradients", "update"};

    private final Canvas canvas = new Canvas();
    private Frame frame;
    private int[] units = new int[0];
    private boolean dark;
    private double scale = 1;

    BackpropDiagram() {
        getChildren().add(canvas);
        setMinSize(200, 150);
    }

    /** Shows {@code f}, a frame of a net with {@code layerUnits} units per layer (input first). */
    void show(Frame f, int[] layerUnits) {
        frame = f;
        units = layerUnits.clone();
        draw();
    }

    void setDark(boolean isDark) {
        dark = isDark;
        draw();
    }

    void setPresenter(double factor) {
        scale = factor;
        draw();
    }

    /** The layer highlighted (0: the whole net or none), for tests. */
    int highlightedLayer() {
        return frame == null ? -1 : (int) frame.scalar(BackpropStepsExperiment.LAYER);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        Color fg = dark ? Color.web("#C9D1DC") : Color.web("#24292F");
        g.setFill(dark ? Color.web("#161B22") : Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (frame == null || units.length < 2 || w < 80 || h < 80) {
            return;
        }
        int layers = units.length - 1;
        int phase = (int) frame.scalar(BackpropStepsExperiment.PHASE);
        int layer = (int) frame.scalar(BackpropStepsExperiment.LAYER);
        boolean gradients = phase >= BackpropStepsExperiment.GRADIENT;
        int batch = frame.series(BackpropStepsExperiment.O.of(0)).length / units[0];

        g.setFill(fg);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("SansSerif", FontWeight.BOLD, 14 * scale));
        g.fillText(String.format(Locale.ROOT, "Training step %d · %s%s", (long) frame.scalar(BackpropStepsExperiment.TRAIN_STEP) + 1,
                PHASES[phase], layer > 0 ? " · layer " + layer : ""), w / 2, 4, w - 8);

        int most = 0;
        for (int n : units) {
            most = Math.max(most, n);
        }
        double top = 30 * scale;
        double line = 13 * scale;
        double table = gradients ? (most + 1) * line + 6 : 0;       // the ∇W tables under the net
        double bottom = h - 8 - 20 * scale - table;
        double left = 80 * scale;
        double right = w - 90 * scale;
        double dx = (right - left) / layers;
        double r = Math.max(6, Math.min(14 * scale, Math.min(dx, (bottom - top) / most) * 0.2));

        if (phase == BackpropStepsExperiment.LOSS_PHASE) {
            highlight(g, right, top, bottom, r);
        } else if (layer > 0) {
            highlight(g, left + dx * layer, top, bottom, r);
        }
        g.setFont(Font.font("SansSerif", 11 * scale));
        for (int t = 1; t <= layers; t++) {
            double[] weights = frame.series((gradients ? BackpropStepsExperiment.GW : BackpropStepsExperiment.W).of(t));
            double[] fd = frame.series(BackpropStepsExperiment.FDW.of(t));
            double biggest = 1e-12;
            for (double v : weights) {
                biggest = Double.isFinite(v) ? Math.max(biggest, Math.abs(v)) : biggest;
            }
            for (int i = 0; i < units[t]; i++) {
                for (int j = 0; j < units[t - 1]; j++) {
                    double v = weights[i * units[t - 1] + j];
                    double x0 = left + dx * (t - 1);
                    double y0 = y(j, units[t - 1], top, bottom);
                    double x1 = left + dx * t;
                    double y1 = y(i, units[t], top, bottom);
                    g.setStroke(Double.isFinite(v) ? (v >= 0 ? POSITIVE : NEGATIVE) : fg.deriveColor(0, 1, 1, 0.3));
                    g.setLineWidth(Double.isFinite(v) ? 0.8 + 4.5 * scale * Math.abs(v) / biggest : 1);
                    g.strokeLine(x0 + r, y0, x1 - r, y1);
                }
            }
            if (gradients) {
                gradientTable(g, fg, t, weights, fd, left + dx * (t - 0.5), bottom + 20 * scale + 6, line, dx);
            }
        }
        double[] target = frame.series(BackpropStepsExperiment.Y);
        for (int t = 0; t <= layers; t++) {
            double x = left + dx * t;
            double[] o = frame.series(BackpropStepsExperiment.O.of(t));
            double[] d = t == 0 ? null : frame.series(BackpropStepsExperiment.DELTA.of(t));
            for (int i = 0; i < units[t]; i++) {
                double yc = y(i, units[t], top, bottom);
                g.setFill(dark ? Color.web("#0D1117") : Color.web("#F6F8FA"));
                g.fillOval(x - r, yc - r, 2 * r, 2 * r);
                g.setStroke(fg);
                g.setLineWidth(1.2);
                g.strokeOval(x - r, yc - r, 2 * r, 2 * r);
                g.setFont(Font.font("SansSerif", FontWeight.BOLD, 12 * scale));
                g.setFill(fg);
                g.setTextBaseline(VPos.CENTER);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText((t == 0 ? "x " : "o ") + value(o[i * batch]), x - r - 3, yc);   // o left of its unit
                if (d != null && Double.isFinite(d[i * batch])) {
                    g.setFill(DELTA);                                  // δ right of it (below the output unit)
                    g.setTextAlign(t == layers ? TextAlignment.CENTER : TextAlignment.LEFT);
                    g.setTextBaseline(t == layers ? VPos.TOP : VPos.CENTER);
                    g.fillText("δ " + value(d[i * batch]), t == layers ? x : x + r + 3, t == layers ? yc + r + 2 : yc);
                }
                g.setTextAlign(TextAlignment.CENTER);
                if (t == layers) {
                    g.setFill(fg);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText("y = " + value(target[i * batch]), x + r + 6, yc);
                    g.setTextAlign(TextAlignment.CENTER);
                }
            }
            g.setFill(fg);
            g.setTextBaseline(VPos.BOTTOM);
            g.setFont(Font.font("SansSerif", FontWeight.BOLD, 12 * scale));
            g.fillText(t == 0 ? "o₀ = x" : "o" + subscript(t), x, bottom + 14 * scale + 4);
        }
    }

    /** ∇W_t row by row, each entry beside its central difference: "∇W₁ (fd)", then "a (a′)  b (b′)". */
    private void gradientTable(GraphicsContext g, Color fg, int t, double[] grad, double[] fd, double x, double y,
                               double line, double width) {
        int in = units[t - 1];
        g.setFill(fg);
        g.setTextBaseline(VPos.TOP);
        double type = Math.min(scale, 1.2);                       // many numbers in a narrow column
        g.setFont(Font.font("SansSerif", FontWeight.BOLD, 11 * type));
        g.fillText("∇W" + subscript(t) + "   (finite difference)", x, y, width - 6);
        g.setFont(Font.font("SansSerif", 10.5 * type));
        for (int i = 0; i < units[t]; i++) {
            StringBuilder row = new StringBuilder();
            for (int j = 0; j < in; j++) {
                row.append(j == 0 ? "" : "   ").append(value(grad[i * in + j])).append(" (").append(value(fd[i * in + j])).append(')');
            }
            g.fillText(row.toString(), x, y + line * (i + 1), width - 6);
        }
    }

    private void highlight(GraphicsContext g, double x, double top, double bottom, double r) {
        g.setFill(HIGHLIGHT.deriveColor(0, 1, 1, dark ? 0.30 : 0.18));
        g.fillRoundRect(x - 2.6 * r, top, 5.2 * r, bottom - top, 18, 18);
    }

    private static double y(int i, int n, double top, double bottom) {
        return top + (bottom - top) * (i + 0.5) / n;
    }

    private static String value(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "·";
    }

    private static String subscript(int t) {
        return String.valueOf((char) ('₀' + t));
    }
}
