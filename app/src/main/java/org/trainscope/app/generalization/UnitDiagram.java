package org.trainscope.app.generalization;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The network as a diagram of maps: a column per layer — the input features, each hidden layer, the output — with
 * every unit drawn as its own small map over the plane, and edges between consecutive columns whose width grows with
 * |w| (blue positive, orange negative). Hovering a map enlarges it. Rebuilt when the net's shape changes, refilled
 * with new images every frame.
 */
final class UnitDiagram extends Region {
    private static final double GAP = 6;
    /** Room at both sides for the column titles, wider than the maps. */
    private static final double MARGIN = 24;
    private static final double HOVER_SCALE = 3.2;
    private static final Color POSITIVE_EDGE = Color.web("#0877BD", 0.7);
    private static final Color NEGATIVE_EDGE = Color.web("#F59322", 0.7);
    private final Canvas edges = new Canvas();
    private final List<List<ImageView>> columns = new ArrayList<>();
    private final List<List<MapImage>> maps = new ArrayList<>();
    private final int res;
    private final List<Label> headers = new ArrayList<>();
    private int[] sizes = new int[0];
    private double[] theta = new double[0];

    /** @param res cells per side of every unit's map */
    UnitDiagram(int res) {
        this.res = res;
        getChildren().add(edges);
        setMinSize(160, 120);
    }

    /** Sets the shape (d_0, …, d_D) and the column titles; keeps the views if the shape is unchanged. */
    void shape(int[] newSizes, List<String> titles) {
        if (java.util.Arrays.equals(newSizes, sizes)) {
            return;
        }
        sizes = newSizes.clone();
        getChildren().retainAll(edges);
        columns.clear();
        maps.clear();
        headers.clear();
        for (int t = 0; t < sizes.length; t++) {
            List<ImageView> column = new ArrayList<>();
            List<MapImage> images = new ArrayList<>();
            for (int i = 0; i < sizes[t]; i++) {
                MapImage map = new MapImage(res);
                images.add(map);
                ImageView view = new ImageView(map.image());          // transparent until the first maps
                view.setSmooth(false);
                view.setOnMouseEntered(e -> {
                    view.setScaleX(HOVER_SCALE);
                    view.setScaleY(HOVER_SCALE);
                    view.toFront();
                });
                view.setOnMouseExited(e -> {
                    view.setScaleX(1);
                    view.setScaleY(1);
                });
                column.add(view);
                getChildren().add(view);
            }
            columns.add(column);
            maps.add(images);
            Label header = new Label(titles.get(t));
            header.getStyleClass().add("diagram-header");
            headers.add(header);
            getChildren().add(header);
        }
        requestLayout();
    }

    /** New maps: pixels[t][i] (unit i of column t, res × res packed ARGB) is written into that unit's image. */
    void show(List<List<int[]>> pixels) {
        for (int t = 0; t < Math.min(pixels.size(), columns.size()); t++) {
            for (int i = 0; i < Math.min(pixels.get(t).size(), columns.get(t).size()); i++) {
                maps.get(t).get(i).write(pixels.get(t).get(i));
            }
        }
    }

    /** The weights of θ (W_1, b_1, W_2, b_2, …) drawn as the edges. */
    void edges(double[] newTheta) {
        theta = newTheta;
        drawEdges();
    }

    /** The image of unit i of column t. */
    Image image(int t, int i) {
        return maps.get(t).get(i).image();
    }

    /** Units drawn, over all columns. */
    int unitCount() {
        return columns.stream().mapToInt(List::size).sum();
    }

    private double mapSize() {
        int most = 1;
        for (int s : sizes) {
            most = Math.max(most, s);
        }
        double byHeight = (getHeight() - 24) / most - GAP;
        double byWidth = (getWidth() - 2 * MARGIN) / Math.max(1, 2 * sizes.length - 1);
        return Math.max(8, Math.min(48, Math.min(byHeight, byWidth)));
    }

    private double x(int t) {
        double size = mapSize();
        double span = getWidth() - size - 2 * MARGIN;
        return MARGIN + (sizes.length < 2 ? span / 2 : span * t / (sizes.length - 1));
    }

    private double y(int t, int i) {
        double size = mapSize();
        double column = sizes[t] * (size + GAP) - GAP;
        return 24 + (getHeight() - 24 - column) / 2 + i * (size + GAP);
    }

    @Override
    protected void layoutChildren() {
        edges.setWidth(getWidth());
        edges.setHeight(getHeight());
        double size = mapSize();
        for (int t = 0; t < columns.size(); t++) {
            for (int i = 0; i < columns.get(t).size(); i++) {
                ImageView v = columns.get(t).get(i);
                v.setFitWidth(size);
                v.setFitHeight(size);
                v.relocate(x(t), y(t, i));
            }
            Label h = headers.get(t);
            h.autosize();
            h.relocate(x(t) + size / 2 - h.getWidth() / 2, 0);
        }
        drawEdges();
    }

    /** W_t(i, j) joins unit j of column t−1 to unit i of column t; θ holds W_1, b_1, W_2, b_2, … */
    private void drawEdges() {
        GraphicsContext g = edges.getGraphicsContext2D();
        g.clearRect(0, 0, edges.getWidth(), edges.getHeight());
        double size = mapSize();
        int off = 0;
        for (int t = 1; t < sizes.length; t++) {
            int count = sizes[t] * sizes[t - 1];
            if (off + count > theta.length) {
                return;
            }
            double most = 1e-12;
            for (int e = 0; e < count; e++) {
                most = Math.max(most, Math.abs(theta[off + e]));
            }
            for (int i = 0; i < sizes[t]; i++) {
                for (int j = 0; j < sizes[t - 1]; j++) {
                    double w = theta[off + i * sizes[t - 1] + j];
                    g.setStroke(w >= 0 ? POSITIVE_EDGE : NEGATIVE_EDGE);
                    g.setLineWidth(0.3 + 4 * Math.abs(w) / most);
                    g.strokeLine(x(t - 1) + size, y(t - 1, j) + size / 2, x(t), y(t, i) + size / 2);
                }
            }
            off += count + sizes[t];
        }
    }
}
