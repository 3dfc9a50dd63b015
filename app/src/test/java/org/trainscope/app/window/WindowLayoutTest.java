package org.trainscope.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.app.view.ExperimentView;

/** The window's layout as a model, without a screen: each mode keeps its own choices. */
class WindowLayoutTest {
    @Test
    void presenterModeFoldsThePanelAndTheExplanationAndGivesBackTheChoicesMadeOutsideIt() {
        WindowLayout layout = new WindowLayout();
        assertTrue(layout.panelShownProperty().get() && layout.explanationExpandedProperty().get(), "both shown at first");
        layout.toggleExplanation(); // folded by the user outside presenter mode
        assertEquals(1, layout.scaleProperty().get());

        layout.togglePresenter();
        assertFalse(layout.panelShownProperty().get(), "the picture gets the room");
        assertFalse(layout.explanationExpandedProperty().get());
        assertEquals(ExperimentView.PRESENTER_SCALE, layout.scaleProperty().get());
        layout.togglePanel();
        layout.toggleExplanation();
        assertTrue(layout.panelShownProperty().get() && layout.explanationExpandedProperty().get(), "shown on demand");

        layout.togglePresenter();
        assertTrue(layout.panelShownProperty().get(), "the panel as it was before");
        assertFalse(layout.explanationExpandedProperty().get(), "the explanation as the user left it");
        assertEquals(1, layout.scaleProperty().get(), "the type back to its size");

        layout.togglePresenter();
        assertFalse(layout.explanationExpandedProperty().get() || layout.panelShownProperty().get(),
                "a new presenter session starts folded again");
    }
}
