package org.trainscope.app.chart;

import java.util.List;
import java.util.Map;

import javafx.scene.paint.Color;

/**
 * Colours that stay distinguishable for colour-blind viewers and on a projector (Okabe & Ito 2008), one per
 * optimizer; {@code flow}, the curve the others approximate, is drawn white (dashed) on the map.
 */
public final class Palette {
    private static final Map<String, Color> BY_NAME = Map.of(
            "gd", Color.web("#E69F00"),
            "momentum", Color.web("#56B4E9"),
            "nesterov", Color.web("#009E73"),
            "adagrad", Color.web("#F0E442"),
            "rmsprop", Color.web("#CC79A7"),
            "adam", Color.web("#D55E00"),
            "flow", Color.web("#FFFFFF"));
    /** Okabe &amp; Ito's eight, then Tol's wine and indigo, so that ten series (σ_1 … σ_10) need no colour twice. */
    private static final List<Color> CYCLE = List.of(Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"),
            Color.web("#F0E442"), Color.web("#CC79A7"), Color.web("#D55E00"), Color.web("#0072B2"), Color.web("#999999"),
            Color.web("#882255"), Color.web("#332288"));

    private Palette() {
    }

    /** The colour of a named series, or the i-th colour of the cycle. */
    public static Color of(String name, int i) {
        return BY_NAME.getOrDefault(name, CYCLE.get(Math.floorMod(i, CYCLE.size())));
    }

    /** The same colour for Java2D (JFreeChart). */
    public static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /** On a light chart background white vanishes: use near-black for {@code flow} there. */
    public static Color onLight(String name, int i) {
        Color c = of(name, i);
        return c.equals(Color.WHITE) ? Color.web("#222222") : c.equals(Color.web("#F0E442")) ? Color.web("#B8A800") : c;
    }
}
