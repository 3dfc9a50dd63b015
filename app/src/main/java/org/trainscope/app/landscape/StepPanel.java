package org.trainscope.app.landscape;

import java.util.List;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;

import org.trainscope.app.view.TexLine;

/**
 * The card under the loss chart: "One step, in numbers" for the selected racer (chosen here, in the map's legend or on its
 * point), its update rule as LaTeX with the numbers of the step to the frame shown ({@link StepInNumbers}), in the
 * colour and at the size of the strip's own text. Collapsible, so the chart can have the room; while collapsed nothing
 * is rendered. Rendering a formula takes 2–3 ms: while frames stream in, the numbers follow at most every 150 ms; a
 * still frame (a step, a scrub) shows its own at once.
 */
final class StepPanel extends VBox {
    private final Label title = new Label("One step, in numbers:");
    private final ComboBox<String> racer = new ComboBox<>();
    private final Button toggle = new Button();
    private final FlowPane equations = new FlowPane(18, 4);
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);
    private final PauseTransition cooldown = new PauseTransition(Duration.millis(150));
    private List<String> latest = List.of();
    private boolean pending;

    StepPanel() {
        super(4);
        createView();
        initListeners();
    }

    private void createView() {
        setId("step-panel");
        racer.setId("racer-choice");
        racer.getStyleClass().add(Styles.SMALL);
        racer.setFocusTraversable(false);
        toggle.setId("step-panel-toggle");
        toggle.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        toggle.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, racer, spacer, toggle);
        header.setAlignment(Pos.CENTER_LEFT);
        equations.setId("step-equations");
        getChildren().addAll(header, equations);
        setStyle("-fx-padding: 0.3em 0.6em; -fx-background-color: -color-bg-subtle;");
        setMinHeight(Region.USE_PREF_SIZE);
        // a long formula must not widen the column (and narrow the map): it is cut at the edge instead
        setMinWidth(0);
        equations.setMinWidth(0);
        title.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        racer.setMinWidth(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    private void initListeners() {
        toggle.setOnAction(e -> expanded.set(!expanded.get()));
        expanded.subscribe(on -> {
            toggle.setText(on ? "Hide ▾" : "Show ▴");
            equations.setVisible(on);
            equations.setManaged(on);
            draw();
        });
        cooldown.setOnFinished(e -> {
            if (pending) {
                pending = false;
                draw();
                cooldown.playFromStart();
            }
        });
        title.textFillProperty().subscribe(c -> draw());
        title.fontProperty().subscribe(f -> draw());
        equations.widthProperty().subscribe(w -> equations.setPrefWrapLength(w.doubleValue()));
    }

    /** The racer picker (its value is the selected racer). */
    ComboBox<String> racerChoice() {
        return racer;
    }

    BooleanProperty expandedProperty() {
        return expanded;
    }

    /** Shows {@code latex}, one formula per entry: now if {@code streaming} is false, else at most every 150 ms. */
    void show(List<String> latex, boolean streaming) {
        latest = latex;
        if (!streaming) {
            cooldown.stop();
            pending = false;
            draw();
        } else if (cooldown.getStatus() == Animation.Status.RUNNING) {
            pending = true;
        } else {
            draw();
            cooldown.playFromStart();
        }
    }

    /** The formulas on screen, numbers filled in. */
    List<String> shown() {
        return equations.getChildren().stream().map(n -> ((TexLine) n).tex()).toList();
    }

    private void draw() {
        if (!expanded.get()) {
            return;
        }
        while (equations.getChildren().size() > latest.size()) {
            equations.getChildren().remove(equations.getChildren().size() - 1);
        }
        while (equations.getChildren().size() < latest.size()) {
            equations.getChildren().add(new TexLine());
        }
        TexLine.fill(equations.getChildren(), latest, title);
    }
}
