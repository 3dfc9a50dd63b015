package org.trainscope.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import org.trainscope.app.params.ParamSheet;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.preset.GalleryView;
import org.trainscope.app.preset.PenLayer;
import org.trainscope.app.preset.PlaylistPlayer;
import org.trainscope.app.preset.QuestionOverlay;
import org.trainscope.app.run.Runner;
import org.trainscope.app.session.RecentSessions;
import org.trainscope.app.session.SessionActions;
import org.trainscope.app.view.ExperimentView;
import org.trainscope.app.window.CompareArea;
import org.trainscope.app.window.ExplanationCard;
import org.trainscope.app.window.KeyBindings;
import org.trainscope.app.window.RunPanel;
import org.trainscope.app.window.StatusBar;
import org.trainscope.app.window.TopBar;
import org.trainscope.app.window.WindowLayout;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.preset.Preset;
import org.trainscope.engine.preset.Presets;

/**
 * The main window, composed of its parts: the {@link TopBar}; the {@link RunPanel} on the left (H hides it); in the
 * centre the {@link ExplanationCard} — one line, or the whole text (E) — above the {@link CompareArea}, which gets
 * the rest of the height; the {@link StatusBar} at the bottom. The start screen is the {@link GalleryView} instead of
 * the panel, centre and bottom. The {@link WindowLayout} holds presenter mode and what is shown; presenter mode
 * scales the root font size, which every part follows, and the theme applies to every part.
 */
public final class MainView extends BorderPane {
    /** The smallest window that still shows every label and a readable picture (a 1024×768 projector). */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;
    /** The root font size in px outside presenter mode; the parts size their type in em of it. */
    static final double FONT_SIZE = 14;
    /**
     * The share of the centre's height the whole explanation may take, and the height it always leaves the picture
     * (the one-line summary above it included); the text scrolls beyond.
     */
    private static final double EXPLANATION_SHARE = 0.3;
    private static final double PICTURE_HEIGHT = 470;
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final PseudoClass PRESENTER = PseudoClass.getPseudoClass("presenter");

    private final Registry registry;
    private final Runner runner;
    private final PlaybackModel model;
    private final List<Preset> presets;
    private final SessionActions files;
    private final GalleryView gallery;
    private final CompareArea compare;
    private final ExplanationCard explanation = new ExplanationCard();
    private final WindowLayout layout = new WindowLayout();
    private final StatusBar status;
    private final RunPanel runPanel;
    private final TopBar top;
    private final VBox centre;
    private final QuestionOverlay question;
    private final PlaylistPlayer playlists;
    private javafx.util.Subscription fullScreenWatch; // Esc leaves full screen: leave presenter mode with it

    public MainView(Registry registry, Runner runner, Executor renderExecutor) {
        this(registry, runner, renderExecutor, RecentSessions.forUser());
    }

    public MainView(Registry registry, Runner runner, Executor renderExecutor, RecentSessions recent) {
        this.registry = registry;
        this.runner = runner;
        this.presets = Presets.standard(registry);
        this.model = new PlaybackModel(runner);
        this.compare = new CompareArea(model, (type, m) -> ExperimentViews.create(type, m, renderExecutor));
        this.files = new SessionActions(model, registry, renderExecutor, () -> getScene().getWindow(), this::getCenter,
                recent, "Trainscope " + Launcher.version());
        this.gallery = new GalleryView(presets, this::startPreset, files::open);
        this.playlists = new PlaylistPlayer(presets, p -> startPreset(p, true));
        gallery.offerPlaylists(playlists, () -> getScene().getWindow());
        this.status = new StatusBar(model, ExperimentViews::status);
        this.runPanel = new RunPanel(model, compare.sideBySideProperty());
        this.top = new TopBar(registry.types(), files, layout, this::showGallery,
                () -> files.exportGif(status.exportProgress(), status.cancelExport()));
        this.question = new QuestionOverlay(model);
        // over the view: the lecturer's pen (D), and a demo's question
        StackPane viewAndQuestion = new StackPane(compare, new PenLayer(model), question);
        VBox.setVgrow(viewAndQuestion, Priority.ALWAYS);
        this.centre = new VBox(explanation, viewAndQuestion);
        createView();
        initListeners();
        top.experimentProperty().set(registry.types().get(0));
        showGallery();
    }

    private void createView() {
        getStyleClass().add("main-view");
        centre.getStyleClass().add("centre");
        centre.setMinHeight(0);
        setTop(top);
        setLeft(runPanel);
        setBottom(status);
    }

