package org.trainscope.engine.session;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Registry;

/**
 * Damaged session files, of every registered experiment: random bytes flipped, or the file cut short. Opening one
 * either reads a session (a flip can leave valid JSON with allowed values: a digit of the seed, a letter of the
 * digest) or refuses it with a {@link SessionException} whose message names the file — never another exception.
 * A file cut before its closing brace is never valid JSON, so it is always refused.
 */
class SessionFilePropertyTest {
    private static final Registry REGISTRY = Experiments.standard();
    private static final String NAME = "damaged.trainscope.json";

    /**
     * A saved session of {@code type}: its defaults from step 0, a fork at step 5 that sets its first number to its
     * largest value, 10 steps, a last-frame digest.
     */
    private static byte[] saved(ExperimentDef type, long seed) throws IOException, SessionException {
        Path dir = Files.createTempDirectory("session-fuzz");
        Path file = dir.resolve("saved.json");
        Params forked = type.defaults();
        for (ParamSpec p : type.params()) {
            if (p instanceof ParamSpec.Int i && i.max() != i.defaultValue()) {
                forked = forked.withValue(p.name(), i.max());
                break;
            }
        }
        try {
            Session s = Session.of(type, type.defaults(), seed, 5).fork(5, forked);
            SessionFile.write(file, new Session(type, seed, s.segments(), 10),
                    Frame.builder(10).scalar("x", seed).build(), "test");
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** Reads {@code bytes} as a session file: the contents, or null if refused with a message naming the file. */
    private static SessionFile.Contents open(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("session-fuzz");
        Path file = dir.resolve(NAME);
        try {
            Files.write(file, bytes);
            return SessionFile.read(file, REGISTRY);
        } catch (SessionException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(NAME), "names the file: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            fail("opening a damaged file threw " + e, e);
            return null;
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<ExperimentDef> experiments() {
        return Arbitraries.of(REGISTRY.types());
    }

    @Property(seed = "20261130", shrinking = ShrinkingMode.OFF)
    void flippedBytesAreReadOrRefusedWithAMessage(@ForAll("experiments") ExperimentDef type,
            @ForAll @IntRange(min = 1, max = 8) int flips, @ForAll long draws) throws Exception {
        byte[] bytes = saved(type, Math.floorMod(draws, 1000));
        java.util.Random random = new java.util.Random(draws);
        for (int f = 0; f < flips; f++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));   // a changed byte, never the same
        }
        open(bytes);
    }

    @Property(seed = "20261130", shrinking = ShrinkingMode.OFF)
    void aFileCutShortIsRefusedWithAMessage(@ForAll("experiments") ExperimentDef type,
            @ForAll @IntRange(min = 0, max = 1_000_000) int cut) throws Exception {
        byte[] bytes = saved(type, 0);
        int close = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf('}');
        byte[] shorter = java.util.Arrays.copyOf(bytes, cut % close);   // 0 … up to just before the closing brace
        assertTrue(open(shorter) == null, type.id() + " cut to " + shorter.length + " of " + bytes.length + " bytes is refused");
    }

    /** The two properties above can fail: an intact file opens, and the damage they do is really refused. */
    @Test
    void anIntactFileOpensAndAHalfFileDoesNot() throws Exception {
        for (ExperimentDef type : List.copyOf(REGISTRY.types())) {
            byte[] bytes = saved(type, 3);
            assertTrue(open(bytes) != null, type.id() + ": an intact file opens");
            assertThrows(SessionException.class, () -> {
                Path dir = Files.createTempDirectory("session-fuzz");
                Path file = dir.resolve(NAME);
                Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
                try {
                    SessionFile.read(file, REGISTRY);
                } finally {
                    Files.delete(file);
                    Files.delete(dir);
                }
            });
        }
    }
}
