package org.trainscope.app.window;

import javafx.beans.property.BooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.trainscope.app.params.ParamSheet;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Params;

/**
 * The side panel of a run: how a change applies (restart or fork), pin and compare, the seed and the parameter
 * sheet. A value is applied with Enter or by leaving its field; a bad one is refused at the field with a message,
 * and the run keeps its old value.
 */
public final class RunPanel extends VBox {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final String PIN = "Pin this run to compare";
    private static final String UNPIN = "Unpin the compared run";

    private final PlaybackModel model;
    private final BooleanProperty sideBySide;
    private final ParamSheet sheet = new ParamSheet(this::paramsEdited);
    private final CheckBox forkMode = new CheckBox("Changes fork at the frame shown");
    private final Button pin = new Button(PIN);
    private final CheckBox sideBySideBox = new CheckBox("Show the pinned run side by side");
    private final TextField seedField = new TextField();
    private final Label seedError = new Label();

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
        Label hint = new Label("Press Enter to apply a value.");
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
        sideBySideBox.setVisible(false);
        sideBySideBox.setManaged(false);
        seedField.setId("seed");
        seedField.setPrefColumnCount(8);
        seedError.setId("seed-error");
        seedError.getStyleClass().add("param-error");
        showSeedError(null);
        Label seedLabel = new Label("seed");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox seedRow = new HBox(8, seedLabel, seedField);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(paramsHeader, hint, forkMode, pin, sideBySideBox, seedRow, seedError, sheet);
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
        model.pinnedProperty().subscribe((was, now) -> {
            pin.setText(now == null ? PIN : UNPIN);
            sideBySideBox.setVisible(now != null);
            sideBySideBox.setManaged(now != null);
        });
        seedField.setOnAction(e -> commitSeed());
        seedField.focusedProperty().subscribe((was, now) -> {
            if (!now) {
                commitSeed();
            }
        });
        model.seedProperty().subscribe((was, now) -> seedField.setText(Long.toString(now.longValue())));
        model.typeProperty().subscribe((was, now) -> seedField.setText(Long.toString(model.seed())));
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

    private void commitSeed() {
        String text = seedField.getText().trim();
        long seed;
        try {
            seed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            showSeedError("seed: '" + text + "' is not a whole number");
            return;
        }
        showSeedError(null);
        if (seed != model.seed()) {
            model.applySeed(seed);
        }
    }

    /** Shows the message under the seed field and marks the field (null: clears both). */
    private void showSeedError(String text) {
        boolean bad = text != null;
        seedError.setText(bad ? text : "");
        seedError.setVisible(bad);
        seedError.setManaged(bad);
        seedField.pseudoClassStateChanged(DANGER, bad);
    }
}
