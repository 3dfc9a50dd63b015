package org.trainscope.app.landscape;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.trainscope.engine.landscape.Surface;

/**
 * A shade over the part of the map where 2-D gradient descent at the current η is unstable: λ_max(∇²f) &gt; 2/η
 * (lecture 000, "Black box analysis": the step is limited by the smoothness ‖∇²f‖), from the surface's Hessian on
 * a grid of cells. The mask is kept until the view, the surface or η changes, so drawing a frame costs only the
 * fill. FX thread only.
 */
final class InstabilityLayer {
    /** Cells along the longer side of the plot. */
    static final int CELLS = 96;
    private static final Color SHADE = Color.web("#D55E00", 0.22);

    private Surface surface;
    private double eta = Double.NaN;
    private double[] bounds;
    private boolean[] mask;
    private int cols;
    private int rows;

    /** Draws the shade (and a one-line key) for η = {@code newEta}; {@code typeScale}: presenter mode's factor. */
    void draw(GraphicsContext g, Viewport viewport, Surface newSurface, double newEta, double typeScale) {
        if (newSurface == null || !(newEta > 0)) {
            return;
        }
        double[] b = viewport.bounds();
        if (newSurface != surface || newEta != eta || !java.util.Arrays.equals(b, bounds)) {
            surface = newSurface;
            eta = newEta;
            bounds = b;
            double w = viewport.plotWidth();
            double h = viewport.plotHeight();
            cols = w >= h ? CELLS : Math.max(1, (int) Math.round(CELLS * w / h));
            rows = h >= w ? CELLS : Math.max(1, (int) Math.round(CELLS * h / w));
            mask = mask(surface, b, cols, rows, eta);
        }
        g.setFill(SHADE);
        double cw = viewport.plotWidth() / cols;
        double ch = viewport.plotHeight() / rows;
        boolean any = false;
        for (int r = 0; r < rows; r++) {                       // one rectangle per run of shaded cells, edges on
            double yTop = Math.round(Viewport.TOP + viewport.plotHeight() - (r + 1) * ch);   // whole pixels: no
            double yBottom = Math.round(Viewport.TOP + viewport.plotHeight() - r * ch);      // overlaps, no seams
            for (int c = 0; c < cols; c++) {
                if (!mask[r * cols + c]) {
                    continue;
                }
                int end = c;
                while (end + 1 < cols && mask[r * cols + end + 1]) {
                    end++;
                }
                double xLeft = Math.round(Viewport.LEFT + c * cw);
                double xRight = Math.round(Viewport.LEFT + (end + 1) * cw);
                g.fillRect(xLeft, yTop, xRight - xLeft, yBottom - yTop);
                any = true;
                c = end;
            }
        }
        if (any) {
            String key = "shaded: GD unstable here, λ_max(∇²f) > 2/η";
            double size = 11 * typeScale;
            javafx.scene.text.Text probe = new javafx.scene.text.Text(key);
            probe.setFont(javafx.scene.text.Font.font(size));
            double tw = probe.getLayoutBounds().getWidth();
            double x = Viewport.LEFT + 6;
            double y = Viewport.TOP + viewport.plotHeight() - 6;
            g.setFill(Color.color(0.1, 0.1, 0.12, 0.75));              // a dark plate, as the legend's
            g.fillRoundRect(x - 4, y - size - 5, tw + 8, size + 8, 6, 6);
            g.setFill(Color.web("#FFB27A"));
            g.setFont(javafx.scene.text.Font.font(size));
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            g.setTextBaseline(javafx.geometry.VPos.BOTTOM);
            g.fillText(key, x, y);
        }
    }

    /**
     * Row-major (x₂ rows from the bottom, x₁ columns): true where λ_max(∇²f) at the cell's centre exceeds 2/η.
     *
     * @param bounds {x1min, x1max, x2min, x2max}
     */
    static boolean[] mask(Surface s, double[] bounds, int cols, int rows, double eta) {
        boolean[] out = new boolean[cols * rows];
        for (int r = 0; r < rows; r++) {
            double x2 = bounds[2] + (r + 0.5) * (bounds[3] - bounds[2]) / rows;
            for (int c = 0; c < cols; c++) {
                double x1 = bounds[0] + (c + 0.5) * (bounds[1] - bounds[0]) / cols;
                out[r * cols + c] = Surface.largestEigenvalue(s.hessian(x1, x2)) > 2 / eta;   // λ_max > 2/η
            }
        }
        return out;
    }
}
