package org.trainscope.app.window;

import java.util.List;
import java.util.function.Consumer;

import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.session.SessionActions;
import org.trainscope.engine.preset.Preset;

/**
 * The window's keys, as a filter on the scene (so that they work whatever has the focus, except while typing in a
 * field): Space play/pause, ←/→ step, Home reset, F presenter mode, E the whole explanation, H the side panel, Esc
 * back to the player, 1–9 the lecture presets, Ctrl+S save, Ctrl+O open.
 * <p>
 * And the focus never keeps them away for long: a field hands it back on Enter and Esc
 * ({@link org.trainscope.app.params.ValueField}), and a press of the mouse anywhere outside the field that has it —
 * the view, the title, Play — gives it to the window (a control that takes the focus on a click still does).
 */
public final class KeyBindings {
    private static final int MAX_PRESET_KEYS = 9;

    private final PlaybackModel model;
    private final SessionActions files;
    private final List<Preset> presets;
    private final Consumer<Preset> startPreset;
    private final WindowLayout layout;
    private final Node home;

    /**
     * @param layout presenter mode (F), the explanation (E) and the side panel (H)
     * @param home   the node that takes the focus on Esc and on a click outside a field, so that the keys drive
     *               the player again
     */
    public KeyBindings(PlaybackModel model, SessionActions files, List<Preset> presets, Consumer<Preset> startPreset,
                       WindowLayout layout, Node home) {
        this.model = model;
        this.files = files;
        this.presets = presets;
        this.startPreset = startPreset;
        this.layout = layout;
        this.home = home;
    }

    /** Adds the key filter and the focus rule to {@code scene}. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return; // typing a value; the field itself takes Enter and Esc
            }
            if (handle(e)) {
                e.consume();
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl field && !within(e.getTarget(), field)) {
                home.requestFocus(); // leaving the field applies its value
            }
        });
    }

    private static boolean within(EventTarget target, Node node) {
        for (Node n = target instanceof Node t ? t : null; n != null; n = n.getParent()) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    /** Does what the key asks; false if it is not one of the window's keys. */
    private boolean handle(KeyEvent e) {
        KeyCode code = e.getCode();
        if (e.isShortcutDown() && code == KeyCode.S) {
            files.save();
            return true;
        }
        if (e.isShortcutDown() && code == KeyCode.O) {
            files.open();
            return true;
        }
        if (code.isDigitKey() && !e.isShortcutDown()) {
            int n = code.getCode() - (code.isKeypadKey() ? KeyCode.NUMPAD1 : KeyCode.DIGIT1).getCode();
            if (n >= 0 && n < Math.min(MAX_PRESET_KEYS, presets.size())) {
                startPreset.accept(presets.get(n));
                return true;
            }
            return false;
        }
        switch (code) {
            case F -> layout.togglePresenter();
            case E -> layout.toggleExplanation();
            case H -> layout.togglePanel();
            case SPACE -> model.togglePlay();
            case RIGHT -> model.stepForward();
            case LEFT -> model.stepBack();
            case HOME -> model.reset();
            case ESCAPE -> home.requestFocus();
            default -> {
                return false;
            }
        }
        return true;
    }
}
