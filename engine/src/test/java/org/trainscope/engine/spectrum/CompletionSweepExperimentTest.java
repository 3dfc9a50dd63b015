package org.trainscope.engine.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Output;
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

    /**
     * A run longer than the factorization's {@code every} limit (1000) is refused no more ("every: 1636 is out of
     * range"): it takes chunks, and its cell is exactly a single run of that many gradient steps.
     */
    @Test
    void gdStepsAboveTheLimitOfEveryRunInChunks() {
        Experiment sweep = CompletionSweepExperiment.TYPE.create(small().with("gd_steps", "1636").with("lr", "4e-3"), 3);
        sweep.step();
        sweep.step();
        Frame f = sweep.step();
        Params dmf = DeepMatrixFactorizationExperiment.TYPE.defaults().with("n", "20").with("rank", "2")
                .with("observed", "120").with("depth", "3").with("every", "4");
        Experiment single = DeepMatrixFactorizationExperiment.TYPE.create(dmf, 3);
        Frame s = single.frame();
        for (int i = 0; i < 409; i++) {
            s = single.step();                                                   // 409 · 4 = 1636 gradient steps
        }
        assertEquals(1636, s.scalar("iteration"), 0.0);
        assertEquals(s.scalar("test_error"), f.series("depth3")[0], 0.0, "the same gradient steps, in the same order");
    }

    @Test
    void aRankAboveNIsRefusedAtCreateNamingRank() {
        ParamException e = assertThrows(ParamException.class,
                () -> CompletionSweepExperiment.TYPE.create(small().with("rank", "21"), 0));
        assertTrue(e.getMessage().startsWith("rank:"), e.getMessage());
    }

    /** The scalar "observed" (the last cell's) and the series "observed" (all counts) are two declared outputs. */
    @Test
    void aScalarAndASeriesShareTheName() {
        ExperimentDef def = CompletionSweepExperiment.TYPE;
        assertEquals(CompletionSweepExperiment.OBSERVED, def.outputFor("observed", Output.Kind.SCALAR));
        assertEquals(CompletionSweepExperiment.COUNTS, def.outputFor("observed", Output.Kind.SERIES));
        Output x = Output.scalar("x", "a value");
        assertThrows(IllegalArgumentException.class, () -> new ExperimentDef("toy", "Toy",
                new ExperimentDef.Explanation("", "", ""), java.util.List.of(), java.util.List.of(x, x), 1, (p, seed) -> null));
    }
}
