package org.trainscope.engine.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/** The side-by-side run is exactly three single runs on the same M and Ω; restore continues bit for bit. */
class DepthComparisonExperimentTest {
    private static final Params SMALL = DepthComparisonExperiment.TYPE.defaults().with("n", "30").with("observed", "300").with("k", "3");

    @Test
    void eachColumnIsTheSingleRunOfThatDepth() {
        Experiment both = DepthComparisonExperiment.TYPE.create(SMALL, 2);
        Frame f = null;
        for (int i = 0; i < 25; i++) {
            f = both.step();
        }
        for (int d = 1; d <= 3; d++) {
            Params p = DeepMatrixFactorizationExperiment.TYPE.defaults().with("n", "30").with("observed", "300")
                    .with("k", "3").with("depth", String.valueOf(d));
            Experiment single = DeepMatrixFactorizationExperiment.TYPE.create(p, 2);
            Frame s = null;
            for (int i = 0; i < 25; i++) {
                s = single.step();
            }
            assertEquals(s.scalar("test_error"), f.scalar("depth" + d + ".test_error"), 0.0);
            assertEquals(s.scalar("sv.1"), f.scalar("depth" + d + ".sv.1"), 0.0);
        }
    }

    @Test
    void restoreContinuesBitForBit() {
        Experiment e = DepthComparisonExperiment.TYPE.create(SMALL, 1);
        for (int i = 0; i < 10; i++) {
            e.step();
        }
        Snapshot s = e.snapshot();
        Frame next = e.step();
        Experiment fork = DepthComparisonExperiment.TYPE.create(SMALL, 1);
        fork.restore(s);
        assertEquals(next, fork.step());
    }

    @Test
    void tooManyObservedEntriesNameNAndTheLimit() {
        ParamException ex = assertThrows(ParamException.class,
                () -> DepthComparisonExperiment.TYPE.create(DepthComparisonExperiment.TYPE.defaults().with("n", "16"), 0));
        assertEquals("observed", ex.param());
        assertEquals("observed: 2000 entries do not fit a 16×16 matrix (n = 16); at most 256", ex.getMessage());
    }
}
