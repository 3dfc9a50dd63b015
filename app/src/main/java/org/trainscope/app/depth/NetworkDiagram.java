package org.trainscope.app.depth;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.trainscope.app.chart.Palette;

/**
 * The square network g_m drawn as it is built: input x, m ReLU layers of {@code tent} tent units (the sawtooth's
 * colour) and one carry unit (the deep net's colour) each, and the linear read-out. Edges follow the non-zero weights of the construction: tent →
 * every unit of the next layer, carry → carry, and the input to every first-layer unit. Cheap vector drawing on the
 * FX thread (at most 16 layers of 4 units).
 */
final class NetworkDiagram extends Region {
    private static final Color TENT = Palette.of("sawtooth").colour();
    private static final Color CARRY = Palette.of("deep").colour();

    private final Canvas canvas = new Canvas();
    private int depth;
    private int tent = 3;
    private String caption = "";
    private boolean dark;
    private double scale = 1;

    NetworkDiagram() {
        getChildren().add(canvas);
        setMinSize(200, 150);
    }

    /** Shows depth m with {@code tentUnits} tent units and one carry per layer. */
    void show(int m, int tentUnits, String text) {
        if (m == depth && tentUnits == tent && text.equals(caption)) {
            return;
        }
        depth = m;
        tent = tentUnits;
        caption = text;
        draw();
    }

    void setDark(boolean isDark) {
        dark = isDark;
        draw();
    }

    /** Presenter mode: larger type, the charts' scale factor. */
    void setPresenter(double factor) {
        scale = factor;
        draw();
    }

    int shownDepth() {
        return depth;
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
        Color bg = dark ? Color.web("#161B22") : Color.WHITE;
        Color fg = dark ? Color.web("#C9D1DC") : Color.web("#24292F");
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        if (depth < 1 || w < 50 || h < 50) {
            return;
        }
        g.setFill(fg);
        g.setFont(Font.font("SansSerif", FontWeight.BOLD, 15 * scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("The network g_" + depth + " as built", w / 2, 6, w - 8);   // condensed, never cut, when narrow
        g.setFont(Font.font("SansSerif", 13 * scale));
        String[] lines = caption.split("\n");
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], w / 2, h - 8 - 17 * scale * (lines.length - i), w - 8);
        }

        int units = tent + 1;
        int columns = depth + 2;                                   // input, m hidden layers, output
        double top = 34 * scale;
        double bottom = h - 14 - 17 * scale * lines.length;
        double left = 26;
        double right = w - 26;
        double dx = (right - left) / (columns - 1);
        double dy = (bottom - top) / units;
        double r = Math.max(3, Math.min(11, Math.min(dx, dy) * 0.28));
        double[] ys = new double[units];
        for (int u = 0; u < units; u++) {
            ys[u] = top + dy * (u + 0.5);
        }
        double mid = (top + bottom) / 2;
        g.setStroke(dark ? Color.web("#8B949E", 0.55) : Color.web("#57606A", 0.45));
        g.setLineWidth(1.1);
        for (int c = 1; c < columns; c++) {
            double x0 = left + dx * (c - 1);
            double x1 = left + dx * c;
            boolean last = c == columns - 1;
            for (int v = 0; v < (c == 1 ? 1 : units); v++) {
                double y0 = c == 1 ? mid : ys[v];
                boolean fromCarry = c > 1 && v == tent;
                for (int u = 0; u < (last ? 1 : units); u++) {
                    double y1 = last ? mid : ys[u];
                    boolean toCarry = !last && u == tent;
                    if (fromCarry && !toCarry && !last) {
                        continue;                                  // the carry feeds only the carry and the read-out
                    }
                    g.strokeLine(x0, y0, x1, y1);
                }
            }
        }
        node(g, left, mid, r, fg, fg);
        for (int c = 1; c <= depth; c++) {
            double x = left + dx * c;
            for (int u = 0; u < units; u++) {
                node(g, x, ys[u], r, u == tent ? CARRY : TENT, fg);
            }
        }
        node(g, right, mid, r, fg, fg);
        g.setFont(Font.font("SansSerif", 13 * scale));
        g.setTextBaseline(VPos.CENTER);
        g.setFill(fg);
        g.fillText("x", left, mid - r - 9);
        g.fillText("g", right, mid - r - 9);
    }

    private static void node(GraphicsContext g, double x, double y, double r, Color fill, Color edge) {
        g.setFill(fill);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(edge);
        g.setLineWidth(1);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }
}
