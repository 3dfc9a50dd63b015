package org.trainscope.app.window;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.trainscope.app.params.ParamSheet;
import org.trainscope.app.params.ValueField;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Params;

/**
 * The side panel of a run: how a change applies (restart or fork), pin and compare, the seed and the parameter
 * sheet. A value is applied with Enter or by leaving its field; a bad one is refused at the field with a message,
 * and the run keeps its old value.
 */
public final class RunPanel extends VBox {
    private static final String PIN = "Pin this run to compare";
    private static final String UNPIN = "Unpin the compared run";

    private final PlaybackModel model;
    private final BooleanProperty sideBySide;
    private final ParamSheet sheet = new ParamSheet(this::paramsEdited);
    private final CheckBox forkMode = new CheckBox("Changes fork at the frame shown");
    private final Button pin = new Button(PIN);
    private final CheckBox sideBySideBox = new CheckBox("Show the pinned run side by side");
    private final ValueField seedField = new ValueField("seed", RunPanel::seedRefusal, this::applySeed, this::seedText);

    /** @param sideBySide whether the pinned run is shown in a view of its own (the check box edits it) */
    public RunPanel(PlaybackModel model, BooleanProperty sideBySide) {
        super(8);
        this.model = model;
        this.sideBySide = sideBySide;
        createView();
        initListeners();
    }

    private void createView() {
        Label paramsHeader = new Label("Parameters");
        paramsHeader.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("Enter applies a value, Esc puts it back.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        forkMode.setId("fork-mode");
        forkMode.setWrapText(true);
        forkMode.setTooltip(new Tooltip("Off: a change restarts the run from step 0.\n"
                + "On: the run is forked at the frame shown — it keeps the exact state there and goes on with the new values."));
        pin.setId("pin");
        pin.setTooltip(new Tooltip("Keep this run on screen (dashed) and compare it with the next one"));
        pin.setMaxWidth(Double.MAX_VALUE);
        sideBySideBox.setId("side-by-side");
        sideBySideBox.setWrapText(true);
        sideBySideBox.setTooltip(new Tooltip("Off: the pinned run is drawn dashed in the same view (a view that cannot draw it over its own is shown beside it).\n"
                + "On: it gets a view of its own beside the current one."));
        seedField.field().setPrefColumnCount(8);
        Label seedLabel = new Label("seed");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox seedRow = new HBox(8, seedLabel, seedField);
        seedRow.setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(seedField, Priority.ALWAYS);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(paramsHeader, hint, forkMode, pin, sideBySideBox, seedRow, sheet);
        setPadding(new Insets(12));
        setPrefWidth(330);
        setMinWidth(280);
        getStyleClass().add("side-panel");
    }

    private void initListeners() {
        sideBySideBox.selectedProperty().bindBidirectional(sideBySide);
        pin.setOnAction(e -> {
            if (model.pinnedProperty().get() == null) {
                model.pinCurrent();
            } else {
                model.unpin();
            }
        });
        // the check box keeps its place (disabled while nothing is pinned): pinning moves no field under the pointer
        model.pinnedProperty().subscribe(now -> {
            pin.setText(now == null ? PIN : UNPIN);
            sideBySideBox.setDisable(now == null);
        });
        model.seedProperty().subscribe((was, now) -> seedField.setText(seedText()));
        model.typeProperty().subscribe((was, now) -> seedField.setText(seedText()));
        // params changed elsewhere (a click on the map, a preset, a session) show in the sheet; its own edits are there
        model.paramsProperty().subscribe((was, now) -> {
            if (now != null && !now.equals(sheet.params())) {
                sheet.show(now);
            }
        });
    }

    /** The parameter sheet. */
    public ParamSheet sheet() {
        return sheet;
    }

    private void paramsEdited(Params params) {
        if (forkMode.isSelected()) {
            model.fork(params);
        } else {
            model.applyParams(params);
        }
    }

    private static String seedRefusal(String text) {
        try {
            Long.parseLong(text.trim());
            return null;
        } catch (NumberFormatException e) {
            return "seed: '" + text.trim() + "' is not a whole number";
        }
    }

    private String seedText() {
        return Long.toString(model.seed());
    }

    private String applySeed(String text) {
        long seed = Long.parseLong(text.trim());
        if (seed != model.seed()) {
            model.applySeed(seed);
        }
        return null;
    }
}
