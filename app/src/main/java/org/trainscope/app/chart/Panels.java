package org.trainscope.app.chart;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/** Grids of equal panels that grow with the window, for views of several charts. */
public final class Panels {
    private Panels() {
    }

    /** A grid of {@code columns} equal columns and rows of the given shares of the height (percent). */
    public static GridPane grid(int columns, double... rowPercents) {
        GridPane grid = new GridPane();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (double p : rowPercents) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(p);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.setHgap(6);
        grid.setVgap(6);
        return grid;
    }

    /** A grid whose columns take the given shares of the width (percent) and rows the given shares of the height. */
    public static GridPane grid(double[] columnPercents, double... rowPercents) {
        GridPane grid = grid(columnPercents.length, rowPercents);
        for (int c = 0; c < columnPercents.length; c++) {
            grid.getColumnConstraints().get(c).setPercentWidth(columnPercents[c]);
        }
        return grid;
    }
}
