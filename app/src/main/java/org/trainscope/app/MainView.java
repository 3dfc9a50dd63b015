package org.trainscope.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;

import org.trainscope.app.params.ParamSheet;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.playback.TransportBar;
import org.trainscope.app.run.Runner;
import org.trainscope.app.preset.GalleryView;
import org.trainscope.app.session.RecentSessions;
import org.trainscope.app.session.SessionActions;
import org.trainscope.engine.preset.Preset;
import org.trainscope.engine.preset.Presets;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Registry;

/**
 * The main window: experiment picker and theme on top; explanation and parameter sheet on the left; the
 * experiment's view in the centre; transport bar and status line at the bottom.
 */
public final class MainView extends BorderPane {
    private final Registry registry;
    private final Runner runner;
    private final Executor renderExecutor;
    private final PlaybackModel model;
    private final ComboBox<ExperimentDef> picker = new ComboBox<>();
    private final ToggleButton darkToggle = new ToggleButton("Dark");
    private final ParamSheet sheet;
    private final TextField seedField = new TextField();
    private final Label seedError = new Label();
    private final VBox explanation = new VBox(6);
    private final Label title = new Label();
    private final Label whatYouSee = new Label();
    private final Label formula = new Label();
    private final Label source = new Label();
    private final Label status = new Label();
    private final Label message = new Label();
    private final javafx.scene.control.ProgressBar exportProgress = new javafx.scene.control.ProgressBar(0);
    private final Button cancelExport = new Button("Cancel");
    private final Button pin = new Button("Pin this run to compare");
    private final SessionActions files;
    private final List<Preset> presets;
    private final GalleryView gallery;
    private VBox centre;
    private final CheckBox forkMode = new CheckBox("Changes fork at the frame shown");
    private final ToggleButton presenter = new ToggleButton("Present");
    private final javafx.scene.control.SplitPane viewArea = new javafx.scene.control.SplitPane();
    private final CheckBox sideBySide = new CheckBox("Show the pinned run side by side");
    private PlaybackModel pinnedModel;
    private ExperimentView pinnedView;
    private VBox left;
    private VBox bottom;
    private boolean fullScreenWatched;
    private List<javafx.scene.Node> editingTools = List.of();
    private ExperimentView view;

    public MainView(Registry registry, Runner runner, Executor renderExecutor) {
        this(registry, runner, renderExecutor, RecentSessions.forUser());
    }

    public MainView(Registry registry, Runner runner, Executor renderExecutor, RecentSessions recent) {
        this.registry = registry;
        this.presets = Presets.standard(registry);
        this.runner = runner;
        this.renderExecutor = renderExecutor;
        this.model = new PlaybackModel(runner);
        this.sheet = new ParamSheet(this::paramsEdited);
        this.files = new SessionActions(model, registry, renderExecutor, () -> getScene().getWindow(),
                () -> getCenter(), () -> chartsIn(getCenter()), recent);
        this.gallery = new GalleryView(presets, this::startPreset, files::open);
        createView();
        initListeners();
        picker.getSelectionModel().select(registry.types().get(0));
        showGallery();
    }

    /** The start screen: lecture presets and recent sessions. */
    public void showGallery() {
        model.pause();
        gallery.showRecent(files.recent());
        setCenter(gallery);
        setLeft(null);     // the sheet and the transport belong to an experiment, not to the start screen
        setBottom(null);
    }

    /** Starts a lecture preset: its experiment, params, seed and speed, playing. */
    public void startPreset(Preset preset) {
        ExperimentDef type = preset.type(registry);
        if (picker.getValue() != type) {
            picker.setValue(type);
        }
        showExperiment();
        model.speedProperty().set(preset.speed());
        model.applySeedAndParams(preset.seed(), preset.params(registry));
        model.play();
    }

    /**
     * Side by side: the pinned run gets a view of its own — the same view class, driven by a model that only shows
     * the pinned recording at the current step — so any experiment can be compared, not only those that overlay.
     */
    private void updateSideBySide() {
        if (pinnedView != null) {
            pinnedView.dispose();
            pinnedView = null;
            pinnedModel = null;
        }
        PlaybackModel.Pinned pinned = model.pinnedProperty().get();
        if (view == null) {
            return;
        }
        if (pinned == null || !sideBySide.isSelected()) {
            viewArea.getItems().setAll(view.node());
            return;
        }
        pinnedModel = new PlaybackModel(new Runner(Runnable::run));
        pinnedModel.showRecording(model.type(), pinned.params(), pinned.seed(), pinned.recording());
        pinnedView = ExperimentViews.create(model.type(), pinnedModel, renderExecutor);
        pinnedView.setDark(darkToggle.isSelected());
        pinnedView.setPresenter(presenter.isSelected());
        Label heading = new Label("pinned run: " + pinned.label(model.params(), model.seed()));
        heading.getStyleClass().addAll(Styles.TEXT_MUTED, "pinned-heading");
        Label current = new Label("current run");
        current.getStyleClass().addAll(Styles.TEXT_MUTED, "pinned-heading");
        VBox currentBox = new VBox(2, current, view.node());
        VBox pinnedBox = new VBox(2, heading, pinnedView.node());
        VBox.setVgrow(view.node(), Priority.ALWAYS);
        VBox.setVgrow(pinnedView.node(), Priority.ALWAYS);
        pinnedBox.setId("pinned-view");
        viewArea.getItems().setAll(currentBox, pinnedBox);
        if (model.frame() != null) {
            pinnedModel.followStep(model.frame().step());
        }
    }

