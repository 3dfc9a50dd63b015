package org.trainscope.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.landscape.LandscapeExperiment;

/** Saved sessions: exact round trips, exact forks, atomic writes, and refusal of anything that is not ours. */
class SessionTest {
    private static final ExperimentDef TYPE = LandscapeExperiment.TYPE;
    private static final Registry REGISTRY = Experiments.standard();

    @TempDir
    Path dir;

    private static List<Frame> run(Params params, long seed, int steps) {
        Experiment e = TYPE.create(params, seed);
        List<Frame> frames = new ArrayList<>();
        frames.add(e.frame());
        for (int i = 0; i < steps; i++) {
            frames.add(e.step());
        }
        return frames;
    }

    private static List<Frame> replay(Session s) {
        List<Frame> frames = new ArrayList<>();
        s.replay(frames::add);
        return frames;
    }

    @Test
    void saveThenOpenRecomputesIdenticalFrames() throws Exception {
        Params p = TYPE.defaults().with("lr", "0.02").with("function", "rosenbrock").with("optimizers", "gd,adam,flow");
        List<Frame> original = run(p, 7, 120);
        Path file = dir.resolve("race.trainscope.json");
        SessionFile.write(file, Session.of(TYPE, p, 7, 120), original.get(120), "test");
        SessionFile.Contents opened = SessionFile.read(file, REGISTRY);
        assertEquals(p, opened.session().params());
        List<Frame> again = replay(opened.session());
        assertEquals(original, again, "every frame, bit for bit");
        assertEquals(opened.lastFrameDigest(), SessionFile.digest(again.get(120)));
    }

    @Test
    void aForkWithUnchangedParamsReproducesTheOriginalRun() {
        Params p = TYPE.defaults();
        List<Frame> original = run(p, 0, 200);
        Session forked = Session.of(TYPE, p, 0, 80).fork(80, p);
        Session extended = new Session(TYPE, 0, forked.segments(), 200);
        assertEquals(original, replay(extended));
    }

    @Test
    void aForkWithANewLearningRateTakesOverTheExactStateAndThenDiffers() {
        Params p = TYPE.defaults().with("optimizers", "gd,momentum");
        Params faster = p.with("lr", "0.03");
        List<Frame> original = run(p, 0, 100);
        Session s = new Session(TYPE, 0, List.of(new Session.Segment(0, p), new Session.Segment(60, faster)), 100);
        List<Frame> forked = replay(s);
        assertEquals(original.subList(0, 61), forked.subList(0, 61), "identical up to the fork");
        // one step after the fork: x₆₁ = x₆₀ − η'∇f(x₆₀) with the new η' — check gd's update against the formula
        double x1 = original.get(60).scalar("gd.x1");
        double x2 = original.get(60).scalar("gd.x2");
        double[] g = new double[2];
        new org.trainscope.engine.landscape.Surface.Valley().gradient(x1, x2, g);
        assertEquals(x1 - 0.03 * g[0], forked.get(61).scalar("gd.x1"), 0.0);
        assertNotEquals(original.get(61).scalar("gd.x1"), forked.get(61).scalar("gd.x1"));
    }

    @Test
    void aForkThatChangesTheStateShapeIsRefusedWithAMessage() {
        Params p = TYPE.defaults().with("optimizers", "gd");
        Experiment e = TYPE.create(p, 0);
        e.step();
        ParamException ex = assertThrows(ParamException.class, () -> Session.takeOver(e, p.with("optimizers", "gd,adam")));
        assertTrue(ex.getMessage().contains("optimizers"), ex.getMessage());
    }

    @Test
    void aFailedSaveLeavesTheOldFileWhole() throws Exception {
        Path file = dir.resolve("s.json");
        SessionFile.write(file, Session.of(TYPE, TYPE.defaults(), 0, 10), null, "test");
        byte[] before = Files.readAllBytes(file);
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("{\"format\": \"trainscope-session\", \"vers".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", failure.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the old file is intact");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        assertEquals(10, SessionFile.read(file, REGISTRY).session().steps());
    }

    @Test
    void corruptTruncatedForeignAndNewerFilesAreRefusedWithClearMessages() throws Exception {
        Path good = dir.resolve("good.json");
        SessionFile.write(good, Session.of(TYPE, TYPE.defaults(), 0, 10), null, "test");
        String text = Files.readString(good);
        String[][] cases = {
                {text.substring(0, text.length() / 2), "not valid JSON"},
                {"PK\u0003\u0004 this is a zip", "not valid JSON"},
                {"{\"name\": \"something else\"}", "is not a Trainscope session"},
                {"[1, 2, 3]", "is not a Trainscope session"},
                {text.replace("\"version\" : 1", "\"version\" : 2"), "newer Trainscope"},
                {text.replace("\"landscape\"", "\"teleport\""), "does not have"},
                {text.replace("\"lr\" : \"0.01\"", "\"lr\" : \"fast\""), "lr: 'fast' is not a number"},
                {text.replace("\"steps\" : 10", "\"steps\" : \"ten\""), "\"steps\" is missing"},
                {text.replace("\"from_step\" : 0", "\"from_step\" : 5"), "damaged"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("case.json");
            Files.writeString(f, c[0]);
            SessionException e = assertThrows(SessionException.class, () -> SessionFile.read(f, REGISTRY), c[1]);
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("case.json"), "names the file: " + e.getMessage());
        }
        assertThrows(SessionException.class, () -> SessionFile.read(dir.resolve("missing.json"), REGISTRY));
    }

    @Test
    void theDigestSeesAOneBitChange() {
        Frame a = Frame.builder(3).scalar("x", 1.0).build();
        Frame b = Frame.builder(3).scalar("x", Math.nextUp(1.0)).build();
        assertNotEquals(SessionFile.digest(a), SessionFile.digest(b));
        assertEquals(SessionFile.digest(a), SessionFile.digest(Frame.builder(3).scalar("x", 1.0).build()));
    }
}
