package org.trainscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.depth.DepthSeparationExperiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.landscape.LandscapeExperiment;

/**
 * A recording's memory is bounded in bytes as well as in frames, over runs far longer than any lecture: frames of
 * the real experiments' shapes (frame 0 at their defaults, copied to every step; the budget does not depend on the
 * values) are appended a million and a hundred thousand times.
 */
class RecordingMemoryTest {
    private static Frame firstFrame(ExperimentDef type) {
        return type.create(type.defaults(), 0).frame();
    }

    /** Appends {@code steps} copies of {@code shape}; checks both budgets after every append. */
    private static Recording record(Frame shape, long steps, Recording r) {
        long most = 0;
        for (long s = 0; s < steps; s++) {
            r.append(shape.atStep(s));
            most = Math.max(most, r.bytes());
            assertTrue(r.size() <= r.budget(), "frames within budget at step " + s);
        }
        assertTrue(most <= r.byteBudget(), "bytes within budget all along: " + most + " > " + r.byteBudget());
        assertEquals(0, r.get(0).step(), "frame 0 is kept");
        assertEquals(steps - 1, r.last().step(), "the newest is kept");
        long sum = 0;
        for (int i = 0; i < r.size(); i++) {
            sum += r.get(i).bytes();
        }
        assertEquals(sum, r.bytes(), "the running total is the sum of the frames kept");
        return r;
    }

    @Test
    void aMillionLandscapeStepsStayWithinTheDocumentedBudget() {
        Frame shape = firstFrame(LandscapeExperiment.TYPE);
        Recording r = record(shape, 1_000_000, new Recording());
        assertEquals(Recording.DEFAULT_BYTES, r.byteBudget());
        // small frames: the frame budget binds first, and keeps the whole run's charts quick to draw
        assertTrue(r.size() > Recording.DEFAULT_BUDGET / 2, "dense enough: " + r.size());
        System.out.printf("landscape: frame %d B, 1,000,000 steps -> %d frames, %.1f MiB%n", shape.bytes(), r.size(),
                r.bytes() / 1048576.0);
    }

    @Test
    void aHundredThousandDepthSeparationStepsStayWithinABudgetInBytes() {
        Frame shape = firstFrame(DepthSeparationExperiment.TYPE);
        long budget = 64L << 20;   // a budget the bytes reach first (20,000 such frames would hold about 400 MB)
        Recording r = record(shape, 100_000, new Recording(Recording.DEFAULT_BUDGET, budget));
        assertTrue(r.size() < Recording.DEFAULT_BUDGET, "the byte budget binds: " + r.size() + " frames");
        assertTrue(r.bytes() > budget / 2, "and the frames use a good part of it: " + r.bytes());
        System.out.printf("depth-separation: frame %d B, 100,000 steps at 64 MiB -> %d frames, %.1f MiB;"
                        + " at the documented 512 MiB: %d frames%n", shape.bytes(), r.size(), r.bytes() / 1048576.0,
                Math.min(Recording.DEFAULT_BUDGET, Recording.DEFAULT_BYTES / shape.bytes()));
    }

    @Test
    void loweringTheBudgetThinsAtOnce() {
        Frame shape = firstFrame(DepthSeparationExperiment.TYPE);
        Recording r = record(shape, 2_000, new Recording());
        long before = r.bytes();
        r.limitBytes(before / 4);
        assertTrue(r.bytes() <= before / 4, r.bytes() + " > " + before / 4);
        assertEquals(0, r.get(0).step());
        assertEquals(1_999, r.last().step());
    }

    /**
     * {@link Frame#bytes()} is an upper bound of what frames really hold, and not a loose one: the heap measured
     * after a full collection, with and without 2,000 depth-separation frames (about 40 MB, far above the few MB by
     * which a measurement after System.gc() wanders), lies between half the estimate and the estimate.
     */
    @Test
    void theEstimateBoundsTheHeapTheFramesHold() {
        Frame shape = firstFrame(DepthSeparationExperiment.TYPE);
        long before = usedAfterGc();
        List<Frame> kept = new ArrayList<>();
        long estimate = 0;
        for (int s = 0; s < 2_000; s++) {
            Frame f = shape.atStep(s);
            kept.add(f);
            estimate += f.bytes();
        }
        long real = usedAfterGc() - before;
        assertEquals(2_000, kept.size());
        assertTrue(real <= estimate, "the estimate is an upper bound: real " + real + " > " + estimate);
        assertTrue(real >= estimate / 2, "and a close one: real " + real + " < half of " + estimate);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
