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

    /** Shares of colour tabulated per ramp, so a pixel is one lookup; a channel stays within one level of the blend. */
    private static final int LEVELS = 1024;
    private static final int[][] CLASS_RAMPS = new int[CLASSES.length][];
    private static final int[] POSITIVE_RAMP = ramp(POSITIVE);
    private static final int[] NEGATIVE_RAMP = ramp(NEGATIVE);
    /** NEGATIVE_RAMP reversed, then POSITIVE_RAMP: entry LEVELS ± k is share k / LEVELS of blue (+) or orange (−). */
    private static final int[] SIGNED_RAMP = new int[2 * LEVELS + 1];

    static {
        for (int c = 0; c < CLASSES.length; c++) {
            CLASS_RAMPS[c] = ramp(CLASSES[c]);
        }
        for (int k = 0; k <= LEVELS; k++) {
            SIGNED_RAMP[LEVELS + k] = POSITIVE_RAMP[k];
            SIGNED_RAMP[LEVELS - k] = NEGATIVE_RAMP[k];
        }
    }

    private ClassColours() {
    }

    static Color of(int c) {
        return CLASSES[c % CLASSES.length];
    }

    /** Class c's colour, pale where the net is unsure: confidence 1/k is nearly white, 1 the full colour. */
    static int decision(int c, double confidence, int classes) {
        double sure = Math.max(0, (confidence - 1.0 / classes) / (1 - 1.0 / classes));
        return at(CLASS_RAMPS[c % CLASSES.length], 0.12 + 0.6 * sure);
    }

    /** The decision map's pixels: {@link #decision} per cell, into {@code argb}. */
    static void decision(int[] predicted, double[] confidence, int classes, int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            argb[i] = decision(predicted[i], confidence[i], classes);
        }
    }

    /** A unit's value v against the largest |v| of its map: blue for positive, orange for negative. */
    static int signed(double v, double scale) {
        double t = scale > 0 ? v / scale : 0;
        return at(t >= 0 ? POSITIVE_RAMP : NEGATIVE_RAMP, Math.abs(t));
    }

    /**
     * A unit's map: {@link #signed} per cell against the map's own largest |value|, into {@code argb}; white if the
     * map is flat or not finite. Written out rather than calling {@link #signed} per cell, as one multiply, add and
     * lookup in a ramp from full orange through white to full blue: this loop colours every unit's map of every frame
     * (28 maps of 128 × 128 at the default net) and was, per cell, as costly as the net's forward pass.
     */
    static void signed(double[] values, int[] argb) {
        double scale = 0;
        for (double v : values) {
            scale = Math.max(scale, Math.abs(v));                        // NaN if any value is NaN
        }
        if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            java.util.Arrays.fill(argb, SIGNED_RAMP[LEVELS]);
            return;
        }
        double levels = LEVELS / scale;
        for (int i = 0; i < argb.length; i++) {
            argb[i] = SIGNED_RAMP[(int) (values[i] * levels + (LEVELS + 0.5))];   // v ∈ [−scale, scale] → 0 … 2·LEVELS
        }
    }

    /** The ramp's colour at {@code share} ∈ [0, 1], clamped (NaN: white). */
    private static int at(int[] ramp, double share) {
        return ramp[(int) Math.min(LEVELS, Math.max(0, share) * LEVELS + 0.5)];
    }

    /** White blended towards {@code c} by share = level / LEVELS, for every level. */
    private static int[] ramp(Color c) {
        int[] out = new int[LEVELS + 1];
        for (int level = 0; level <= LEVELS; level++) {
            out[level] = mix(c, (double) level / LEVELS);
        }
        return out;
    }

    /** Packed ARGB of white blended towards {@code c} by {@code share}. */
    private static int mix(Color c, double share) {
        int r = (int) Math.round(255 * (1 - share + share * c.getRed()));
        int g = (int) Math.round(255 * (1 - share + share * c.getGreen()));
        int b = (int) Math.round(255 * (1 - share + share * c.getBlue()));
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
