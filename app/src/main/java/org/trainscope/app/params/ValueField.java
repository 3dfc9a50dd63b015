package org.trainscope.app.params;

import java.util.function.Function;
import java.util.function.Supplier;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A text field for one value, with the reason under it when the value is refused. The text is checked on every
 * keystroke (a refused one turns the field red and shows the whole message, wrapped); Enter or leaving the field
 * applies it. Enter (when the value is taken) and Esc (which puts back the value in use) hand the focus back to the
 * window, so that its keys — Space, the digits of the demos — drive the player again, not the field.
 */
public final class ValueField extends VBox {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    /** Applies a typed text; returns null if it was taken, or the message that says why not. */
    @FunctionalInterface
    public interface Apply {
        String apply(String text);
    }

    private final TextField field = new TextField();
    private final Label error;
    private final Function<String, String> check;
    private final Apply apply;
    private final Supplier<String> inUse;

    /**
     * @param id    the field's id; the message's is {@code id + "-error"}
     * @param check the message that refuses a text, or null if it is fine
     * @param apply applies a text that passed the check
     * @param inUse the text of the value in use (what Esc puts back)
     */
    public ValueField(String id, Function<String, String> check, Apply apply, Supplier<String> inUse) {
        this.check = check;
        this.apply = apply;
        this.inUse = inUse;
        this.error = message(id + "-error");
        createView(id);
        initListeners();
    }

    private void createView(String id) {
        field.setId(id);
        showError(null);
        getChildren().addAll(field, error);
        setSpacing(2);
        getStyleClass().add("value-field");
    }

    private void initListeners() {
        field.textProperty().addListener((obs, was, now) -> showError(check.apply(now)));
        field.setOnAction(e -> {
            if (commit()) {
                handBackFocus();
            }
        });
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit();
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                revert();
                handBackFocus();
            }
        });
    }

    /** A message under an editor: wrapped to the editor's width, every line of it shown, hidden while empty. */
    static Label message(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("param-error");
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setPrefWidth(0);                    // the editor's width sets the column; the message wraps within it
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE); // every line of it, never "…"
        label.managedProperty().bind(label.visibleProperty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    /** The text field itself. */
    public TextField field() {
        return field;
    }

    /** Shows {@code text} (e.g. the value in use after a change elsewhere), clearing any message. */
    public void setText(String text) {
        field.setText(text);
        showError(null);
    }

    /** The message shown for a refused value, or "" if none. */
    public String errorText() {
        return error.getText();
    }

    /** Applies the text if it passes; true if it was taken. */
    private boolean commit() {
        String refused = check.apply(field.getText());
        if (refused == null) {
            refused = apply.apply(field.getText());
        }
        showError(refused);
        return refused == null;
    }

    private void revert() {
        setText(inUse.get());
    }

    private void handBackFocus() {
        if (getScene() != null) {
            getScene().getRoot().requestFocus();
        }
    }

    /** Shows the message under the field and marks the field (null: clears both). */
    private void showError(String text) {
        error.setText(text == null ? "" : text);
        field.pseudoClassStateChanged(DANGER, text != null);
        if (text != null) {
            scrollIntoView();
        }
    }

    /** Scrolls the sheet this is in, if need be, so that the field and its whole message are in sight. */
    private void scrollIntoView() {
        ScrollPane pane = null;
        for (Node n = getParent(); n != null && pane == null; n = n.getParent()) {
            pane = n instanceof ScrollPane p ? p : null;
        }
        if (pane == null || pane.getContent() == null) {
            return;
        }
        pane.applyCss();
        pane.layout(); // the message has its lines now
        Node content = pane.getContent();
        Bounds me = content.sceneToLocal(localToScene(getLayoutBounds()));
        double hidden = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
        if (me == null || hidden <= 0) {
            return;
        }
        double top = pane.getVvalue() * hidden;
        double view = pane.getViewportBounds().getHeight();
        double newTop = me.getMaxY() > top + view ? me.getMaxY() - view : Math.min(top, me.getMinY());
        pane.setVvalue(Math.max(0, Math.min(1, newTop / hidden)));
    }
}
