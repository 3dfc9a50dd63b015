package org.trainscope.app.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * What a control really shows. A {@link Labeled} that has too little room draws its text cut, ending in "…", in the
 * text node of its skin, while its text property keeps the whole text: comparing the two tells whether it is cut.
 */
final class Shown {
    private Shown() {
    }

    /** The text the labeled's skin draws (laid out), or its whole text before it has a skin. */
    static String text(Labeled labeled) {
        for (Node n : labeled.getChildrenUnmodifiable()) {
            if (n instanceof Text t && n.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return labeled.getText();
    }

    /** True if the node and every parent of it are visible. */
    static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** True if the labeled draws less than its text (e.g. "Gal…" for "Gallery"). */
    static boolean isCut(Labeled labeled) {
        String text = labeled.getText();
        return text != null && !text.isEmpty() && !text(labeled).equals(text);
    }
}
