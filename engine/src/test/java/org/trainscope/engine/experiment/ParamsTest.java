package org.trainscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Typed params: parsing, validation with a message naming the param, immutability. */
class ParamsTest {
    private static final List<ParamSpec> SPECS = List.of(
            new ParamSpec.Real("lr", "learning rate", 0.01, 1e-6, 10),
            new ParamSpec.Int("steps", "steps", 100, 1, 1000),
            new ParamSpec.Choice("function", "landscape", "valley", List.of("quadratic", "valley")),
            new ParamSpec.Subset("optimizers", "racers", List.of("gd", "adam"), List.of("gd", "momentum", "adam")));

    private static final Params DEFAULTS = Params.defaults(SPECS);

    @Test
    void defaultsAreTheSpecsDefaults() {
        assertEquals(0.01, DEFAULTS.real("lr"), 0.0);
        assertEquals(100, DEFAULTS.integer("steps"));
        assertEquals("valley", DEFAULTS.choice("function"));
        assertEquals(List.of("gd", "adam"), DEFAULTS.subset("optimizers"));
    }

    @Test
    void unknownNameIsRefusedNamingIt() {
        ParamException e = assertThrows(ParamException.class, () -> DEFAULTS.with("learning_rate", "0.1"));
        assertEquals("learning_rate", e.param());
        assertTrue(e.getMessage().contains("learning_rate") && e.getMessage().contains("lr"), e.getMessage());
        assertThrows(ParamException.class, () -> DEFAULTS.get("nope"));
    }

    @Test
    void garbageAndOutOfRangeValuesAreRefusedNamingTheParam() {
        String[][] bad = {
                {"lr", "fast"}, {"lr", ""}, {"lr", "100"}, {"lr", "0"}, {"lr", "-0.1"}, {"lr", "NaN"}, {"lr", "Infinity"},
                {"lr", "1e400"}, {"lr", "1f"}, {"lr", "0x1p-3"}, {"lr", "1e-3d"}, {"steps", "2.5"}, {"steps", "0"}, {"steps", "1001"}, {"steps", "99999999999999999999"},
                {"steps", "ten"}, {"function", "parabola"}, {"function", ""}, {"optimizers", "gd,sgd"},
                {"optimizers", ""}, {"optimizers", " , "}, {"optimizers", "gd,adam,gd"}};
        for (String[] b : bad) {
            ParamException e = assertThrows(ParamException.class, () -> DEFAULTS.with(b[0], b[1]),
                    b[0] + "=" + b[1] + " should be refused");
            assertEquals(b[0], e.param());
            assertTrue(e.getMessage().startsWith(b[0] + ":"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line");
        }
    }

    @Test
    void rangeEndsAreAllowed() {
        assertEquals(1e-6, DEFAULTS.with("lr", "1e-6").real("lr"), 0.0);
        assertEquals(10, DEFAULTS.with("lr", " 10 ").real("lr"), 0.0);
        assertEquals(1, DEFAULTS.with("steps", "1").integer("steps"));
        assertEquals(1000, DEFAULTS.with("steps", "1000").integer("steps"));
    }

    @Test
    void subsetParsingTrimsLowercasesAndKeepsOrder() {
        ParamSpec.Subset spec = (ParamSpec.Subset) SPECS.get(3);
        assertEquals(List.of("adam", "gd"), spec.parse("adam,gd"));
        assertEquals(List.of("momentum", "adam"), spec.parse(" Momentum , ADAM "));
        ParamException slip = assertThrows(ParamException.class, () -> spec.parse(",gd,"));   // an empty item: a slip
        assertEquals("optimizers: item 1 of ',gd,' is empty; expected " + spec.allowed(), slip.getMessage());
        assertEquals("adam,gd", spec.format(List.of("adam", "gd")));
        assertEquals(List.of("momentum", "gd"), DEFAULTS.with("optimizers", "momentum,gd").subset("optimizers"));
        assertThrows(UnsupportedOperationException.class, () -> spec.parse("gd").add("adam"));
    }

    @Test
    void choiceParsingIsCaseInsensitive() {
        assertEquals("quadratic", DEFAULTS.with("function", " Quadratic").choice("function"));
    }

    @Test
    void withReturnsACopyAndLeavesTheOriginal() {
        Params changed = DEFAULTS.with("lr", "0.5");
        assertEquals(0.5, changed.real("lr"), 0.0);
        assertEquals(0.01, DEFAULTS.real("lr"), 0.0);
        assertNotEquals(DEFAULTS, changed);
        assertEquals(DEFAULTS, Params.defaults(SPECS));
        assertThrows(UnsupportedOperationException.class, () -> DEFAULTS.asText().put("lr", "1"));
    }

    @Test
    void textRoundTripsThroughParsing() {
        Params p = DEFAULTS.with("lr", "0.123456789").with("steps", "7").with("optimizers", "adam,momentum");
        assertEquals(p, Params.defaults(SPECS).withAll(p.asText()));
        assertEquals("0.123456789", p.text("lr"));
        assertEquals("adam,momentum", p.text("optimizers"));
    }

    @Test
    void withAllAppliesInOrderAndStopsAtTheFirstBadValue() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("lr", "0.2");
        sets.put("steps", "-1");
        ParamException e = assertThrows(ParamException.class, () -> DEFAULTS.withAll(sets));
        assertEquals("steps", e.param());
    }

    @Test
    void typedValuesAreValidatedToo() {
        assertEquals(0.25, DEFAULTS.withValue("lr", 0.25).real("lr"), 0.0);
        assertEquals("lr", assertThrows(ParamException.class, () -> DEFAULTS.withValue("lr", 11.0)).param());
        assertEquals("steps", assertThrows(ParamException.class, () -> DEFAULTS.withValue("steps", 2.5)).param());
    }

    @Test
    void specsRefuseADefaultOutsideTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec.Real("x", "", 5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec.Int("n", "", 0, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec.Choice("c", "", "z", List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec.Subset("s", "", List.of(), List.of("a")));
    }

    @Test
    void allowedSaysWhatIsAllowed() {
        assertEquals("a number in [1.0E-6, 10]", SPECS.get(0).allowed());
        assertEquals("a whole number in [1, 1000]", SPECS.get(1).allowed());
        assertEquals("one of quadratic, valley", SPECS.get(2).allowed());
    }
}
