package org.trainscope.app.chart;

import java.util.List;
import java.util.Map;

import javafx.scene.paint.Color;

/**
 * One look per series identity — an optimizer, a layer, σ_r, a depth, a quantity — the same on every chart and on the
 * landscape map, on dark and light backgrounds alike. Colours are Okabe &amp; Ito's (2008), safe for colour-blind
 * viewers and mid-bright so that they read on white, on the dark charts and on the dark map; their yellow (lost on
 * white) and black (lost on dark) are not used. Where colours run out a dash pattern tells series apart: the
 * gradient flow and other references are grey and dashed, sgdm is momentum's blue dash-dotted, and numbered
 * identities (layer 7, σ₇, …) repeat the six colours dotted, then dash-dotted (plain dashes mark predictions and
 * references).
 */
public final class Palette {
    /** A colour and a dash pattern (null: solid), in pixels at normal size. */
    public record Look(Color colour, double[] dashes) {
        /** The same colour for Java2D (JFreeChart). */
        public java.awt.Color awt(double opacity) {
            return new java.awt.Color((float) colour.getRed(), (float) colour.getGreen(), (float) colour.getBlue(),
                    (float) (colour.getOpacity() * opacity));
        }

        /** The dash pattern scaled by {@code scale} (null: solid). */
        public double[] dashes(double scale) {
            if (dashes == null) {
                return null;
            }
            double[] d = dashes.clone();
            for (int i = 0; i < d.length; i++) {
                d[i] *= scale;
            }
            return d;
        }
    }

    static final Color BLUE = Color.web("#0072B2");
    static final Color ORANGE = Color.web("#E69F00");
    static final Color GREEN = Color.web("#009E73");
    static final Color VERMILLION = Color.web("#D55E00");
    static final Color PURPLE = Color.web("#CC79A7");
    static final Color SKY = Color.web("#56B4E9");
    /** Neutral mid grey: readable on white (3:1), on the dark charts and on the slate map. */
    static final Color GREY = Color.web("#8F8F8F");

    public static final double[] DASH = {7, 5};
    public static final double[] DOT = {1, 4};
    public static final double[] DASH_DOT = {9, 4, 1, 4};

    private static final List<Color> CYCLE = List.of(BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY);

    private static final Map<String, Look> NAMED = Map.ofEntries(
            // optimizers (landscape racers)
            Map.entry("gd", solid(ORANGE)),
            Map.entry("momentum", solid(SKY)),
            Map.entry("sgdm", new Look(SKY, DASH_DOT)),
            Map.entry("nesterov", solid(GREEN)),
            Map.entry("adagrad", solid(BLUE)),
            Map.entry("rmsprop", solid(PURPLE)),
            Map.entry("normalized", new Look(PURPLE, DASH_DOT)),   // RMSprop on the global norm
            Map.entry("adam", solid(VERMILLION)),
            Map.entry("flow", new Look(GREY, DASH)),
            // references and constructions
            Map.entry("target", new Look(GREY, DASH)),
            Map.entry("bound", solid(GREEN)),
            Map.entry("points", solid(VERMILLION)),
            Map.entry("samples", solid(GREY.deriveColor(0, 1, 1, 0.55))),
            Map.entry("input", solid(GREY)),
            // activations compared (lecture 003): one colour each, on every chart
            Map.entry("sigmoid", solid(VERMILLION)),
            Map.entry("tanh", solid(GREEN)),
            Map.entry("relu", solid(BLUE)),
            Map.entry("deep", solid(BLUE)),
            Map.entry("shallow", solid(ORANGE)),
            Map.entry("sawtooth", solid(PURPLE)),
            Map.entry("nuclear norm", solid(PURPLE)),
            // quantities
            Map.entry("train", solid(BLUE)),
            Map.entry("test", solid(VERMILLION)),
            Map.entry("loss", solid(BLUE)),
            Map.entry("test error", solid(VERMILLION)),
            Map.entry("mse", solid(GREEN)),
            Map.entry("lambda", solid(PURPLE)),
            Map.entry("output error", solid(ORANGE)),
            Map.entry("matrix error", new Look(GREY, DASH)));

    private Palette() {
    }

    private static Look solid(Color c) {
        return new Look(c, null);
    }

    /**
     * The look of an identity: a named one (an optimizer such as {@code "adam"}, a quantity such as {@code "test"}),
     * or a numbered one ({@code "layer 3"}, {@code "σ3"}, {@code "depth 2"}): the number picks the colour, so layer 3
     * looks the same in every panel. Anything else is grey.
     */
    public static Look of(String identity) {
        Look named = NAMED.get(identity);
        if (named != null) {
            return named;
        }
        int n = trailingNumber(identity);
        if (n < 0) {
            return solid(GREY);
        }
        int i = Math.floorMod(n - 1, CYCLE.size());
        int round = Math.floorMod(n - 1, 3 * CYCLE.size()) / CYCLE.size();
        return new Look(CYCLE.get(i), round == 0 ? null : round == 1 ? DOT : DASH_DOT); // dashed is for predictions
    }

    private static int trailingNumber(String s) {
        int end = s.length();
        int start = end;
        while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
            start--;
        }
        return start == end || end - start > 6 ? -1 : Integer.parseInt(s.substring(start, end));
    }
}
