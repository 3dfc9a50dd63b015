package org.trainscope.app.preset;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.preset.Question;

/**
 * The question of a lecture demo, over the view: when a demo started in a lecture with {@link #ask} plays to the question's
 * step, the player pauses there and the card shows the question and its answers. A click on an answer, or Enter,
 * reveals the right one; then Enter, a click on Continue, or Space plays on. Each question is asked once per start.
 */
public final class QuestionOverlay extends VBox {
    /** What the card is doing. */
    public enum State { HIDDEN, ASKING, REVEALED }

    private final PlaybackModel model;
    private final Label text = new Label();
    private final VBox answers = new VBox(6);
    private final Label result = new Label();
    private final Button next = new Button("Continue ▶");
    private final List<Button> buttons = new ArrayList<>();
    private Question armed;
    private Question shown;
    private State state = State.HIDDEN;

    public QuestionOverlay(PlaybackModel model) {
        super(10);
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        text.getStyleClass().add(Styles.TITLE_3);
        text.setWrapText(true);
        result.setWrapText(true);
        result.getStyleClass().add(Styles.TEXT_BOLD);
        next.getStyleClass().add(Styles.ACCENT);
        next.setId("question-continue");
        Label hint = new Label("Click an answer or press Enter to reveal it; Enter or Space plays on.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        result.managedProperty().bind(result.visibleProperty());   // no gap before the answer is revealed
        next.managedProperty().bind(next.visibleProperty());
        getChildren().addAll(text, answers, result, next, hint);
        setId("question");
        setAlignment(Pos.CENTER_LEFT);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setPrefWidth(560);
        setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-accent-emphasis; "
                + "-fx-border-width: 2; -fx-border-radius: 8; -fx-background-radius: 8; -fx-padding: 1.2em; "
                + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.35), 18, 0, 0, 4);");
        hide();
    }

    private void initListeners() {
        model.frameProperty().subscribe(this::reached);
        model.playingProperty().subscribe(playing -> {
            if (playing && state != State.HIDDEN) {
                hide();                                          // Space (or Play) plays on
            }
        });
        model.typeProperty().subscribe(t -> armed = null);    // another experiment: the demo's question is moot
        next.setOnAction(e -> playOn());
        sceneProperty().subscribe(this::installKeys);
    }

    /** Enter reveals, then plays on, while the card is shown (the window's keys do not use Enter). */
    private void installKeys(Scene scene) {
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && state != State.HIDDEN) {
                    if (state == State.ASKING) {
                        reveal(-1);
                    } else {
                        playOn();
                    }
                    e.consume();
                }
            });
        }
    }

    /** Arms {@code question} (null: none) for the demo just started. */
    public void ask(Question question) {
        hide();
        armed = question;
    }

    private void reached(Frame f) {
        if (armed == null || f == null || state != State.HIDDEN || f.step() < armed.atStep() || !model.playingProperty().get()) {
            return;
        }
        Question q = armed;
        armed = null;
        model.pause();
        if (q.atStep() < model.frameCountProperty().get()) {
            model.seek((int) q.atStep());                        // the player may want a later step already: stay here
        }
        show(q);
    }

    private void show(Question q) {
        text.setText(q.text());
        answers.getChildren().clear();
        buttons.clear();
        for (int i = 0; i < q.answers().size(); i++) {
            int chosen = i;
            Button b = new Button((char) ('A' + i) + "   " + q.answers().get(i));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setId("answer-" + i);
            b.setOnAction(e -> reveal(chosen));
            buttons.add(b);
            answers.getChildren().add(b);
        }
        shown = q;
        result.setText("");
        result.setVisible(false);
        next.setVisible(false);
        setVisible(true);
        setMouseTransparent(false);
        state = State.ASKING;
    }

    /** Shows the right answer; {@code chosen} is the one clicked (−1: revealed by key). */
    private void reveal(int chosen) {
        if (state != State.ASKING) {
            return;
        }
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).getStyleClass().add(i == shown.correct() ? Styles.SUCCESS : i == chosen ? Styles.DANGER : Styles.FLAT);
            buttons.get(i).setDisable(i != shown.correct() && i != chosen);
        }
        result.setText(chosen < 0 ? "The answer: " + shown.answer()
                : chosen == shown.correct() ? "Right: " + shown.answer() : "Not quite — the answer: " + shown.answer());
        result.setVisible(true);
        next.setVisible(true);
        state = State.REVEALED;
    }

    private void playOn() {
        hide();
        model.play();
    }

    private void hide() {
        setVisible(false);
        setMouseTransparent(true);
        state = State.HIDDEN;
    }

    /** What the card is doing, for tests. */
    public State state() {
        return state;
    }
}