    private void initListeners() {
        top.experimentProperty().subscribe((was, now) -> {
            if (now != null) {
                select(now);
            }
        });
        // a session of another experiment was opened: close the old view at once (the params about to come are not
        // its experiment's), and pick the new one once the model also has its params, which shows its view
        model.typeProperty().subscribe((was, now) -> {
            if (now != null && now != top.experimentProperty().get()) {
                compare.closeView();
                javafx.application.Platform.runLater(() -> top.experimentProperty().set(model.type()));
            }
        });
        top.darkProperty().subscribe((was, now) -> applyTheme(now));
        layout.presenterProperty().subscribe((was, now) -> setPresenter(now));
        layout.panelShownProperty().subscribe(this::placePanel);
        // one root font size, which the parts follow in em: presenter mode scales them all, and back
        layout.scaleProperty().subscribe(scale -> setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                FONT_SIZE * scale.doubleValue())));
        explanation.expandedProperty().bindBidirectional(layout.explanationExpandedProperty());
        explanation.maxDetailHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double h = centre.getHeight();
            return Math.max(3 * FONT_SIZE, Math.min(EXPLANATION_SHARE * h, h - PICTURE_HEIGHT));
        }, centre.heightProperty()));
        explanation.frameProperty().bind(model.frameProperty()); // live numbers in the explanation's equations
        explanation.streamingProperty().bind(model.playingProperty());
    }

    /** The lecture playlists: the one built in the gallery and the one playing. */
    public PlaylistPlayer playlists() {
        return playlists;
    }

    /** The start screen: lecture presets and recent sessions. */
    public void showGallery() {
        model.pause();
        gallery.showRecent(files.recent());
        setCenter(gallery);
        setBottom(null);
        placePanel(); // the sheet and the transport belong to an experiment, not to the start screen
    }

    /** The experiment's view (leaving the gallery). */
    public void showExperiment() {
        setCenter(centre);
        setBottom(status);
        placePanel();
    }

    /** The side panel is shown beside an experiment's view when the layout asks for it. */
    private void placePanel() {
        setLeft(getCenter() == centre && layout.panelShownProperty().get() ? runPanel : null);
    }

    /**
     * Starts a lecture preset: its experiment, params, seed and speed, playing. Its question is asked in presenter
     * mode (a lecture); a student exploring the gallery plays the demo through.
     */
    public void startPreset(Preset preset) {
        startPreset(preset, layout.presenterProperty().get());
    }

    /** Starts a preset; {@code lecture}: it pauses at its question, if it has one (a playlist's demos decide). */
    private void startPreset(Preset preset, boolean lecture) {
        top.experimentProperty().set(preset.type(registry));
        showExperiment();
        model.speedProperty().set(preset.speed());
        model.applySeedAndParams(preset.seed(), preset.params(registry));
        model.play();
        question.ask(lecture ? preset.question() : null);
    }

    private void select(ExperimentDef type) {
        compare.show(type);
        explanation.membersProperty().bind(compare.view().members()); // e.g. the landscape's selected racer
        explanation.show(type);
        showExperiment();
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        pseudoClassStateChanged(DARK, dark);
        compare.setDark(dark);
    }

    /** Presenter mode: full screen, large type, thick lines, no editing panels; F or Esc leaves it. */
    private void setPresenter(boolean on) {
        pseudoClassStateChanged(PRESENTER, on);
        compare.setPresenter(on);
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("F or Esc leaves presenter mode");
            stage.setFullScreen(on);
            if (fullScreenWatch == null) {
                fullScreenWatch = stage.fullScreenProperty().subscribe((was, now) -> {
                    if (!now && layout.presenterProperty().get()) {
                        layout.presenterProperty().set(false);
                    }
                });
            }
        }
    }

    /**
     * Adds the theme, style sheet and keyboard shortcuts to the scene, and the minimum size to the stage it is shown
     * in ({@link #MIN_WIDTH} × {@link #MIN_HEIGHT}).
     */
    public void install(Scene scene) {
        applyTheme(top.darkProperty().get());
        scene.getStylesheets().add(MainView.class.getResource("trainscope.css").toExternalForm());
        Platform.runLater(this::requestFocus); // keys drive the player, not the first text field
        new KeyBindings(model, files, presets, this::startPreset, layout, this).install(scene);
        playlists.install(scene); // a lecture's clicker: PageDown/PageUp, N/P
        scene.windowProperty().subscribe(window -> {
            if (window instanceof Stage stage) {
                stage.setMinWidth(MIN_WIDTH);
                stage.setMinHeight(MIN_HEIGHT);
            }
        });
    }

    /** Presenter mode, the side panel and the explanation, and the factor presenter mode scales the type by. */
    public WindowLayout windowLayout() {
        return layout;
    }

    /** The model of the pinned run's own view when shown side by side, or null. */
    public PlaybackModel pinnedModel() {
        return compare.pinnedModel();
    }

    /** The start screen. */
    public GalleryView gallery() {
        return gallery;
    }

    /** The presets of the gallery, in order (keys 1–9). */
    public List<Preset> presets() {
        return presets;
    }

    /** The progress bar and cancel button of a running GIF export. */
    public ProgressBar exportProgress() {
        return status.exportProgress();
    }

    public Button cancelExport() {
        return status.cancelExport();
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
        return runPanel.sheet();
    }

    public ExperimentView view() {
        return compare.view();
    }

    public void shutdown() {
        if (fullScreenWatch != null) {
            fullScreenWatch.unsubscribe();   // the stage may outlive this view (tests share one)
        }
        runner.shutdown();
    }
}
