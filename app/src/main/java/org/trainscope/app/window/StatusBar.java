package org.trainscope.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.playback.TransportBar;
import org.trainscope.app.view.StatusFormat;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;

/**
 * Below the view: the transport bar (and, while a GIF export runs, its progress bar and Cancel button), then the
 * status line — labelled values of the frame on show, chosen per experiment ({@link StatusFormat}) — followed by the
 * model's message (red when it is an alert). The line wraps rather than cut anything off; its items keep their width
 * and height as the values change, so the view above keeps its size while playing.
 */
public final class StatusBar extends VBox {
    private static final PseudoClass ALERT = PseudoClass.getPseudoClass("alert");

    private final PlaybackModel model;
    private final Function<ExperimentDef, StatusFormat> formats;
    private final FlowPane line = new FlowPane(16, 2);
    private final List<Label> items = new ArrayList<>();
    private final Label message = new Label();
    private final ProgressBar exportProgress = new ProgressBar(0);
    private final Button cancelExport = new Button("Cancel");
    private StatusFormat format = StatusFormat.generic();

    /** @param formats what the status line shows for each experiment */
    public StatusBar(PlaybackModel model, Function<ExperimentDef, StatusFormat> formats) {
        super(6);
        this.model = model;
        this.formats = formats;
        createView();
        initListeners();
    }

    private void createView() {
        line.setId("status");
        line.getStyleClass().add("status-line");
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPrefWrapLength(0); // wrap at the width it is given, not at a preferred one
        message.setId("message");
        message.getStyleClass().add("status-message");
        message.setWrapText(true);
        message.maxWidthProperty().bind(line.widthProperty());
        exportProgress.setId("export-progress");
        cancelExport.setId("cancel-export");
        exportProgress.setPrefWidth(160);
        cancelExport.getStyleClass().add(Styles.SMALL);
        cancelExport.setFocusTraversable(false);
        for (Node n : List.of(exportProgress, cancelExport)) {
            n.setVisible(false);
            n.managedProperty().bind(n.visibleProperty());
        }
        line.getChildren().add(message);
        // the export's progress sits beside the transport, whose buttons are taller: no line grows while it runs
        TransportBar transport = new TransportBar(model);
        HBox.setHgrow(transport, Priority.ALWAYS);
        HBox transportRow = new HBox(12, transport, exportProgress, cancelExport);
        transportRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(transportRow, line);
        setPadding(new Insets(8, 14, 10, 14));
        getStyleClass().add("bottom-bar");
    }

    private void initListeners() {
        model.typeProperty().subscribe(type -> {
            format = type == null ? StatusFormat.generic() : formats.apply(type);
            show(model.frame());
        });
        model.frameProperty().subscribe(this::show);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
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

    /** The labelled values shown, as one line of text (for tests and accessibility). */
    public String statusText() {
        return String.join("   ", items.stream().map(Label::getText).toList());
    }

    /** Shows the items of {@code frame}, reusing the labels of the last one (this runs every pulse while playing). */
    private void show(Frame frame) {
        List<StatusFormat.Item> next = frame == null ? List.of(new StatusFormat.Item("starting…", false))
                : format.items(frame);
        while (items.size() > next.size()) {
            line.getChildren().remove(items.remove(items.size() - 1));
        }
        while (items.size() < next.size()) {
            Label label = new Label();
            label.getStyleClass().add("status-item");
            label.setMinWidth(Region.USE_PREF_SIZE); // never "…": the line wraps instead
            line.getChildren().add(items.size(), label);
            items.add(label);
        }
        for (int i = 0; i < next.size(); i++) {
            items.get(i).setText(next.get(i).text());
            items.get(i).pseudoClassStateChanged(ALERT, next.get(i).alert());
        }
    }
}
