package org.trainscope.app.generalization;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A pad to draw a target curve on [−1, 1] × [−1.5, 1.5] with the mouse: dragging sets the value at each of
 * {@value #KNOTS} equally spaced points it passes (and fills those it skipped), releasing hands them on. Shows the
 * current curve when idle.
 */
final class CurvePad extends Region {
    /** Values the drawn curve is sampled at: equally spaced points of [−1, 1]. */
    static final int KNOTS = 33;
    private static final double RANGE = 1.5;
    private final Canvas canvas = new Canvas();
    private final double[] values = new double[KNOTS];
    private int last = -1;

    CurvePad(Consumer<List<Double>> onDrawn) {
        getChildren().add(canvas);
        setMinSize(120, 60);
        canvas.setOnMousePressed(e -> {
            last = -1;
            mark(e);
        });
        canvas.setOnMouseDragged(this::mark);
        canvas.setOnMouseReleased(e -> {
            last = -1;
            onDrawn.accept(java.util.Arrays.stream(values).map(v -> Math.rint(v * 100) / 100).boxed().toList());
        });
    }

    /** Shows {@code curve} (values at equally spaced points of [−1, 1]) resampled to the pad's knots. */
    void show(double[] curve) {
        for (int i = 0; i < KNOTS; i++) {
            double x = -1 + 2.0 * i / (KNOTS - 1);
            double u = (x + 1) / 2 * (curve.length - 1);
            int k = Math.min(curve.length - 2, (int) Math.floor(u));
            values[i] = curve.length < 2 ? 0 : curve[k] * (1 - (u - k)) + curve[k + 1] * (u - k);
        }
        draw();
    }

    private void mark(MouseEvent e) {
        int i = (int) Math.round(Math.max(0, Math.min(1, e.getX() / getWidth())) * (KNOTS - 1));
        double v = RANGE - 2 * RANGE * Math.max(0, Math.min(1, e.getY() / getHeight()));
        if (last >= 0 && Math.abs(i - last) > 1) {
            int step = i > last ? 1 : -1;
            for (int j = last + step; j != i; j += step) {
                values[j] = values[last] + (v - values[last]) * (j - last) / (double) (i - last);   // fill the gap
            }
        }
        values[i] = v;
        last = i;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        g.strokeLine(0, h / 2, w, h / 2);
        g.setStroke(Color.web("#0072B2"));
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < KNOTS; i++) {
            double px = w * i / (KNOTS - 1);
            double py = h * (RANGE - values[i]) / (2 * RANGE);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
        g.setFill(Color.gray(0.4));
        g.fillText("drag to draw a target", 6, 14);
    }
}
