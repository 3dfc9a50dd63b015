package org.trainscope.app.playback;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;

/** Play/pause, step back, step forward, reset, a scrub slider over recorded frames, and speed. */
public final class TransportBar extends HBox {
    private final PlaybackModel model;
    private final Button reset = new Button();
    private final Button back = new Button();
    private final Button playPause = new Button();
    private final Button forward = new Button();
    private final Slider scrub = new Slider(0, 0, 0);
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Label position = new Label();
    private boolean syncing;

    public TransportBar(PlaybackModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        reset.setGraphic(Icons.reset());
        back.setGraphic(Icons.stepBack());
        forward.setGraphic(Icons.stepForward());
        playPause.setGraphic(Icons.play());
        reset.setId("reset");
        back.setId("step-back");
        forward.setId("step-forward");
        playPause.setId("play-pause");
        scrub.setId("scrub");
        speed.setId("speed");
        reset.setTooltip(new Tooltip("Reset to step 0 (Home)"));
        back.setTooltip(new Tooltip("Step back (←)"));
        forward.setTooltip(new Tooltip("Step forward (→)"));
        playPause.setTooltip(new Tooltip("Play / pause (Space)"));
        for (Button b : new Button[] {reset, back, playPause, forward}) {
            b.getStyleClass().addAll(Styles.BUTTON_ICON);
            b.setFocusTraversable(false);
        }
        playPause.getStyleClass().add(Styles.ACCENT);
        for (double s : PlaybackModel.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format("%.0f steps/s", v);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("steps/s", "").trim());
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("Playback speed"));
        scrub.setFocusTraversable(false);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        position.setId("position");
        position.getStyleClass().add("position-label");
        getChildren().addAll(reset, back, playPause, forward, scrub, position, speed);
    }

    private void initListeners() {
        reset.setOnAction(e -> model.reset());
        back.setOnAction(e -> model.stepBack());
        forward.setOnAction(e -> model.stepForward());
        playPause.setOnAction(e -> model.togglePlay());
        model.playingProperty().addListener((obs, was, now) -> playPause.setGraphic(now ? Icons.pause() : Icons.play()));
        back.disableProperty().bind(model.indexProperty().isEqualTo(0));
        scrub.maxProperty().bind(Bindings.max(1, model.frameCountProperty().subtract(1)));
        model.indexProperty().addListener((obs, was, now) -> {
            syncing = true;
            scrub.setValue(now.intValue());
            syncing = false;
        });
        scrub.valueProperty().addListener((obs, was, now) -> {
            if (!syncing) {
                model.pause();
                model.seek((int) Math.round(now.doubleValue()));
            }
        });
        position.textProperty().bind(Bindings.createStringBinding(() -> {
            var f = model.frameProperty().get();
            return f == null ? "starting…"
                    : "step " + f.step() + "  ·  frame " + (model.indexProperty().get() + 1) + "/" + model.frameCountProperty().get();
        }, model.frameProperty(), model.indexProperty(), model.frameCountProperty()));
        speed.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.speedProperty().set(now);
            }
        });
        model.speedProperty().addListener((obs, was, now) -> speed.setValue(now.doubleValue())); // e.g. a preset
    }
}
