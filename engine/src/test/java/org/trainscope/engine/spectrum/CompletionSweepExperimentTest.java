package org.trainscope.engine.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/** The sweep's cells are the single experiments' results; progress, partial results and restore. */
class CompletionSweepExperimentTest {
    private static Params small() {
        return CompletionSweepExperiment.TYPE.defaults().with("n", "20").with("rank", "2").with("observed_from", "120")
                .with("observed_to", "240").with("points", "2").with("gd_steps", "200").with("lr", "0.02");
    }

    @Test
    void eachCellIsTheSingleExperimentsResult() {
        Experiment sweep = CompletionSweepExperiment.TYPE.create(small(), 3);
        Frame f = sweep.frame();
        assertEquals(0, f.scalar("progress"), 0.0);
        assertTrue(Double.isNaN(f.series("depth3")[0]), "nothing computed yet");
        for (int i = 0; i < 3; i++) {
            f = sweep.step();
        }
        assertEquals(3 / 8.0, f.scalar("progress"), 0.0);
        Params dmf = DeepMatrixFactorizationExperiment.TYPE.defaults().with("n", "20").with("rank", "2")
                .with("observed", "120").with("depth", "3").with("lr", "0.02").with("every", "200");
        double direct = DeepMatrixFactorizationExperiment.TYPE.create(dmf, 3).step().scalar("test_error");
        assertEquals(direct, f.series("depth3")[0], 0.0, "the cell is the experiment's own result");
        assertEquals(direct, f.scalar("test_error"), 0.0);
        assertEquals(120, f.scalar("observed"), 0.0);
        assertTrue(f.series("depth1")[0] > 0.99, "depth 1 never moves an unobserved entry: " + f.series("depth1")[0]);
        assertTrue(Double.isNaN(f.series("nuclear")[0]), "the fourth cell is not computed yet");
    }

    @Test
    void restoreKeepsTheResultsSoFar() {
        Experiment sweep = CompletionSweepExperiment.TYPE.create(small(), 1);
        sweep.step();
        sweep.step();
        Snapshot s = sweep.snapshot();
        Frame next = sweep.step();
        Experiment fork = CompletionSweepExperiment.TYPE.create(small(), 1);
        fork.restore(s);
        assertEquals(next, fork.step());
    }

    @Test
    void anEmptyRangeNamesTheParam() {
        ParamException e = assertThrows(ParamException.class,
                () -> CompletionSweepExperiment.TYPE.create(small().with("observed_from", "300"), 0));
        assertTrue(e.getMessage().startsWith("observed_from:"), e.getMessage());
    }
}
