package org.trainscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.ExperimentDef;

/** Every registered experiment has a view: a new experiment cannot reach the picker without one. */
class ExperimentViewsTest {
    @Test
    void everyRegisteredExperimentHasAView() {
        List<String> missing = Experiments.standard().types().stream().filter(t -> !ExperimentViews.has(t))
                .map(ExperimentDef::id).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void anExperimentOutsideTheMapIsNotClaimed() {
        ExperimentDef stranger = new ExperimentDef("stranger", "Stranger", new ExperimentDef.Explanation("", "", ""),
                List.of(), List.of(), 1, (p, s) -> null);
        assertFalse(ExperimentViews.has(stranger));
    }
}
