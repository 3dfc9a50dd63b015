package org.trainscope.app.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/**
 * The test confusion matrix as a grid of counts, rows the true class and columns the predicted one, each cell shaded
 * by its share of the largest count (blue on the diagonal, orange off it). The cells are built once per number of
 * classes and only refilled per frame: no new nodes and no style sheet to parse while the run plays.
 */
final class ConfusionGrid extends GridPane {
    private static final Color RIGHT = Color.rgb(0, 114, 178);
    private static final Color WRONG = Color.rgb(213, 94, 0);
    private final List<Label> cells = new ArrayList<>();
    private int classes = -1;

    ConfusionGrid() {
        setHgap(2);
        setVgap(2);
    }

    /** Shows {@code counts}, row-major k × k: entry (true, predicted). */
    void show(double[] counts, int k) {
        if (k != classes) {
            build(k);
        }
        double most = 1;
        for (double c : counts) {
            most = Math.max(most, c);
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = counts[i * k + j];
                Label cell = cells.get(i * k + j);
                cell.setText(String.format(Locale.ROOT, "%.0f", v));
                Color base = i == j ? RIGHT : WRONG;
                Color shade = Color.color(base.getRed(), base.getGreen(), base.getBlue(), 0.15 + 0.6 * v / most);
                cell.setBackground(new Background(new BackgroundFill(shade, null, null)));
            }
        }
    }

    private void build(int k) {
        classes = k;
        getChildren().clear();
        cells.clear();
        for (int c = 0; c < k; c++) {
            Label row = new Label("true " + c);
            row.setTextFill(ClassColours.of(c));
            add(row, 0, c + 1);
            Label col = new Label("pred " + c);
            col.setTextFill(ClassColours.of(c));
            add(col, c + 1, 0);
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                Label cell = new Label();
                cell.setMinWidth(44);
                cell.setAlignment(Pos.CENTER);
                cell.setPadding(new Insets(4));
                cells.add(cell);
                add(cell, j + 1, i + 1);
            }
        }
    }
}
