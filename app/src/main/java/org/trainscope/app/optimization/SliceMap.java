package org.trainscope.app.optimization;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.trainscope.app.chart.Palette;

/**
 * The loss on the slice as a heatmap (log₁₀ of the loss, a perceptual dark-to-bright scale) with log-spaced contours
 * (marching squares) and the training path projected on the plane, its end θ* marked. Rows not yet computed (NaN)
 * stay blank. A canvas that redraws itself when resized; FX thread only.
 */
final class SliceMap extends Pane {
    private static final Color[] SCALE = {Color.web("#2d1b4e"), Color.web("#3b4e8c"), Color.web("#2a8a8c"),
            Color.web("#5cc563"), Color.web("#f2e34c")};
    private static final int LEVELS = 12;

    private final Canvas canvas = new Canvas();
    private double[] grid = new double[0];
    private double[] alphas = new double[0];
    private double[] betas = new double[0];
    private double[] pathAlpha = new double[0];
    private double[] pathBeta = new double[0];
    private String message = "";
    private double scale = 1;
    private boolean dark;

    SliceMap() {
        getChildren().add(canvas);
        widthProperty().subscribe(this::draw);
        heightProperty().subscribe(this::draw);
        setMinSize(200, 200);
    }

    /** The grid (row-major, β rows × α columns), its axes and the path; {@code text} where there is no grid yet. */
    void show(double[] newGrid, double[] newAlphas, double[] newBetas, double[] newPathAlpha, double[] newPathBeta,
              String text) {
        grid = newGrid;
        alphas = newAlphas;
        betas = newBetas;
        pathAlpha = newPathAlpha;
        pathBeta = newPathBeta;
        message = text;
        draw();
    }

    void setDark(boolean on) {
        dark = on;
        draw();
    }

    void setScale(double factor) {
        scale = factor;
        draw();
    }

    /** Number of grid cells drawn (computed, finite), for tests. */
    int cellsDrawn() {
        int count = 0;
        for (double v : grid) {
            count += Double.isFinite(v) ? 1 : 0;
        }
        return count;
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        Color ink = dark ? Color.web("#e6e6e6") : Color.web("#222222");
        g.setFill(dark ? Color.web("#1e1f22") : Color.WHITE);
        g.fillRect(0, 0, w, h);
        double font = 12 * scale;
        g.setFont(Font.font(font));
        double left = 4 * font;
        double bottom = 3.2 * font;
        double top = 1.8 * font;
        double side = Math.max(10, Math.min(w - left - font, h - bottom - top));
        double x0 = left;
        double y0 = top;
        int n = alphas.length;
        g.setFill(ink);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        if (n < 2 || grid.length != n * n) {
            g.fillText(message, w / 2, h / 2);
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : grid) {
            if (Double.isFinite(v) && v > 0) {
                lo = Math.min(lo, Math.log10(v));
                hi = Math.max(hi, Math.log10(v));
            }
        }
        double cell = side / n;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = grid[r * n + c];
                if (!(Double.isFinite(v) && v > 0)) {
                    continue;
                }
                double t = hi > lo ? (Math.log10(v) - lo) / (hi - lo) : 0;
                g.setFill(colour(t));
                g.fillRect(x0 + c * cell, y0 + side - (r + 1) * cell, cell + 0.6, cell + 0.6);   // β up
            }
        }
        g.setStroke(Color.color(1, 1, 1, 0.55));
        g.setLineWidth(0.8 * scale);
        for (int k = 1; k < LEVELS; k++) {
            double level = Math.pow(10, lo + (hi - lo) * k / LEVELS);
            for (double[] s : contour(level)) {
                g.strokeLine(px(x0, side, s[0]), py(y0, side, s[1]), px(x0, side, s[2]), py(y0, side, s[3]));
            }
        }
        Color path = Palette.of("gd").colour();
        g.setStroke(path);
        g.setLineWidth(2 * scale);
        for (int t = 1; t < pathAlpha.length; t++) {
            g.strokeLine(px(x0, side, pathAlpha[t - 1]), py(y0, side, pathBeta[t - 1]),
                    px(x0, side, pathAlpha[t]), py(y0, side, pathBeta[t]));
        }
        g.setFill(path);
        if (pathAlpha.length > 0) {
            double r = 4 * scale;
            g.fillOval(px(x0, side, pathAlpha[0]) - r, py(y0, side, pathBeta[0]) - r, 2 * r, 2 * r);
        }
        g.setFill(Color.WHITE);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("✱", px(x0, side, 0), py(y0, side, 0));
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(x0, y0, side, side);
        g.setFill(ink);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format("α  (%.3g … %.3g)", alphas[0], alphas[n - 1]), x0 + side / 2, y0 + side + 0.4 * font);
        g.fillText(String.format("colour: log₁₀ loss, %.3g (dark) … %.3g (bright); ✱ θ*, path from ●", Math.pow(10, lo),
                Math.pow(10, hi)), x0 + side / 2, y0 + side + 1.7 * font);
        g.save();
        g.translate(x0 - 1.2 * font, y0 + side / 2);
        g.rotate(-90);
        g.fillText(String.format("β  (%.3g … %.3g)", betas[0], betas[n - 1]), 0, -0.6 * font);
        g.restore();
    }

    private double px(double x0, double side, double alpha) {
        int n = alphas.length;
        double cell = side / n;
        return x0 + cell / 2 + (alpha - alphas[0]) / (alphas[n - 1] - alphas[0]) * (side - cell);
    }

    private double py(double y0, double side, double beta) {
        int n = betas.length;
        double cell = side / n;
        return y0 + side - cell / 2 - (beta - betas[0]) / (betas[n - 1] - betas[0]) * (side - cell);
    }

    private static Color colour(double t) {
        double s = Math.max(0, Math.min(1, t)) * (SCALE.length - 1);
        int i = Math.min(SCALE.length - 2, (int) s);
        return SCALE[i].interpolate(SCALE[i + 1], s - i);
    }

    /** Segments (α₁, β₁, α₂, β₂) of the level set by marching squares over the computed cells. */
    List<double[]> contour(double level) {
        int n = alphas.length;
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r + 1 < n; r++) {
            for (int c = 0; c + 1 < n; c++) {
                double[] v = {grid[r * n + c], grid[r * n + c + 1], grid[(r + 1) * n + c + 1], grid[(r + 1) * n + c]};
                double[][] corner = {{alphas[c], betas[r]}, {alphas[c + 1], betas[r]}, {alphas[c + 1], betas[r + 1]},
                        {alphas[c], betas[r + 1]}};
                if (!(Double.isFinite(v[0]) && Double.isFinite(v[1]) && Double.isFinite(v[2]) && Double.isFinite(v[3]))) {
                    continue;
                }
                List<double[]> cross = new ArrayList<>();
                for (int e = 0; e < 4; e++) {
                    double a = v[e] - level;
                    double b = v[(e + 1) % 4] - level;
                    if ((a < 0) != (b < 0)) {
                        double f = a / (a - b);
                        double[] p = corner[e];
                        double[] q = corner[(e + 1) % 4];
                        cross.add(new double[] {p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1])});
                    }
                }
                for (int k = 0; k + 1 < cross.size(); k += 2) {
                    out.add(new double[] {cross.get(k)[0], cross.get(k)[1], cross.get(k + 1)[0], cross.get(k + 1)[1]});
                }
            }
        }
        return out;
    }
}
