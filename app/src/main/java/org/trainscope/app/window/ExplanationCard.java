package org.trainscope.app.window;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.trainscope.engine.experiment.ExperimentDef;

/** Above the view: the experiment's title, what you see, its formula and its source. */
public final class ExplanationCard extends VBox {
    private final Label title = new Label();
    private final Label whatYouSee = new Label();
    private final Label formula = new Label();
    private final Label source = new Label();

    public ExplanationCard() {
        super(6);
        createView();
    }

    private void createView() {
        title.getStyleClass().addAll(Styles.TITLE_4, "explain-title");
        whatYouSee.setWrapText(true);
        whatYouSee.getStyleClass().add("explain-text");
        formula.setWrapText(true);
        formula.getStyleClass().add("formula");
        source.setWrapText(true);
        source.getStyleClass().addAll(Styles.TEXT_MUTED, "source");
        getChildren().addAll(title, whatYouSee, formula, source);
        getStyleClass().add("explain-card");
        setId("explanation");
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** Explains {@code type}. */
    public void show(ExperimentDef type) {
        title.setText(type.title());
        whatYouSee.setText(type.explanation().whatYouSee());
        formula.setText(type.explanation().formula());
        source.setText("Source: " + type.explanation().source());
    }

    /** Presenter mode: the lecturer tells the story; the title and the formula stay on screen. */
    public void setPresenter(boolean on) {
        for (Node n : List.of(whatYouSee, source)) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
    }
}
