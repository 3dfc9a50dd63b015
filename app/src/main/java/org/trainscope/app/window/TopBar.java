package org.trainscope.app.window;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import org.trainscope.app.session.SessionActions;
import org.trainscope.engine.experiment.ExperimentDef;

/**
 * The top of the window: the brand, Gallery, the experiment picker, Open/Save/Export, then the side-panel toggle,
 * Present, the theme and a "⋯" menu with the rest (the views' toggles and the keys). Every button keeps its label
 * at the window's minimum width: the picker is what gives way. In presenter mode only the brand, Present and the
 * menu stay. None of its buttons takes the focus: the keys drive the player.
 */
public final class TopBar extends HBox {
    private final List<ExperimentDef> types;
    private final SessionActions files;
    private final WindowLayout layout;
    private final Runnable onGallery;
    private final Runnable onExportGif;
    private final ComboBox<ExperimentDef> picker = new ComboBox<>();
    private final Button home = new Button("Gallery");
    private final Button open = new Button("Open…");
    private final Button save = new Button("Save…");
    private final MenuItem csv = new MenuItem("Frames as CSV…");
    private final MenuItem jsonl = new MenuItem("Frames as JSON Lines…");
    private final MenuItem image = new MenuItem("View as PNG, charts as SVG…");
    private final MenuItem gif = new MenuItem("Run as animated GIF…");
    private final MenuItem mp4 = new MenuItem("Run as MP4 video (1080p)…");
    private final MenuButton export = new MenuButton("Export", null, csv, jsonl, image, gif, mp4);
    private final ToggleButton panel = new ToggleButton("◧");
    private final ToggleButton presenter = new ToggleButton("Present");
    private final ToggleButton dark = new ToggleButton("◐");
    private final CheckMenuItem panelItem = new CheckMenuItem("Side panel  (H)");
    private final CheckMenuItem explanationItem = new CheckMenuItem("Whole explanation  (E)");
    private final CheckMenuItem presenterItem = new CheckMenuItem("Presenter mode  (F)");
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    private final MenuButton more = new MenuButton("⋯");

    /**
     * @param types       the experiments offered by the picker, in order
     * @param layout      presenter mode, the side panel and the explanation, which the toggles edit
     * @param onGallery   shows the gallery
     * @param onExportGif exports the run as a GIF (with the status bar's progress and Cancel)
     */
    public TopBar(List<ExperimentDef> types, SessionActions files, WindowLayout layout, Runnable onGallery,
                  Runnable onExportGif) {
        this.types = types;
        this.files = files;
        this.layout = layout;
        this.onGallery = onGallery;
        this.onExportGif = onExportGif;
        createView();
        initListeners();
    }

    private void createView() {
        Label brand = new Label("Trainscope");
        brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
        picker.getItems().setAll(types);
        picker.setId("experiment-picker");
        picker.setCellFactory(list -> new TypeCell(true));
        picker.setButtonCell(new TypeCell(false)); // the title only: it has the least room
        picker.setPrefWidth(420);
        picker.setMinWidth(160);
        HBox.setHgrow(picker, Priority.SOMETIMES);
        picker.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        home.setId("gallery-button");
        home.setTooltip(new Tooltip("The lecture demos and recent sessions"));
        open.setId("open");
        save.setId("save");
        export.setId("export");
        open.setTooltip(new Tooltip("Open a saved session (Ctrl+O)"));
        save.setTooltip(new Tooltip("Save this run as a session file (Ctrl+S)"));
        export.setTooltip(new Tooltip("Export the frames, the view or an animated GIF"));
        panel.setId("panel-toggle");
        panel.setTooltip(new Tooltip("Show or hide the side panel: parameters, pin, seed (H)"));
        presenter.setId("presenter");
        presenter.setTooltip(new Tooltip("Presenter mode: full screen, large type, the picture first (F)"));
        dark.setId("dark-toggle");
        dark.setTooltip(new Tooltip("Dark theme"));
        more.setId("more");
        more.setTooltip(new Tooltip("More: views, theme and the keys"));
        for (Node n : List.of(panel, dark, more)) {
            n.getStyleClass().add(Styles.FLAT);
        }
        more.getItems().addAll(panelItem, explanationItem, presenterItem, darkItem, new SeparatorMenuItem());
        more.getItems().addAll(keys(KEYS));
        for (Labeled c : List.of(brand, home, open, save, export, panel, presenter, dark, more)) {
            c.setMinWidth(Region.USE_PREF_SIZE); // a label, never "…": the picker gives way
            c.setFocusTraversable(false);
        }
        getChildren().addAll(brand, home, picker, open, save, export, spacer, panel, presenter, dark, more);
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        getStyleClass().add("top-bar");
    }

