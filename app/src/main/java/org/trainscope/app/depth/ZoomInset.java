package org.trainscope.app.depth;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.trainscope.app.chart.Chart;

/**
 * A sawtooth chart with its zoom beside it: the zoom takes {@code share} of the width and shows only when the
 * teeth are too dense to see on the full chart ({@link SawtoothShape#needsInset}); its series look as the full
 * chart's, whose legend names them, so it has no legend of its own.
 */
final class ZoomInset {
    private ZoomInset() {
    }

    /** The pair, side by side; the zoom is hidden (and takes no room) until it is made visible. */
    static HBox beside(Chart full, Chart zoom, double share) {
        for (int i = 0; i < zoom.seriesCount(); i++) {
            zoom.hideFromLegend(i);
        }
        zoom.fixY(-0.02, 1.06);
        zoom.viewer().managedProperty().bind(zoom.viewer().visibleProperty());
        zoom.viewer().setVisible(false);
        HBox both = new HBox(full.viewer(), zoom.viewer());
        HBox.setHgrow(full.viewer(), Priority.ALWAYS);
        full.viewer().setMinWidth(0);
        zoom.viewer().setMinWidth(0);
        zoom.viewer().prefWidthProperty().bind(both.widthProperty().multiply(share));
        return both;
    }
}
