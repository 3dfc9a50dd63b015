package org.trainscope.app.window;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import org.trainscope.app.session.SessionActions;
import org.trainscope.engine.experiment.ExperimentDef;

/**
 * The top of the window: the brand, Gallery, the experiment picker, Open/Save/Export, a hint of the keys, Present
 * and the theme toggle. In presenter mode only the brand and Present stay. None of its buttons takes the focus: the
 * keys drive the player.
 */
public final class TopBar extends HBox {
    private final List<ExperimentDef> types;
    private final SessionActions files;
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
    private final Label keys = new Label("Space play · ←/→ step · Home reset");
    private final ToggleButton presenter = new ToggleButton("Present");
    private final ToggleButton dark = new ToggleButton("Dark");

    /**
     * @param types       the experiments offered by the picker, in order
     * @param onGallery   shows the gallery
     * @param onExportGif exports the run as a GIF (with the status bar's progress and Cancel)
     */
    public TopBar(List<ExperimentDef> types, SessionActions files, Runnable onGallery, Runnable onExportGif) {
        this.types = types;
        this.files = files;
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
        picker.setCellFactory(list -> new TypeCell());
        picker.setButtonCell(new TypeCell());
        picker.setPrefWidth(320);
        picker.setFocusTraversable(false);
        dark.setId("dark-toggle");
        dark.setFocusTraversable(false);
        dark.setTooltip(new Tooltip("Switch between light and dark theme"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        keys.getStyleClass().addAll(Styles.TEXT_MUTED, "keys-hint");
        home.setId("gallery-button");
        home.setTooltip(new Tooltip("The lecture demos and recent sessions"));
        open.setId("open");
        save.setId("save");
        export.setId("export");
        open.setTooltip(new Tooltip("Open a saved session (Ctrl+O)"));
        save.setTooltip(new Tooltip("Save this run as a session file (Ctrl+S)"));
        presenter.setId("presenter");
        presenter.setTooltip(new Tooltip("Presenter mode: full screen, large type, no editing panels (F)"));
        for (Control c : List.of(home, open, save, export, presenter)) {
            c.setFocusTraversable(false);
        }
        getChildren().addAll(brand, home, picker, open, save, export, spacer, keys, presenter, dark);
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 14, 10, 14));
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
        dark.selectedProperty().subscribe(on -> dark.setText(on ? "Light" : "Dark")); // names what a click gives
        presenter.selectedProperty().subscribe((was, on) -> {
            for (Node n : List.of(home, picker, open, save, export, keys, dark)) {
                n.setVisible(!on);
                n.setManaged(!on);
            }
        });
    }

    /** The experiment chosen in the picker; setting it picks another (a preset, an opened session). */
    public ObjectProperty<ExperimentDef> experimentProperty() {
        return picker.valueProperty();
    }

    /** Presenter mode on or off (the Present toggle; F also flips it). */
    public BooleanProperty presenterProperty() {
        return presenter.selectedProperty();
    }

    /** The dark theme on or off. */
    public BooleanProperty darkProperty() {
        return dark.selectedProperty();
    }

    /** Shows an experiment type by its title and id. */
    private static final class TypeCell extends ListCell<ExperimentDef> {
        @Override
        protected void updateItem(ExperimentDef item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title() + "  (" + item.id() + ")");
        }
    }
}
