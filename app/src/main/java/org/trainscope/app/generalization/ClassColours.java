package org.trainscope.app.generalization;

import javafx.scene.paint.Color;

/**
 * The playground's colours: one per class (Okabe–Ito, told apart by colour-blind readers too), and the diverging
 * pair of tensorflow/playground for a unit's sign (blue positive, orange negative). Pixels are packed ARGB ints, so
 * maps are computed off the FX thread and only copied into images on it.
 */
final class ClassColours {
    private static final Color[] CLASSES = {Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"),
            Color.web("#CC79A7"), Color.web("#56B4E9")};
    private static final Color POSITIVE = Color.web("#0877BD");
    private static final Color NEGATIVE = Color.web("#F59322");

    private ClassColours() {
    }

    static Color of(int c) {
        return CLASSES[c % CLASSES.length];
    }

    /** Class c's colour, pale where the net is unsure: confidence 1/k is nearly white, 1 the full colour. */
    static int decision(int c, double confidence, int classes) {
        double sure = Math.max(0, (confidence - 1.0 / classes) / (1 - 1.0 / classes));
        return mix(of(c), 0.12 + 0.6 * sure);
    }

    /** A unit's value v against the largest |v| of its map: blue for positive, orange for negative. */
    static int signed(double v, double scale) {
        double t = scale > 0 ? Math.max(-1, Math.min(1, v / scale)) : 0;
        return mix(t >= 0 ? POSITIVE : NEGATIVE, Math.abs(t));
    }

    /** Packed ARGB of white blended towards {@code c} by {@code share}. */
    private static int mix(Color c, double share) {
        int r = (int) Math.round(255 * (1 - share + share * c.getRed()));
        int g = (int) Math.round(255 * (1 - share + share * c.getGreen()));
        int b = (int) Math.round(255 * (1 - share + share * c.getBlue()));
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
