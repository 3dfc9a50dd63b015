package org.trainscope.app.preset;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.trainscope.engine.preset.Preset;

/** The start screen: a card per lecture preset (press its number or click Start) and the recent sessions. */
public final class GalleryView extends ScrollPane {
    private static final double CARD_WIDTH = 380;
    private static final double TEXT_WIDTH = CARD_WIDTH - 30; // a wrapping label needs a width to compute its height

    private final List<Preset> presets;
    private final Consumer<Preset> onStart;
    private final Consumer<Path> onOpen;
    private final VBox recent = new VBox(4);

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
        VBox content = new VBox(14, heading, sub, cards, recentHeading, recent);
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
        VBox card = new VBox(8, head, text, source, grow, start);
        card.getStyleClass().add("preset-card");
        return card;
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
