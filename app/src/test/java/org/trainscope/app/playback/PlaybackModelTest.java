package org.trainscope.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainscope.app.run.Runner;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.landscape.LandscapeExperiment;

/**
 * The player's logic without a screen: the runner works on the calling thread (a same-thread executor), so every
 * command's effect is visible as soon as it returns. Time is passed to {@link PlaybackModel#tick} explicitly.
 */
class PlaybackModelTest {
    private PlaybackModel model;

    @BeforeEach
    void setUp() {
        model = new PlaybackModel(new Runner(Runnable::run));
    }

    @Test
    void stepForwardComputesNewFramesAndStepBackReplaysRecordedOnes() {
        model.select(LandscapeExperiment.TYPE);
        model.tick(0);
        for (int i = 0; i < 10; i++) {
            model.stepForward();
        }
        assertEquals(11, model.recording().size(), "frames 0..10 recorded");
        assertEquals(10, model.frame().step());
        model.stepBack();
        model.stepBack();
        assertEquals(8, model.frame().step());
        assertEquals(11, model.recording().size(), "stepping back recomputes nothing");
        model.stepForward();
        assertEquals(9, model.frame().step());
        assertEquals(11, model.recording().size(), "stepping forward inside the recording replays it");
        model.seek(3);
        assertEquals(3, model.frame().step());
    }

    @Test
    void theCurrentAndThePinnedRunShareOneMemoryBudget() {
        model.select(LandscapeExperiment.TYPE);
        for (int i = 0; i < 10; i++) {
            model.stepForward();
        }
        assertEquals(PlaybackModel.RECORDING_BYTES, model.recording().byteBudget(), "alone, the run has it all");
        model.pinCurrent();
        var pinned = model.recording();
        assertEquals(PlaybackModel.RECORDING_BYTES, pinned.byteBudget(), "pinned but still current: still all");
        model.applyParams(model.params().with("lr", "0.02"));
        assertTrue(model.recording() != pinned, "a new run beside the pinned one");
        assertEquals(PlaybackModel.RECORDING_BYTES / 2, pinned.byteBudget(), "the pinned run keeps at most half");
        assertEquals(PlaybackModel.RECORDING_BYTES - pinned.bytes(), model.recording().byteBudget(),
                "the current run gets what the pinned one leaves");
        model.unpin();
        model.reset();
        assertEquals(PlaybackModel.RECORDING_BYTES, model.recording().byteBudget(), "unpinned: all again");
    }

    @Test
    void shownFramesEqualAFreshHeadlessRun() {
        model.select(LandscapeExperiment.TYPE);
        for (int i = 0; i < 25; i++) {
            model.stepForward();
        }
        Experiment reference = LandscapeExperiment.TYPE.create(LandscapeExperiment.TYPE.defaults(), 0);
        for (int i = 0; i < 20; i++) {
            reference.step();
        }
        model.seek(20);
        assertEquals(reference.frame(), model.frame(), "frame 20 as shown equals step 20 of a headless run, bit for bit");
    }

    @Test
    void playAdvancesBySpeedTimesElapsedTimeAndPauseHolds() {
        model.select(LandscapeExperiment.TYPE);
        model.speedProperty().set(100);
        model.tick(0);
        model.play();
        model.tick(1_000_000_000L);           // first tick after play: sets the clock
        model.tick(1_050_000_000L);           // +50 ms at 100 steps/s = 5 steps
        assertEquals(5, model.frame().step());
        model.pause();
        model.tick(2_000_000_000L);
        assertEquals(5, model.frame().step(), "paused: the shown frame does not move");
        assertFalse(model.playingProperty().get());
    }

    @Test
    void playStopsAtTheEndOfTheDemoRunWithAMessage() {
        model.select(LandscapeExperiment.TYPE);
        model.speedProperty().set(1000);
        model.play();
        long t = 0;
        for (int i = 0; i < 200 && model.playingProperty().get(); i++) {
            model.tick(t);
            t += 50_000_000L; // 50 ms → 50 steps a tick
        }
        assertFalse(model.playingProperty().get());
        assertEquals(LandscapeExperiment.TYPE.defaultSteps(), model.frame().step());
        assertTrue(model.messageProperty().get().contains("End of the demo run"));
        assertFalse(model.alertProperty().get());
    }

    @Test
    void aDivergingRunPausesWithAMessageAndKeepsEveryFrameBeforeIt() {
        model.select(divergesAt(5));
        playUntilPaused();
        assertFalse(model.playingProperty().get(), "the player paused");
        assertTrue(model.alertProperty().get());
        assertTrue(model.messageProperty().get().contains("diverged"), model.messageProperty().get());
        assertEquals(6, model.recording().size(), "frames 0..5 kept");
        assertEquals(5, model.frame().step());
        model.stepBack();
        assertEquals(4, model.frame().step(), "and they can be stepped through");
    }

    @Test
    void newParamsRestartTheRunFromStepZero() {
        model.select(LandscapeExperiment.TYPE);
        for (int i = 0; i < 5; i++) {
            model.stepForward();
        }
        model.applyParams(model.params().with("lr", "0.02"));
        model.tick(0);
        assertEquals(0, model.frame().step());
        assertEquals(1, model.recording().size());
        assertEquals(0.02, model.params().real("lr"));
    }

