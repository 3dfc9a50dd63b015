package org.trainscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainscope.engine.Experiments;

/** Every frame of every registered experiment holds exactly what its definition declares: nothing missing, nothing undeclared. */
class OutputsDeclaredTest {
    /** Frames checked per experiment: frame 0 and the first steps (the slow experiments make this the cost). */
    private static final int STEPS = 3;

    static Stream<ExperimentDef> experiments() {
        return Experiments.standard().types().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void framesAtTheDefaultsMatchTheDeclaredOutputs(ExperimentDef def) {
        assertFalse(def.outputs().isEmpty(), def.id() + " declares no outputs");
        Experiment e = def.create(def.defaults(), 0);
        List<Frame> frames = new ArrayList<>(List.of(e.frame()));
        for (int s = 0; s < Math.min(STEPS, def.defaultSteps()); s++) {
            frames.add(e.step());
        }
        for (Frame f : frames) {
            assertEquals(List.of(), def.mismatches(f), def.id() + " at step " + f.step());
        }
        for (Output o : def.outputs()) {
            assertFalse(o.meaning().isBlank(), def.id() + ": output " + o.name() + " says nothing of its meaning");
        }
    }

    @Test
    void indexedOutputsMakeAndMatchTheirKeys() {
        Output sv = Output.scalar("sv.{r}", "singular value r", "");
        Output racer = Output.scalar("{racer}.loss", "loss of the racer", "");
        assertEquals("sv.3", sv.of(3));
        assertEquals("adam.loss", racer.of("adam"));
        assertTrue(sv.matches("sv.10"));
        assertFalse(sv.matches("sv.1.x"), "a placeholder is one dot-free part");
        assertFalse(racer.matches("loss"));
        assertThrows(IllegalStateException.class, sv::key);
        assertThrows(IllegalArgumentException.class, () -> sv.of(1, 2));
        assertThrows(IllegalArgumentException.class, () -> Output.scalar("sv.{R}", "capital placeholder"));
        assertThrows(IllegalArgumentException.class, () -> Output.scalar("sv.{r", "unclosed placeholder"));
        assertEquals("depth2.sv.3", Output.scalar("depth{d}.sv.{r}", "two placeholders").of(2, 3));
        Output plain = Output.series("x", "grid", "");
        assertEquals("x", plain.key());
        assertTrue(plain.matches("x"));
        assertFalse(plain.matches("xs"));
    }

    @Test
    void aFrameWithAnUndeclaredOrAMissingKeyIsNamed() {
        Output loss = Output.scalar("loss", "training loss");
        Output sv = Output.scalar("sv.{r}", "singular value r");
        ExperimentDef def = new ExperimentDef("toy", "Toy", new ExperimentDef.Explanation("", "", ""), List.of(),
                List.of(loss, sv), 1, (p, s) -> null);
        Frame good = Frame.builder(0).scalar(loss, 1).scalar(sv.of(1), 2).scalar(sv.of(2), 3).build();
        assertEquals(List.of(), def.mismatches(good));
        Frame bad = Frame.builder(0).scalar("los", 1).series("x", new double[1]).build();
        assertEquals(List.of("undeclared scalar 'los'", "undeclared series 'x'", "missing scalar 'loss'",
                "missing scalar 'sv.{r}'"), def.mismatches(bad));
    }
}
