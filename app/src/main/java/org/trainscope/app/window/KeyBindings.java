package org.trainscope.app.window;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.session.SessionActions;
import org.trainscope.engine.preset.Preset;

/**
 * The window's keys, as a filter on the scene (so that they work whatever has the focus, except while typing in a
 * field): Space play/pause, ←/→ step, Home reset, F presenter mode, Esc back to the player, 1–9 the lecture
 * presets, Ctrl+S save, Ctrl+O open.
 */
public final class KeyBindings {
    private static final int MAX_PRESET_KEYS = 9;

    private final PlaybackModel model;
    private final SessionActions files;
    private final List<Preset> presets;
    private final Consumer<Preset> startPreset;
    private final BooleanProperty presenter;
    private final Node home;

    /**
     * @param presenter presenter mode, flipped by F
     * @param home      the node that takes the focus on Esc, so that the keys drive the player again
     */
    public KeyBindings(PlaybackModel model, SessionActions files, List<Preset> presets, Consumer<Preset> startPreset,
                       BooleanProperty presenter, Node home) {
        this.model = model;
        this.files = files;
        this.presets = presets;
        this.startPreset = startPreset;
        this.presenter = presenter;
        this.home = home;
    }

    /** Adds the key filter to {@code scene}. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl && e.getCode() != KeyCode.ESCAPE) {
                return; // typing a value
            }
            if (handle(e)) {
                e.consume();
            }
        });
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
            case F -> presenter.set(!presenter.get());
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
