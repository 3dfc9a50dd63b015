package org.trainscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.Experiments;

/** Live equations: the frame's numbers fill the placeholders, and every placeholder names a declared output. */
class ExplanationEquationsTest {
    private static final Pattern VALUE = Pattern.compile("\\\\val\\{([A-Za-z0-9_.]+)(?:\\[\\d+])?}");

    @Test
    void anEquationWhoseValuesTheFrameLacksIsNotShown() {
        ExperimentDef.Explanation e = new ExperimentDef.Explanation("what", "formula", "source", List.of())
                .withEquations("a = \\val{a}", "b = \\val{b},\\ a = \\val{a}", "c = \\val{c}", "x^2");
        Frame f = Frame.builder(1).scalar("a", 2).build();
        assertEquals(List.of(true, true, false, true), e.observed(f, java.util.Map.of()),
                "a is there; b's line has a too; c is absent; x^2 has nothing to fill");
        assertEquals(List.of(true, true, true, true), e.observed(null, java.util.Map.of()), "no frame: all shown");
    }

    @Test
    void placeholdersAreFilledFromTheFrame() {
        Frame f = Frame.builder(3).scalar("gd.x1", 0.123456).scalar("small", 1.5e-7).scalar("gap", Double.NaN)
                .series("v", new double[]{1, -0.5, 2}).build();
        String tex = "x = \\val{gd.x1},\\ e = \\val{small},\\ g = \\val{gap},\\ v = \\val{v},\\ v_2 = \\val{v[1]},\\ "
                + "m = \\val{missing}";
        assertEquals("x = 0.123,\\ e = 1.50\\times10^{-7},\\ g = \\text{--},\\ v = [1,\\ -0.5,\\ 2],\\ v_2 = -0.5,\\ "
                + "m = \\text{--}", ExperimentDef.Explanation.fill(tex, f));
        assertEquals("x = ?", ExperimentDef.Explanation.fill("x = \\val{gd.x1}", null), "no frame yet");
    }

    /** An indexed key is bound to the frame's first member, e.g. the run's first racer, named by \\member. */
    @Test
    void indexedKeysTakeTheFirstMemberOfTheFrame() {
        Frame f = Frame.builder(1).scalar("adam.x1", 0.5).scalar("adam.loss", 2).scalar("flow.x1", 7).scalar("lr", 0.1)
                .build();
        assertEquals("\\text{adam}: 0.5, 2, \\eta = 0.1",
                ExperimentDef.Explanation.fill("\\member{racer}: \\val{{racer}.x1}, \\val{{racer}.loss}, \\eta = \\val{lr}", f));
        assertEquals("\\text{--}: \\text{--}", ExperimentDef.Explanation.fill("\\member{racer}: \\val{{racer}.x1}",
                Frame.builder(0).scalar("lr", 1).build()), "no racer: dashes");
    }

    /** A member chosen by the user (the selected racer) is bound instead of the first, if the frame holds it. */
    @Test
    void aChosenMemberIsBoundWhenTheFrameHoldsIt() {
        Frame f = Frame.builder(1).scalar("adam.x1", 0.5).scalar("flow.x1", 7).scalar("lr", 0.1).build();
        String tex = "\\member{racer}: \\val{{racer}.x1}";
        assertEquals("\\text{flow}: 7", ExperimentDef.Explanation.fill(tex, f, java.util.Map.of("racer", "flow")));
        assertEquals("\\text{adam}: 0.5", ExperimentDef.Explanation.fill(tex, f, java.util.Map.of("racer", "gd")),
                "a member the frame lacks falls back to the first");
        assertEquals(List.of("\\text{flow}: 7"), new ExperimentDef.Explanation("", "", "").withEquations(tex)
                .equations(f, java.util.Map.of("racer", "flow")));
    }

    @Test
    void numbersKeepThreeSignificantDigits() {
        assertEquals("0.12", ExperimentDef.Explanation.number(0.12));
        assertEquals("100", ExperimentDef.Explanation.number(100));
        assertEquals("1", ExperimentDef.Explanation.number(1.0));
        assertEquals("-2.47", ExperimentDef.Explanation.number(-2.4689));
        assertEquals("1.23\\times10^{4}", ExperimentDef.Explanation.number(12345.6));
        assertEquals("0", ExperimentDef.Explanation.number(0));
        assertEquals("8192", ExperimentDef.Explanation.number(8192), "a count stays whole");
        assertEquals("1235", ExperimentDef.Explanation.number(1234.5), "no 1.23e+03 below 10⁴");
    }

    /** A placeholder that names no declared output would stay a dash forever: every one must name an output. */
    @Test
    void everyPlaceholderOfEveryExperimentNamesADeclaredOutput() {
        int placeholders = 0;
        for (ExperimentDef type : Experiments.standard().types()) {
            for (String tex : type.explanation().equations()) {
                Matcher m = VALUE.matcher(tex);
                while (m.find()) {
                    String key = m.group(1);
                    placeholders++;
                    Output out = type.outputFor(key, Output.Kind.SCALAR);
                    assertNotNull(out != null ? out : type.outputFor(key, Output.Kind.SERIES),
                            type.id() + ": \\val{" + key + "} names no declared output");
                }
            }
        }
        assertTrue(placeholders > 0);
    }

    /** An explanation made the old way has no equations and keeps its plain formula. */
    @Test
    void threeArgumentExplanationsHaveNoEquations() {
        ExperimentDef.Explanation e = new ExperimentDef.Explanation("what", "f = x", "src");
        assertEquals(List.of(), e.equations());
        assertEquals("f = x", e.formula());
    }
}
