package org.trainscope.app.window;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import org.trainscope.app.view.TexLine;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;

/**
 * Above the view: one line — the experiment's title and the first sentence of what you see — and, when expanded
 * (the chevron, or E), the whole text, its formula and its source below it. Expanded, it takes at most
 * {@link #maxDetailHeightProperty()} and scrolls beyond: the picture keeps the rest of the room. An explanation
 * with LaTeX equations shows them rendered as mathematics in place of its plain formula, with the numbers of the
 * frame in {@link #frameProperty()} (the frame on show: they change as you step or scrub), in the colour and at the
 * size of the text around them (dark theme, presenter mode).
 */
public final class ExplanationCard extends VBox {
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Button toggle = new Button();
    private final Label whatYouSee = new Label();
    private final Label formula = new Label();
    private final Label source = new Label();
    private final VBox equations = new VBox(4);
    private final VBox detail = new VBox(6, whatYouSee, equations, formula, source);
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>(this, "frame");
    private final ObjectProperty<java.util.Map<String, String>> members =
            new SimpleObjectProperty<>(this, "members", java.util.Map.of());
    private ExperimentDef.Explanation explanation;
    /** Rendering a line of formula takes 2–3 ms: while frames stream in, the numbers follow at most this often. */
    private final PauseTransition cooldown = new PauseTransition(Duration.millis(150));
    // while frames stream in (playing), the equations follow at most every 150 ms; a still frame at once
    private final javafx.beans.property.BooleanProperty streaming =
            new javafx.beans.property.SimpleBooleanProperty(this, "streaming", false);
    private boolean pending;
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);
    private final DoubleProperty maxDetailHeight = new SimpleDoubleProperty(this, "maxDetailHeight", Double.MAX_VALUE);
    private final ScrollPane scroller = new ScrollPane(detail) {
        /** As tall as the text at the width it has, up to the limit (a wrapped text is taller when narrower). */
        @Override
        protected double computePrefHeight(double width) {
            double w = getWidth() > 0 ? getWidth() : ExplanationCard.this.getWidth();
            double insets = snappedTopInset() + snappedBottomInset();
            return Math.min(detail.prefHeight(Math.max(1, w - snappedLeftInset() - snappedRightInset())) + insets,
                    maxDetailHeight.get());
        }
    };

    public ExplanationCard() {
        super(6);
        createView();
        initListeners();
    }

    private void createView() {
        title.getStyleClass().addAll(Styles.TITLE_4, "explain-title");
        title.setMinWidth(0);
        summary.getStyleClass().add("explain-summary");
        summary.setId("explanation-summary");
        summary.setTextOverrun(OverrunStyle.WORD_ELLIPSIS);
        summary.setMinWidth(0);
        summary.setPrefWidth(0); // the title keeps its width; the sentence takes what is left of the line
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        toggle.setId("explanation-toggle");
        toggle.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setFocusTraversable(false);
        HBox header = new HBox(12, title, summary, toggle);
        header.setAlignment(Pos.BASELINE_LEFT);
        whatYouSee.setWrapText(true);
        whatYouSee.getStyleClass().add("explain-text");
        formula.setWrapText(true);
        formula.getStyleClass().add("formula");
        equations.setId("explanation-equations");
        equations.setStyle("-fx-background-color: -color-bg-inset; -fx-background-radius: 6; -fx-padding: 0.4em 0.6em;");
        equations.setMaxWidth(Region.USE_PREF_SIZE);
        source.setWrapText(true);
        source.getStyleClass().addAll(Styles.TEXT_MUTED, "source");
        detail.getStyleClass().add("explain-detail");
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "explain-scroller");
        scroller.setMinHeight(0);
        getChildren().addAll(header, scroller);
        getStyleClass().add("explain-card");
        setId("explanation");
        setMinHeight(Region.USE_PREF_SIZE);
    }

    private void initListeners() {
        toggle.setOnAction(e -> expanded.set(!expanded.get()));
        expanded.subscribe(on -> {
            toggle.setText(on ? "Less ▴" : "More ▾");
            toggle.setTooltip(new Tooltip(on ? "Show only the first line (E)" : "Show the whole explanation (E)"));
            summary.setVisible(!on);
            scroller.setVisible(on);
            scroller.setManaged(on);
        });
        // a new width wraps the text anew: the scroller's height follows it
        scroller.widthProperty().subscribe(w -> requestLayout());
        maxDetailHeight.subscribe(h -> requestLayout());
        // live numbers: the frame shown fills the equations; the text's colour and size are theirs
        frame.subscribe(f -> refreshSoon());
        members.subscribe(m -> fillEquations());   // another racer selected: its numbers at once
        cooldown.setOnFinished(e -> {
            if (pending) {
                pending = false;
                refreshSoon();
            }
        });
        expanded.subscribe(on -> fillEquations());
        streaming.subscribe(on -> fillEquations());
        whatYouSee.textFillProperty().subscribe(c -> fillEquations());
        whatYouSee.fontProperty().subscribe(f -> fillEquations());
    }

    /** Fills the equations now, or once the cooldown ends if it is running (the last frame then wins). */
    private void refreshSoon() {
        if (!streaming.get()) {
            fillEquations();   // a step, a scrub, an export: the numbers belong to the frame shown, now
            return;
        }
        if (cooldown.getStatus() == Animation.Status.RUNNING) {
            pending = true;
            return;
        }
        fillEquations();
        cooldown.playFromStart();
    }

    /** Puts the numbers of the frame shown into the equations (only while they are on screen). */
    private void fillEquations() {
        if (explanation == null || explanation.equations().isEmpty() || !expanded.get()) {
            return;
        }
        java.util.Map<String, String> chosen = members.get() == null ? java.util.Map.of() : members.get();
        java.util.List<String> filled = explanation.equations(frame.get(), chosen);
        TexLine.fill(equations.getChildren(), filled, whatYouSee);
        java.util.List<Boolean> shown = explanation.observed(frame.get(), chosen);
        for (int i = 0; i < shown.size(); i++) {
            javafx.scene.Node line = equations.getChildren().get(i);
            line.setVisible(shown.get(i));   // an equation none of whose values this run has: not a row of dashes
            line.setManaged(shown.get(i));
        }
    }

    /** Explains {@code type}. */
    public void show(ExperimentDef type) {
        String text = type.explanation().whatYouSee();
        title.setText(type.title());
        summary.setText(firstSentence(text));
        summary.setTooltip(new Tooltip(text));
        summary.getTooltip().setWrapText(true);
        summary.getTooltip().setMaxWidth(600);
        whatYouSee.setText(text);
        formula.setText(type.explanation().formula());
        explanation = type.explanation();
        boolean live = !explanation.equations().isEmpty();
        equations.getChildren().clear();
        for (int i = 0; i < explanation.equations().size(); i++) {
            equations.getChildren().add(new TexLine());
        }
        equations.setVisible(live);
        equations.setManaged(live);
        formula.setVisible(!live);
        formula.setManaged(!live);
        fillEquations();
        source.setText("Source: " + type.explanation().source());
        scroller.setVvalue(0);
    }

    /** True while frames stream in (bind it to playing): the equations then follow at most every 150 ms. */
    public javafx.beans.property.BooleanProperty streamingProperty() {
        return streaming;
    }

    /** The frame whose numbers the equations show (bind it to the frame on show). */
    public ObjectProperty<Frame> frameProperty() {
        return frame;
    }

    /** The members the equations' placeholders are bound to (bind it to the view's {@code members()}). */
    public ObjectProperty<java.util.Map<String, String>> membersProperty() {
        return members;
    }

    /** The equations on screen as LaTeX, their numbers filled in (empty for a plain formula). */
    public java.util.List<String> equationsShown() {
        return equations.getChildren().stream().map(n -> ((TexLine) n).tex()).toList();
    }

    /** True if every equation on screen is rendered as mathematics. */
    public boolean equationsRendered() {
        return equations.getChildren().stream().allMatch(n -> ((TexLine) n).rendered());
    }

    /** Whether the whole explanation shows (else its first line only). */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    /** The most height the expanded text takes; it scrolls beyond. */
    public DoubleProperty maxDetailHeightProperty() {
        return maxDetailHeight;
    }

    /** The text up to the end of its first sentence (a full stop followed by a space), or all of it. */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