    @Test
    void aForkWithUnchangedParamsReproducesTheRunAndAForkWithNewOnesGoesOnFromTheSameState() {
        model.select(LandscapeExperiment.TYPE);
        for (int i = 0; i < 60; i++) {
            model.stepForward();
        }
        java.util.List<Frame> original = model.recording().range(0, 61);
        model.seek(25);
        model.fork(model.params());
        model.tick(0);
        assertEquals(25, model.frame().step(), "the fork shows the frame it was made at");
        for (int i = 0; i < 35; i++) {
            model.stepForward();
        }
        assertEquals(original, model.recording().range(0, 61), "unchanged params: the same frames, bit for bit");

        model.seek(40);
        model.fork(model.params().with("lr", "0.05"));
        model.stepForward();
        assertEquals(41, model.frame().step());
        assertEquals(original.subList(0, 41), model.recording().range(0, 41), "the state up to the fork is kept");
        assertTrue(model.frame().scalar("gd.x1") != original.get(41).scalar("gd.x1"), "then the new lr takes over");
        assertEquals(2, model.session().segments().size(), "the lineage records the fork");
    }

    @Test
    void aPinnedRunStaysOnScreenLinkedByStep() {
        model.select(LandscapeExperiment.TYPE);
        for (int i = 0; i < 30; i++) {
            model.stepForward();
        }
        var first = model.recording();
        model.pinCurrent();
        model.applyParams(model.params().with("lr", "0.03"));
        for (int i = 0; i < 12; i++) {
            model.stepForward();
        }
        assertEquals(first, model.pinnedProperty().get().recording(), "the pinned run is the first one");
        assertEquals(12, model.pinnedFrame().step(), "shown at the same step as the current run");
        assertEquals(first.get(12), model.pinnedFrame());
        assertEquals("lr=0.01", model.pinnedProperty().get().label(model.params(), model.seed()));
        model.unpin();
        assertEquals(null, model.pinnedFrame());
    }

    /** Plays fast, ticking the model as the pulse would, until it pauses (at most 20 pulses). */
    private void playUntilPaused() {
        model.speedProperty().set(1000);
        model.play();
        long t = 0;
        for (int i = 0; i < 20 && model.playingProperty().get(); i++) {
            model.tick(t);
            t += 20_000_000L;
        }
    }

    /**
     * A native library that cannot be loaded (the first BLAS call fails in a static initializer, an Error, not an
     * Exception): the run pauses with the library's message and keeps its frames, as a diverging run does.
     */
    @Test
    void aLibraryThatWillNotLoadPausesTheRunWithItsMessage() {
        model.select(divergesAt(3, true));
        playUntilPaused();
        assertFalse(model.playingProperty().get(), "the player paused");
        assertTrue(model.alertProperty().get());
        assertTrue(model.messageProperty().get().contains("OpenBLAS could not be loaded"), model.messageProperty().get());
        assertEquals(4, model.recording().size(), "frames 0..3 kept");
    }

    private static ExperimentDef divergesAt(int limit) {
        return divergesAt(limit, false);
    }

    /**
     * A toy experiment whose step number is its only scalar, and that diverges after {@code limit} steps — or, with
     * {@code nativeFailure}, fails there as a native library that will not load does.
     */
    private static ExperimentDef divergesAt(int limit, boolean nativeFailure) {
        ExperimentDef[] def = new ExperimentDef[1];
        def[0] = new ExperimentDef("diverges", "Diverges", new ExperimentDef.Explanation("", "", ""),
                List.of(new ParamSpec.Int("n", "unused", 1, 0, 10)),
                List.of(Output.scalar("loss", "the step number")), 100,
                (params, seed) -> new DivergesAt(def[0], params, seed, limit, nativeFailure));
        return def[0];
    }

    /** The toy experiment itself. */
    private static final class DivergesAt implements Experiment {
        private final ExperimentDef type;
        private final Params params;
        private final long seed;
        private final int limit;
        private final boolean nativeFailure;
        long steps;

        DivergesAt(ExperimentDef type, Params params, long seed, int limit, boolean nativeFailure) {
            this.type = type;
            this.params = params;
            this.seed = seed;
            this.limit = limit;
            this.nativeFailure = nativeFailure;
        }

        public ExperimentDef type() {
            return type;
        }

        public Params params() {
            return params;
        }

        public long seed() {
            return seed;
        }

        public long stepCount() {
            return steps;
        }

        public Frame frame() {
            return Frame.builder(steps).scalar("loss", steps).build();
        }

        public Frame step() {
            if (steps >= limit && nativeFailure) {
                throw new ExceptionInInitializerError(
                        new IllegalStateException("Trainscope's OpenBLAS could not be loaded: no such file"));
            }
            if (steps >= limit) {
                throw new DivergedException("loss diverged (NaN) at step " + (steps + 1));
            }
            steps++;
            return frame();
        }

        public Snapshot snapshot() {
            return Snapshot.builder().longValue("steps", steps).build();
        }

        public void restore(Snapshot s) {
            steps = s.longValue("steps");
        }
    }
}
