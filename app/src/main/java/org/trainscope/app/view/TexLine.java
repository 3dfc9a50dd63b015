package org.trainscope.app.view;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * One formula on screen: LaTeX rendered by {@link Tex} into an image, redrawn only when its text, size or colour
 * changes. If JLaTeXMath cannot read the text, the text itself is shown, so nothing is lost.
 */
public final class TexLine extends StackPane {
    private final ImageView image = new ImageView();
    private final Label fallback = new Label();
    private String latex = "";
    private double fontPx = 14;
    private Color colour = Color.BLACK;
    private String drawn;

    public TexLine() {
        image.setSmooth(true);
        image.setPreserveRatio(true);
        fallback.setWrapText(true);
        fallback.setVisible(false);
        getChildren().addAll(image, fallback);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().add("tex-line");
    }

    /** Shows {@code tex}. */
    public void setTex(String tex) {
        latex = tex;
        redraw();
    }

    /** The LaTeX shown (with its numbers filled in). */
    public String tex() {
        return latex;
    }

    /** Draws at {@code px} pixels per em in {@code c}: the size and colour of the text around it. */
    public void setLook(double px, Color c) {
        fontPx = px;
        colour = c;
        redraw();
    }

    private void redraw() {
        String key = latex + "|" + fontPx + "|" + colour;
        if (key.equals(drawn)) {
            return;
        }
        drawn = key;
        try {
            Tex.Rendered r = Tex.render(latex, fontPx, colour);
            image.setImage(r.image());
            image.setFitWidth(r.width());
            image.setFitHeight(r.height());
            image.setVisible(true);
            fallback.setVisible(false);
        } catch (IllegalArgumentException e) {
            image.setImage(null);
            image.setVisible(false);
            fallback.setText(latex);
            fallback.setVisible(true);
        }
    }

    /**
     * Shows {@code tex.get(i)} in {@code lines.get(i)} (each a TexLine) in the colour of {@code like}'s text, at 1.2
     * times its size (a formula's letters look smaller than text's at one size).
     */
    public static void fill(java.util.List<javafx.scene.Node> lines, java.util.List<String> tex,
                            javafx.scene.control.Labeled like) {
        double px = like.getFont().getSize() * 1.2;
        Color colour = like.getTextFill() instanceof Color c ? c : Color.BLACK;
        for (int i = 0; i < tex.size(); i++) {
            TexLine line = (TexLine) lines.get(i);
            line.setLook(px, colour);
            line.setTex(tex.get(i));
        }
    }

    /** True if the formula is shown as mathematics (not as its LaTeX text). */
    public boolean rendered() {
        return image.isVisible() && image.getImage() != null;
    }
}
