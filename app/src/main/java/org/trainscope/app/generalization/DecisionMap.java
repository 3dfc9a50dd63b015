package org.trainscope.app.generalization;

import java.util.function.BiConsumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.trainscope.engine.generalization.PlaygroundData;

/**
 * The decision map with the points on top: training points filled, test points as rings, drawn points with a dark
 * edge. A primary click reports the data coordinates (x₁, x₂) to {@code onAdd}, a secondary click to
 * {@code onRemove}. The map is drawn square, as large as the region allows.
 *
 * <p>The map is an image view under a canvas of the points: a new map only changes the image's pixels, and the
 * points (hundreds of antialiased circles) are drawn again only when they or the size change, not every frame.
 */
final class DecisionMap extends Region {
    private static final double EXTENT = PlaygroundData.EXTENT;
    private final ImageView view = new ImageView();
    private final Canvas canvas = new Canvas();
    private PlaygroundData data;
    private int drawn;

    DecisionMap(BiConsumer<Double, Double> onAdd, BiConsumer<Double, Double> onRemove) {
        view.setSmooth(false);
        getChildren().addAll(view, canvas);
        setMinSize(120, 120);
        canvas.setOnMouseClicked(e -> {
            double[] at = toData(e.getX(), e.getY());
            if (at == null) {
                return;
            }
            if (e.getButton() == MouseButton.PRIMARY) {
                onAdd.accept(at[0], at[1]);
            } else if (e.getButton() == MouseButton.SECONDARY) {
                onRemove.accept(at[0], at[1]);
            }
        });
    }

    /**
     * The map image (its pixels change in place as frames come) and the points; {@code drawnCount} of the training
     * points (the last ones) were drawn by hand. The points are drawn again only if they are other points.
     */
    void show(Image map, PlaygroundData points, int drawnCount) {
        view.setImage(map);
        if (points != data || drawnCount != drawn) {
            data = points;
            drawn = drawnCount;
            draw();
        }
    }

    private double side() {
        return Math.max(10, Math.min(getWidth(), getHeight()) - 8);
    }

    private double left() {
        return (getWidth() - side()) / 2;
    }

    private double top() {
        return (getHeight() - side()) / 2;
    }

    /** Data coordinates of a pixel, or null outside the map. */
    double[] toData(double px, double py) {
        double u = (px - left()) / side();
        double v = (py - top()) / side();
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        return new double[] {-EXTENT + 2 * EXTENT * u, EXTENT - 2 * EXTENT * v};
    }

    /** The pixel of data coordinates (x₁, x₂). */
    double[] toPixel(double x1, double x2) {
        return new double[] {left() + (x1 + EXTENT) / (2 * EXTENT) * side(), top() + (EXTENT - x2) / (2 * EXTENT) * side()};
    }

    @Override
    protected void layoutChildren() {
        view.relocate(left(), top());
        view.setFitWidth(side());
        view.setFitHeight(side());
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(Color.gray(0.5));
        g.strokeRect(left(), top(), side(), side());
        if (data == null) {
            return;
        }
        double r = Math.max(2.5, side() / 110);
        points(g, data.testX(), data.testY(), r, false, 0);
        points(g, data.trainX(), data.trainY(), r, true, drawn);
    }

    private void points(GraphicsContext g, double[] xy, int[] y, double r, boolean filled, int drawnCount) {
        for (int k = 0; k < y.length; k++) {
            double[] p = toPixel(xy[2 * k], xy[2 * k + 1]);
            boolean byHand = k >= y.length - drawnCount;
            g.setLineWidth(byHand ? 2 : 1);
            if (filled) {
                g.setFill(ClassColours.of(y[k]));
                g.fillOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
                g.setStroke(byHand ? Color.BLACK : Color.WHITE);
            } else {
                g.setStroke(ClassColours.of(y[k]));
            }
            g.strokeOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
        }
    }
}
