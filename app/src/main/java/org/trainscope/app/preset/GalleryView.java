package org.trainscope.app.preset;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import org.trainscope.engine.preset.Playlist;
import org.trainscope.engine.preset.Preset;

/** The start screen: a card per lecture preset (press its number or click Start) and the recent sessions. */
public final class GalleryView extends ScrollPane {
    private static final double CARD_WIDTH = 380;
    private static final double TEXT_WIDTH = CARD_WIDTH - 30; // a wrapping label needs a width to compute its height

    private final List<Preset> presets;
    private final Consumer<Preset> onStart;
    private final Consumer<Path> onOpen;
    private final VBox recent = new VBox(4);
    private final List<HBox> cardButtons = new ArrayList<>();
    private final VBox lecture = new VBox(6);

    public GalleryView(List<Preset> presets, Consumer<Preset> onStart, Consumer<Path> onOpen) {
        this.presets = presets;
        this.onStart = onStart;
        this.onOpen = onOpen;
        createView();
    }

    private void createView() {
        setId("gallery");
        setFitToWidth(true);
        getStyleClass().add("gallery");
        Label heading = new Label("Lecture demos");
        heading.getStyleClass().add(Styles.TITLE_2);
        Label sub = new Label("One click starts a demo; press its number (1–9) at any time, F for presenter mode.");
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        TilePane cards = new TilePane(16, 16);
        cards.setPrefColumns(3);
        cards.setPrefTileWidth(CARD_WIDTH);
        cards.setTileAlignment(Pos.TOP_LEFT);
        for (int i = 0; i < presets.size(); i++) {
            cards.getChildren().add(card(i, presets.get(i)));
        }
        Label recentHeading = new Label("Recent sessions");
        recentHeading.getStyleClass().add(Styles.TITLE_4);
        lecture.setManaged(false);
        lecture.setVisible(false);
        VBox content = new VBox(14, heading, sub, lecture, cards, recentHeading, recent);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);
    }

    private Region card(int index, Preset preset) {
        Label number = new Label(Integer.toString(index + 1));
        number.getStyleClass().add("card-number");
        Label title = new Label(preset.title());
        title.getStyleClass().addAll(Styles.TITLE_4, "card-title");
        title.setWrapText(true);
        title.setPrefWidth(TEXT_WIDTH - 40);
        HBox head = new HBox(10, number, title);
        head.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(preset.whatToWatch());
        text.setWrapText(true);
        text.setPrefWidth(TEXT_WIDTH);
        text.getStyleClass().add("card-text");
        Label source = new Label(preset.source());
        source.setWrapText(true);
        source.setPrefWidth(TEXT_WIDTH);
        source.getStyleClass().addAll(Styles.TEXT_MUTED, "card-source");
        Button start = new Button("Start ▶");
        start.setId("preset-" + (index + 1));
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> onStart.accept(preset));
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, start);
        cardButtons.add(buttons);
        VBox card = new VBox(8, head, text, source, grow, buttons);
        if (preset.question() != null) {                       // what it asks the room when it plays in a lecture
            Label asks = new Label("In a lecture it asks: " + preset.question().text());
            asks.setWrapText(true);
            asks.setPrefWidth(TEXT_WIDTH);
            asks.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_ITALIC);
            card.getChildren().add(3, asks);
        }
        card.getStyleClass().add("preset-card");
        return card;
    }

    /**
     * Lets the gallery build a lecture: each card gets "+ Lecture", and a strip above the cards lists the demos added,
     * with Play, Save… (a playlist file), Open… and Clear.
     */
    public void offerPlaylists(PlaylistPlayer player, Supplier<Window> window) {
        for (int i = 0; i < cardButtons.size(); i++) {
            Preset preset = presets.get(i);
            Button add = new Button("+ Lecture");
            add.setId("add-" + (i + 1));
            add.setTooltip(new Tooltip("Add this demo to the lecture being built"));
            add.setOnAction(e -> player.draft().add(new Playlist.Demo(preset.title(), true)));
            cardButtons.get(i).getChildren().add(add);
        }
        Label list = new Label();
        list.setWrapText(true);
        list.setId("lecture-list");
        CheckBox questions = new CheckBox("with their questions");
        questions.setSelected(true);
        Button play = new Button("Play lecture ▶");
        play.setId("lecture-play");
        play.getStyleClass().add(Styles.ACCENT);
        Button save = new Button("Save…");
        Button open = new Button("Open…");
        Button clear = new Button("Clear");
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label hint = new Label("In the lecture, PageDown/PageUp (a clicker) or N/P start the next and previous demo.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = new HBox(8, play, questions, save, open, clear);
        actions.setAlignment(Pos.CENTER_LEFT);
        lecture.getChildren().setAll(list, actions, hint, problem);
        lecture.getStyleClass().add("preset-card");
        Runnable refresh = () -> {
            boolean any = !player.draft().isEmpty();
            list.setText(any ? "Lecture: " + String.join("  →  ", player.draft().stream()
                    .map(Playlist.Demo::preset).toList()) : "");
            lecture.setVisible(any);
            lecture.setManaged(any);
        };
        player.draft().addListener((ListChangeListener<Playlist.Demo>) c -> refresh.run());
        questions.selectedProperty().subscribe(on -> player.draft().replaceAll(
                d -> new Playlist.Demo(d.preset(), on)));
        clear.setOnAction(e -> player.draft().clear());
        play.setOnAction(e -> run(problem, () -> player.play(player.draftPlaylist("Lecture"))));
        save.setOnAction(e -> {
            FileChooser chooser = playlistChooser();
            chooser.setInitialFileName("lecture.trainscope-playlist.json");
            File f = chooser.showSaveDialog(window.get());
            if (f != null) {
                run(problem, () -> player.draftPlaylist(f.getName().replace(".trainscope-playlist.json", "")).write(f.toPath()));
            }
        });
        open.setOnAction(e -> {
            File f = playlistChooser().showOpenDialog(window.get());
            if (f != null) {
                run(problem, () -> player.play(Playlist.read(f.toPath())));
            }
        });
        refresh.run();
    }

    /** An action on a playlist file; its failure is said under the strip, and nothing else changes. */
    private interface FileAction {
        void run() throws IOException;
    }

    private static void run(Label problem, FileAction action) {
        try {
            action.run();
            problem.setText("");
        } catch (IOException ex) {
            problem.setText(ex.getMessage());
        }
    }

    private static FileChooser playlistChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Lecture playlist");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Trainscope playlists",
                "*.trainscope-playlist.json"));
        return chooser;
    }

    /** Shows the current list of recent sessions. */
    public void showRecent(List<Path> files) {
        recent.getChildren().clear();
        if (files.isEmpty()) {
            Label none = new Label("None yet: Save… keeps a run as a session file, and it will be listed here.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            recent.getChildren().add(none);
        }
        for (Path f : files) {
            Hyperlink link = new Hyperlink(f.getFileName() + "   —   " + f.getParent());
            link.setOnAction(e -> onOpen.accept(f));
            recent.getChildren().add(link);
        }
    }
}
