package org.trainscope.app.window;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.playback.TransportBar;
import org.trainscope.engine.experiment.Frame;

/**
 * Below the view: the transport bar, then a status line (the step and the racers' losses), the model's message
 * (red when it is an alert) and, while a GIF export runs, its progress bar and Cancel button.
 */
public final class StatusBar extends VBox {
    private static final PseudoClass ALERT = PseudoClass.getPseudoClass("alert");
    private static final int MAX_LOSSES = 7;

    private final PlaybackModel model;
    private final Label status = new Label();
    private final Label message = new Label();
    private final ProgressBar exportProgress = new ProgressBar(0);
    private final Button cancelExport = new Button("Cancel");

    public StatusBar(PlaybackModel model) {
        super(6);
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
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
        getChildren().addAll(new TransportBar(model), statusRow);
        setPadding(new Insets(8, 14, 10, 14));
        getStyleClass().add("bottom-bar");
    }

    private void initListeners() {
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(model.frameProperty().get()),
                model.frameProperty()));
        message.textProperty().bind(model.messageProperty());
        model.alertProperty().subscribe((was, now) -> message.pseudoClassStateChanged(ALERT, now));
    }

    /** The progress bar of a running GIF export. */
    public ProgressBar exportProgress() {
        return exportProgress;
    }

    /** The button that cancels a running GIF export. */
    public Button cancelExport() {
        return cancelExport;
    }

    private static String statusText(Frame f) {
        if (f == null) {
            return "starting…";
        }
        StringBuilder sb = new StringBuilder("step ").append(f.step());
        int shown = 0;
        for (String name : f.scalarNames()) {
            if (name.endsWith(".loss") && shown < MAX_LOSSES) {
                sb.append("   ").append(name, 0, name.length() - 5).append(' ')
                        .append(String.format(Locale.ROOT, "%.3g", f.scalar(name)));
                shown++;
            }
        }
        return sb.toString();
    }
}
