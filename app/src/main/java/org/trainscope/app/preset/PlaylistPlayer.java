package org.trainscope.app.preset;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.trainscope.engine.preset.Playlist;
import org.trainscope.engine.preset.Preset;

/**
 * A lecture taught from Trainscope: the playlist being built in the gallery (the draft), and the one being played.
 * While one plays, PageDown/PageUp — what presentation clickers send — and N/P start the next and previous demo.
 */
public final class PlaylistPlayer {
    private final List<Preset> gallery;
    private final Consumer<Preset> start;
    private final ObservableList<Playlist.Demo> draft = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private String title = "";
    private List<Preset> demos = List.of();
    private int at = -1;

    /** Plays demos of {@code gallery} through {@code start} (which starts a preset in the window). */
    public PlaylistPlayer(List<Preset> gallery, Consumer<Preset> start) {
        this.gallery = gallery;
        this.start = start;
    }

    /** The demos added in the gallery so far, in order. */
    public ObservableList<Playlist.Demo> draft() {
        return draft;
    }

    /** The draft as a playlist. */
    public Playlist draftPlaylist(String name) {
        return new Playlist(name, draft);
    }

    /** Plays {@code playlist} from its first demo; refused (nothing changes) if it names a demo the gallery lacks. */
    public void play(Playlist playlist) throws IOException {
        List<Preset> resolved = playlist.presets(gallery);
        title = playlist.title();
        demos = resolved;
        go(0);
    }

    /** The next demo; false at the last. */
    public boolean next() {
        return go(at + 1);
    }

    /** The previous demo; false at the first. */
    public boolean previous() {
        return go(at - 1);
    }

    private boolean go(int i) {
        if (i < 0 || i >= demos.size()) {
            return false;
        }
        at = i;
        position.set(title + " · demo " + (i + 1) + " of " + demos.size() + ": " + demos.get(i).title());
        start.accept(demos.get(i));
        return true;
    }

    /** The demo playing (0-based), −1 before any. */
    public int index() {
        return at;
    }

    /** "Lecture 3 · demo 2 of 5: …", or empty while no playlist plays. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The clicker's keys (PageDown/PageUp) and N/P, while a playlist plays and no text field has the keys. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (demos.isEmpty() || scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown()) {
                return;
            }
            KeyCode code = e.getCode();
            if (code == KeyCode.PAGE_DOWN || code == KeyCode.N) {
                next();
                e.consume();
            } else if (code == KeyCode.PAGE_UP || code == KeyCode.P) {
                previous();
                e.consume();
            }
        });
    }
}
