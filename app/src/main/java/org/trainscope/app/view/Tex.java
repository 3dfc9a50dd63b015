package org.trainscope.app.view;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * LaTeX rendered as mathematics, with JLaTeXMath: a formula becomes an image in the colour of the text around it
 * (so it reads in the dark theme) at the size of that text (so presenter mode enlarges it). Rendering is a few
 * milliseconds for a line of formula: callers render on a change of text, size or colour, never per pulse.
 */
public final class Tex {
    /** Pixels per point of the rendered image: drawn at twice the size, shown at half, it stays sharp when scaled. */
    private static final double OVERSAMPLE = 2;

    private Tex() {
    }

    /**
     * Loads JLaTeXMath (its fonts and symbol tables take a few hundred milliseconds the first time) on a thread of
     * its own, so that the window does not wait for it: the first formula then renders in milliseconds.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            try {
                new TeXFormula("x_{t+1} = x_t - \\eta \\nabla f(x_t)").createTeXIcon(TeXConstants.STYLE_DISPLAY, 14f);
            } catch (RuntimeException e) {
                // the first real formula will say what is wrong
            }
        }, "tex-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** A rendered formula and the size to show it at (its image is {@link #OVERSAMPLE} times larger). */
    public record Rendered(Image image, double width, double height) {
    }

    /**
     * {@code latex} rendered at {@code fontPx} pixels per em in {@code colour}.
     *
     * @throws IllegalArgumentException naming the problem if the text is not LaTeX that JLaTeXMath reads
     */
    public static Rendered render(String latex, double fontPx, Color colour) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, (float) (fontPx * OVERSAMPLE));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not LaTeX: " + e.getMessage(), e);
        }
        icon.setForeground(new java.awt.Color((float) colour.getRed(), (float) colour.getGreen(), (float) colour.getBlue()));
        int w = Math.max(1, icon.getIconWidth());
        int h = Math.max(1, icon.getIconHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return new Rendered(SwingFXUtils.toFXImage(img, null), w / OVERSAMPLE, h / OVERSAMPLE);
    }
}