    private void initListeners() {
        home.setOnAction(e -> onGallery.run());
        open.setOnAction(e -> files.open());
        save.setOnAction(e -> files.save());
        csv.setOnAction(e -> files.exportFrames("csv"));
        jsonl.setOnAction(e -> files.exportFrames("jsonl"));
        image.setOnAction(e -> files.exportImage());
        gif.setOnAction(e -> onExportGif.run());
        mp4.setOnAction(e -> files.exportMp4());
        panel.selectedProperty().bindBidirectional(layout.panelShownProperty());
        panelItem.selectedProperty().bindBidirectional(layout.panelShownProperty());
        explanationItem.selectedProperty().bindBidirectional(layout.explanationExpandedProperty());
        presenter.selectedProperty().bindBidirectional(layout.presenterProperty());
        presenterItem.selectedProperty().bindBidirectional(layout.presenterProperty());
        darkItem.selectedProperty().bindBidirectional(dark.selectedProperty());
        layout.presenterProperty().subscribe(on -> {
            for (Node n : List.of(home, picker, open, save, export, panel, dark)) {
                n.setVisible(!on);
                n.setManaged(!on);
            }
        });
    }

    /** The keys, listed in the menu (they work anywhere but in a text field). */
    /**
     * The list of keys under ⋯, below the items that name theirs (H, E, F), one line per key or pair: the window's
     * ({@link KeyBindings}), the lecture's
     * ({@link org.trainscope.app.preset.PlaylistPlayer}), the pen's ({@link org.trainscope.app.preset.PenLayer}) and
     * the question's ({@link org.trainscope.app.preset.QuestionOverlay}).
     */
    static final List<String> KEYS = List.of("Space  play / pause", "← →  step back / forward", "Home  back to step 0",
            "1 – 9  start a lecture demo", "N / P,  PageDown / PageUp  next / previous demo of the lecture",
            "Enter  reveal the question's answer, then play on", "D  pen on / off (draw while paused)",
            "C  clear the pen on this frame", "Enter  apply a value,  Esc  put it back", "Ctrl+S save,  Ctrl+O open");

    private static List<MenuItem> keys(List<String> lines) {
        return lines.stream().map(line -> {
            MenuItem item = new MenuItem(line);
            item.setDisable(true);
            return item;
        }).toList();
    }

    /** The experiment chosen in the picker; setting it picks another (a preset, an opened session). */
    public ObjectProperty<ExperimentDef> experimentProperty() {
        return picker.valueProperty();
    }

    /** The dark theme on or off. */
    public BooleanProperty darkProperty() {
        return dark.selectedProperty();
    }

    /** Shows an experiment type by its title, and in the list also by its id (the CLI's name for it). */
    private static final class TypeCell extends ListCell<ExperimentDef> {
        private final boolean withId;

        TypeCell(boolean withId) {
            this.withId = withId;
        }

        @Override
        protected void updateItem(ExperimentDef item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : withId ? item.title() + "  (" + item.id() + ")" : item.title());
            setTooltip(empty || item == null || withId ? null : new Tooltip(item.title() + "  (" + item.id() + ")"));
        }
    }
}
