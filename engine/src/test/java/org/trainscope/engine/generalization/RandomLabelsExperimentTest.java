package org.trainscope.engine.generalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/** Zhang et al. 2017 in miniature: random labels are memorized, and generalize no better than chance. */
class RandomLabelsExperimentTest {
    /** A small version that runs in about a second: 150 examples, width 256. */
    private static Params small() {
        return RandomLabelsExperiment.TYPE.defaults().with("train_size", "150").with("width", "256").with("batch", "50");
    }

    /**
     * Every run, ρ = 1 included, reaches 100 % training accuracy: 256·64 + 256·10 ≈ 19k parameters for 150 examples,
     * so memorization is possible, and SGD with momentum finds it (within 150 frames here, 250 passes over the data).
     * Exact equality with 1 is the claim (every label right), so no tolerance. The test accuracy of ρ = 0 is that of a real
     * classifier (≥ 80 %), the one of ρ = 1 is near chance: its labels carry no information about the test digits
     * beyond the ≈10 % that kept their true label by chance, so ≤ 30 % (chance 10 %, plus that tenth of signal,
     * plus 4σ of a 360-example binomial, 0.06).
     */
    @Test
    void randomLabelsAreFittedButDoNotGeneralize() {
        Experiment e = RandomLabelsExperiment.TYPE.create(small(), 1);
        Frame f = e.frame();
        for (int s = 0; s < 150; s++) {
            f = e.step();
        }
        for (int k = 0; k < RandomLabelsExperiment.RUNS; k++) {
            assertEquals(1.0, f.scalar(RandomLabelsExperiment.TRAIN_ACC.of(k)), "run " + k + " fits its labels");
            assertTrue(f.scalar(RandomLabelsExperiment.FIT_STEP.of(k)) >= 0, "and says when");
        }
        assertTrue(f.scalar(RandomLabelsExperiment.TEST_ACC.of(0)) >= 0.8, "true labels generalize");
        assertTrue(f.scalar(RandomLabelsExperiment.TEST_ACC.of(4)) <= 0.3, "random labels do not: "
                + f.scalar(RandomLabelsExperiment.TEST_ACC.of(4)));
    }

    @Test
    void sameSeedSameFramesAndExactRewind() {
        Experiment a = RandomLabelsExperiment.TYPE.create(small().with("corrupt", "pixels"), 4);
        Experiment b = RandomLabelsExperiment.TYPE.create(small().with("corrupt", "pixels"), 4);
        a.step();
        b.step();
        Snapshot at1 = a.snapshot();
        Frame two = a.step();
        assertEquals(two, b.step());
        a.restore(at1);
        assertEquals(two, a.step(), "a restored run steps to the same frame");
    }
}