    /** Every JFreeChart shown in a node tree (for SVG export: one mechanism for every view). */
    static List<org.jfree.chart.JFreeChart> chartsIn(javafx.scene.Node node) {
        List<org.jfree.chart.JFreeChart> out = new java.util.ArrayList<>();
        if (node instanceof org.jfree.chart.fx.ChartViewer viewer && viewer.getChart() != null) {
            out.add(viewer.getChart());
        } else if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                out.addAll(chartsIn(child));
            }
        }
        return out;
    }

    /** The experiment's view (leaving the gallery). */
    public void showExperiment() {
        setCenter(centre);
        setLeft(presenter.isSelected() ? null : left);
        setBottom(bottom);
    }

    /** The model of the pinned run's own view when shown side by side, or null. */
    public PlaybackModel pinnedModel() {
        return pinnedModel;
    }

    /** The start screen. */
    public GalleryView gallery() {
        return gallery;
    }

    /** The presets of the gallery, in order (keys 1–9). */
    public List<Preset> presets() {
        return presets;
    }

    private void createView() {
        getStyleClass().add("main-view");
        Label brand = new Label("Trainscope");
        brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
        picker.getItems().setAll(registry.types());
        picker.setId("experiment-picker");
        picker.setCellFactory(list -> new TypeCell());
        picker.setButtonCell(new TypeCell());
        picker.setPrefWidth(320);
        picker.setFocusTraversable(false);
        darkToggle.setId("dark-toggle");
        darkToggle.setFocusTraversable(false);
        darkToggle.setTooltip(new Tooltip("Switch between light and dark theme"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label("Space play · ←/→ step · Home reset");
        keys.getStyleClass().addAll(Styles.TEXT_MUTED, "keys-hint");
        Button home = new Button("Gallery");
        home.setId("gallery-button");
        home.setTooltip(new Tooltip("The lecture demos and recent sessions"));
        home.setOnAction(e -> showGallery());
        Button open = new Button("Open…");
        open.setId("open");
        open.setOnAction(e -> files.open());
        Button save = new Button("Save…");
        save.setId("save");
        save.setOnAction(e -> files.save());
        MenuItem csv = new MenuItem("Frames as CSV…");
        csv.setOnAction(e -> files.exportFrames("csv"));
        MenuItem jsonl = new MenuItem("Frames as JSON Lines…");
        jsonl.setOnAction(e -> files.exportFrames("jsonl"));
        MenuItem image = new MenuItem("View as PNG, charts as SVG…");
        image.setOnAction(e -> files.exportImage());
        MenuItem gif = new MenuItem("Run as animated GIF…");
        gif.setOnAction(e -> files.exportGif(exportProgress, cancelExport));
        MenuButton export = new MenuButton("Export", null, csv, jsonl, image, gif);
        export.setId("export");
        open.setTooltip(new Tooltip("Open a saved session (Ctrl+O)"));
        save.setTooltip(new Tooltip("Save this run as a session file (Ctrl+S)"));
        presenter.setId("presenter");
        presenter.setTooltip(new Tooltip("Presenter mode: full screen, large type, no editing panels (F)"));
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {home, open, save, export, presenter}) {
            c.setFocusTraversable(false);
        }
        editingTools = List.of(home, picker, open, save, export, keys, darkToggle);
        HBox top = new HBox(10, brand, home, picker, open, save, export, spacer, keys, presenter, darkToggle);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 14, 10, 14));
        top.getStyleClass().add("top-bar");
        setTop(top);

        title.getStyleClass().addAll(Styles.TITLE_4, "explain-title");
        whatYouSee.setWrapText(true);
        whatYouSee.getStyleClass().add("explain-text");
        formula.setWrapText(true);
        formula.getStyleClass().add("formula");
        source.setWrapText(true);
        source.getStyleClass().addAll(Styles.TEXT_MUTED, "source");
        explanation.getChildren().addAll(title, whatYouSee, formula, source);
        explanation.getStyleClass().add("explain-card");
        explanation.setId("explanation");
        explanation.setMinHeight(Region.USE_PREF_SIZE);

        Label paramsHeader = new Label("Parameters");
        paramsHeader.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("Press Enter to apply a value.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        seedField.setId("seed");
        seedField.setPrefColumnCount(8);
        seedError.getStyleClass().add("param-error");
        seedError.setManaged(false);
        seedError.setVisible(false);
        Label seedLabel = new Label("seed");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox seedRow = new HBox(8, seedLabel, seedField);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        forkMode.setId("fork-mode");
        forkMode.setWrapText(true);
        forkMode.setTooltip(new Tooltip("Off: a change restarts the run from step 0.\n"
                + "On: the run is forked at the frame shown — it keeps the exact state there and goes on with the new values."));
        pin.setId("pin");
        pin.setTooltip(new Tooltip("Keep this run on screen (dashed) and compare it with the next one"));
        pin.setMaxWidth(Double.MAX_VALUE);
        sideBySide.setId("side-by-side");
        sideBySide.setSelected(true);
        sideBySide.setVisible(false);
        sideBySide.setManaged(false);
        VBox.setVgrow(viewArea, Priority.ALWAYS);
        left = new VBox(8, paramsHeader, hint, forkMode, pin, sideBySide, seedRow, seedError, sheet);
        left.setPadding(new Insets(12));
        left.setPrefWidth(330);
        left.setMinWidth(280);
        left.getStyleClass().add("side-panel");
        setLeft(left);

        status.setId("status");
        status.getStyleClass().add("status-line");
        message.setId("message");
        message.getStyleClass().add("status-message");
        message.setMinWidth(Region.USE_PREF_SIZE); // the message wins; the status line gives way with an ellipsis
        status.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        exportProgress.setId("export-progress");
        cancelExport.setId("cancel-export");
        exportProgress.setVisible(false);
        exportProgress.setPrefWidth(160);
        cancelExport.setVisible(false);
        cancelExport.getStyleClass().add(Styles.SMALL);
        cancelExport.setFocusTraversable(false);
        HBox statusRow = new HBox(12, status, grow, message, exportProgress, cancelExport);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        bottom = new VBox(6, new TransportBar(model), statusRow);
        bottom.setPadding(new Insets(8, 14, 10, 14));
        bottom.getStyleClass().add("bottom-bar");
        setBottom(bottom);
    }

    private void initListeners() {
        picker.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                select(now);
            }
        });
        picker.setOnAction(e -> showExperiment()); // also when the same experiment is picked from the gallery
        darkToggle.selectedProperty().addListener((obs, was, now) -> applyTheme(now));
        seedField.setOnAction(e -> commitSeed());
        seedField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitSeed();
            }
        });
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(model.frameProperty().get()),
                model.frameProperty()));
        message.textProperty().bind(model.messageProperty());
        // params changed elsewhere (a click on the map) show in the sheet; its own edits are already there
        model.paramsProperty().addListener((obs, was, now) -> {
            if (model.pinnedProperty().get() != null) {
                updateSideBySide(); // its heading names what differs from the current params
            }
            if (now != null && !now.equals(sheet.params())) {
                sheet.show(now);
            }
        });
        model.seedProperty().addListener((obs, was, now) -> seedField.setText(Long.toString(now.longValue())));
        // a session of another experiment was opened: show its view
        model.typeProperty().addListener((obs, was, now) -> {
            if (now != null && now != picker.getValue()) {
                picker.setValue(now);
            }
        });
        presenter.selectedProperty().addListener((obs, was, now) -> setPresenter(now));
        pin.setOnAction(e -> {
            if (model.pinnedProperty().get() == null) {
                model.pinCurrent();
            } else {
                model.unpin();
            }
        });
        model.pinnedProperty().addListener((obs, was, now) -> {
            pin.setText(now == null ? "Pin this run to compare" : "Unpin the compared run");
            sideBySide.setVisible(now != null);
            sideBySide.setManaged(now != null);
            updateSideBySide();
        });
        sideBySide.selectedProperty().addListener((obs, was, now) -> updateSideBySide());
        // the pinned run's view follows the step shown (linked transport)
        model.frameProperty().addListener((obs, was, now) -> {
            if (pinnedModel != null && now != null) {
                pinnedModel.followStep(now.step());
            }
        });
        model.alertProperty().addListener((obs, was, now) ->
                message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("alert"), now));
    }

    private void paramsEdited(org.trainscope.engine.experiment.Params params) {
        if (forkMode.isSelected()) {
            model.fork(params);
        } else {
            model.applyParams(params);
        }
    }

    private void select(ExperimentDef type) {
        if (view != null) {
            view.dispose();
        }
        if (type != model.type()) {
            model.select(type); // not when a session of this type was just opened
        }
        view = ExperimentViews.create(type, model, renderExecutor);
        view.setDark(darkToggle.isSelected());
        view.setPresenter(presenter.isSelected());
        VBox.setVgrow(view.node(), Priority.ALWAYS);
        centre = new VBox(explanation, viewArea);
        viewArea.getItems().setAll(view.node());
        centre.getStyleClass().add("centre");
        showExperiment();
        title.setText(type.title());
        whatYouSee.setText(type.explanation().whatYouSee());
        formula.setText(type.explanation().formula());
        source.setText("Source: " + type.explanation().source());
        seedField.setText(Long.toString(model.seed()));
    }

    private void commitSeed() {
        try {
            long seed = Long.parseLong(seedField.getText().trim());
            seedError.setVisible(false);
            seedError.setManaged(false);
            seedField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), false);
            if (seed != model.seed()) {
                model.applySeed(seed);
            }
        } catch (NumberFormatException e) {
            seedError.setText("seed: '" + seedField.getText().trim() + "' is not a whole number");
            seedError.setVisible(true);
            seedError.setManaged(true);
            seedField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), true);
        }
    }

    private String statusText(Frame f) {
        if (f == null) {
            return "starting…";
        }
        StringBuilder sb = new StringBuilder("step ").append(f.step());
        int shown = 0;
        for (String name : f.scalarNames()) {
            if (name.endsWith(".loss") && shown < 7) {
                sb.append("   ").append(name, 0, name.length() - 5).append(' ')
                        .append(String.format(Locale.ROOT, "%.3g", f.scalar(name)));
                shown++;
            }
        }
        return sb.toString();
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
        darkToggle.setText(dark ? "Light" : "Dark");
        if (view != null) {
            view.setDark(dark);
        }
        if (pinnedView != null) {
            pinnedView.setDark(dark);
        }
    }

    /** Adds the theme, style sheet and keyboard shortcuts to the scene. */
    public void install(Scene scene) {
        applyTheme(darkToggle.isSelected());
        scene.getStylesheets().add(MainView.class.getResource("trainscope.css").toExternalForm());
        javafx.application.Platform.runLater(this::requestFocus); // keys drive the player, not the first text field
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl && e.getCode() != KeyCode.ESCAPE) {
                return;
            }
            if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                files.save();
                e.consume();
                return;
            }
            if (e.isShortcutDown() && e.getCode() == KeyCode.O) {
                files.open();
                e.consume();
                return;
            }
            if (e.getCode().isDigitKey() && !e.isShortcutDown()) {
                int n = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
                if (e.getCode().getName().startsWith("Numpad")) {
                    n = e.getCode().getCode() - KeyCode.NUMPAD1.getCode();
                }
                if (n >= 0 && n < Math.min(9, presets.size())) {
                    startPreset(presets.get(n));
                    e.consume();
                }
                return;
            }
            switch (e.getCode()) {
                case F -> presenter.setSelected(!presenter.isSelected());
                case SPACE -> model.togglePlay();
                case RIGHT -> model.stepForward();
                case LEFT -> model.stepBack();
                case HOME -> model.reset();
                case ESCAPE -> requestFocus();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Presenter mode: full screen, large type, thick lines, no editing panels; F or Esc leaves it. */
    private void setPresenter(boolean on) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("presenter"), on);
        setLeft(on ? null : left);
        for (javafx.scene.Node n : editingTools) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        for (javafx.scene.Node n : List.of(whatYouSee, source)) {
            n.setVisible(!on); // the lecturer tells the story; the formula stays on screen
            n.setManaged(!on);
        }
        if (view != null) {
            view.setPresenter(on);
        }
        if (pinnedView != null) {
            pinnedView.setPresenter(on);
        }
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setFullScreenExitHint("F or Esc leaves presenter mode");
            stage.setFullScreen(on);
            if (!fullScreenWatched) {
                fullScreenWatched = true; // Esc leaves full screen: leave presenter mode with it
                stage.fullScreenProperty().addListener((obs, was, now) -> {
                    if (!now && presenter.isSelected()) {
                        presenter.setSelected(false);
                    }
                });
            }
        }
    }

    /** The progress bar and cancel button of a running GIF export. */
    public javafx.scene.control.ProgressBar exportProgress() {
        return exportProgress;
    }

    public Button cancelExport() {
        return cancelExport;
    }

    /** Open, save and export. */
    public SessionActions files() {
        return files;
    }

    /** Once per pulse. */
    public void tick(long now) {
        model.tick(now);
    }

    public PlaybackModel model() {
        return model;
    }

    public ParamSheet sheet() {
        return sheet;
    }

    public ExperimentView view() {
        return view;
    }

    public void shutdown() {
        runner.shutdown();
    }

    /** Shows an experiment type by its title in the picker. */
    private static final class TypeCell extends ListCell<ExperimentDef> {
        @Override
        protected void updateItem(ExperimentDef item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title() + "  (" + item.id() + ")");
        }
    }
}
