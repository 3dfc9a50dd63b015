package org.trainscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;

/**
 * Typed garbage in every param of every registered experiment is refused at the param, as the parameter sheet and
 * the CLI's {@code --set} read it: a {@link ParamException} that blames that param and whose message starts with its
 * name. Each kind of spec gets the garbage that no value of that kind can be (an empty list is a value of a list of
 * numbers; an empty path means "no file").
 */
class TypedGarbagePropertyTest {
    /** Never a number, a name or a list of either. */
    private static final List<String> ANY = List.of("NaN", "nan", "Infinity", "-Infinity", "0x10", "0x1p3", "1f",
            "1.5.2", "--1", "1e", "e5", ".", "∞", "１", "one", "1 2", "1;5", "/etc/passwd", "C:\\data\\x.csv",
            "1,,2", ",", ",,", "a,,b", "\t", "'1'", "\"1\"", "1e999e1");
    /** Never a single number: NaN-free, but infinite once read, a list, or nothing. */
    private static final List<String> NOT_ONE_NUMBER = List.of("", " ", "1e999", "-1e999", "1,5", "1,", ",1");

    /** Garbage for a spec of this kind. */
    static List<String> garbage(ParamSpec spec) {
        if (spec instanceof ParamSpec.Text) {       // a formula: "--1" and "e5" are formulas; these are not
            return List.of("", " ", "x1 +", "(", "1,5", "/etc/passwd", "0x10", "NaN", "x3", "sin(", "x1,,x2", "1 2",
                    "x1 ** 2", "∞", "1;5");
        }
        List<String> out = new ArrayList<>(ANY);
        if (spec instanceof ParamSpec.FilePath || spec instanceof ParamSpec.Numbers) {
            out.removeIf(String::isBlank);                 // no file; no numbers
        }
        if (spec instanceof ParamSpec.FilePath) {
            out.remove("/etc/passwd");                     // a readable file, whatever is in it
        }
        if (spec instanceof ParamSpec.Real || spec instanceof ParamSpec.Int || spec instanceof ParamSpec.Choice
                || spec instanceof ParamSpec.Subset) {
            out.addAll(NOT_ONE_NUMBER);
        }
        if (spec instanceof ParamSpec.Int) {
            out.addAll(List.of("1.5", "1e3", "99999999999999999999", "+-1"));
        }
        if (spec instanceof ParamSpec.Numbers) {
            out.addAll(List.of("1e999", "-1e999", "1,", ",1", "1,,"));   // infinite items, empty items
        }
        if (spec instanceof ParamSpec.Subset s) {
            out.addAll(List.of(s.options().get(0) + ",", "," + s.options().get(0), s.options().get(0) + "," + s.options().get(0)));
        }
        if (spec instanceof ParamSpec.FilePath) {
            out.addAll(List.of("/nonexistent/train-images-idx3-ubyte.gz", "/tmp", "a\0b"));
        }
        return out;
    }

    private static void assertRefusedAtTheParam(ExperimentDef type, ParamSpec spec, String text) {
        ParamException e = assertThrows(ParamException.class, () -> type.defaults().with(spec.name(), text),
                type.id() + " " + spec.name() + " = '" + text + "' is refused");
        assertEquals(spec.name(), e.param(), type.id() + " '" + text + "': " + e.getMessage());
        assertTrue(e.getMessage().startsWith(spec.name() + ":"), type.id() + " '" + text + "': " + e.getMessage());
    }

    /** Every piece of garbage in every param of every experiment: a few thousand parses, all of them. */
    @Test
    void everyPieceOfGarbageIsRefusedNamingItsParam() {
        int refused = 0;
        for (ExperimentDef type : Experiments.standard().types()) {
            for (ParamSpec spec : type.params()) {
                for (String text : garbage(spec)) {
                    assertRefusedAtTheParam(type, spec, text);
                    refused++;
                }
            }
        }
        assertTrue(refused > 1000, "garbage tried: " + refused);
    }

    /** A param with its allowed text spoiled: junk before or after a value that parses. */
    record Spoiled(ExperimentDef type, ParamSpec spec, String text) {
        @Override
        public String toString() {
            return type.id() + " " + spec.name() + " = '" + text + "'";
        }
    }

    @Provide
    Arbitrary<Spoiled> spoiled() {
        List<Spoiled> bases = new ArrayList<>();
        for (ExperimentDef type : Experiments.standard().types()) {
            Params d = type.defaults();
            for (ParamSpec spec : type.params()) {
                if (spec instanceof ParamSpec.Text) {
                    continue;   // a formula's own grammar: its parser's tests
                }
                String text = d.text(spec.name());
                if (text.isEmpty() && spec instanceof ParamSpec.Numbers n) {
                    text = new ParamSpec.Real(n.name(), "", n.min(), n.min(), n.max()).format(n.min());
                }
                bases.add(new Spoiled(type, spec, text));
            }
        }
        Arbitrary<String> before = Arbitraries.of("", "x", "--", "0x", "#", "1 ", ",", "NaN");
        Arbitrary<String> after = Arbitraries.of("", "x", " 1", ";", "%", "e", "NaN", ",x", ",", ",,1", "/");
        return Combinators.combine(Arbitraries.of(bases), before, after).filter((b, x, y) -> !(x + y).isEmpty())
                .as((b, x, y) -> new Spoiled(b.type(), b.spec(), x + b.text() + y));
    }

    @Property(seed = "20261130", shrinking = ShrinkingMode.OFF)
    void spoiledValuesAreRefusedNamingTheirParam(@ForAll("spoiled") Spoiled s) {
        assertRefusedAtTheParam(s.type(), s.spec(), s.text());
    }
}
