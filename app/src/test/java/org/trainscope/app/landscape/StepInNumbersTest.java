package org.trainscope.app.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.optim.OptimizerConfig;

/** "One step, in numbers" writes every rule's step from the frames, with no number missing. */
class StepInNumbersTest {
    private static final String DASH = "\\text{--}";

    /**
     * For every rule, the step 4 → 5 on the quadratic: the lines name the racer, show x₄ and x₅ as the frames hold
     * them, the gradient at x₄ as the surface gives it (∇f = (2a·x₁, 2b·x₂), a = 1, b = 10; for Nesterov at the
     * look-ahead), and no dash: every state the rule's formula needs is in the frames.
     */
    @Test
    void everyRuleIsWrittenWithTheFramesNumbers() {
        Params p = LandscapeExperiment.TYPE.defaults().with("function", "quadratic")
                .with("optimizers", String.join(",", OptimizerConfig.RULES));
        LandscapeExperiment.Config c = LandscapeExperiment.Config.of(p);
        Experiment e = LandscapeExperiment.TYPE.create(p, 0);
        for (int t = 0; t < 4; t++) {
            e.step();
        }
        Frame before = e.frame();
        Frame now = e.step();
        for (String rule : OptimizerConfig.RULES) {
            List<String> lines = StepInNumbers.lines(rule, before, now, c.surface(), OptimizerConfig.from(p, rule));
            String all = String.join("\n", lines);
            assertFalse(all.contains(DASH), rule + ": a number is missing\n" + all);
            assertTrue(lines.get(0).startsWith("\\text{" + rule + "}:\\quad x_{4} = " + pair(before, rule)), all);
            assertTrue(all.contains("x_{5} = ") && all.contains(pair(now, rule)), all);
            double x1 = before.scalar(rule + ".x1");
            double x2 = before.scalar(rule + ".x2");
            if (rule.equals("nesterov")) {
                x1 += 0.9 * before.scalar("nesterov.m1");   // y = x + μv, μ = 0.9 by default
                x2 += 0.9 * before.scalar("nesterov.m2");
            }
            assertTrue(all.contains("= (" + num(2 * x1) + ",\\ " + num(20 * x2) + ")"), rule + " gradient\n" + all);
        }
    }

    @Test
    void theStartHasNoStepYet() {
        Params p = LandscapeExperiment.TYPE.defaults();
        Frame start = LandscapeExperiment.TYPE.create(p, 0).frame();
        List<String> lines = StepInNumbers.lines("adam", null, start, LandscapeExperiment.Config.of(p).surface(),
                OptimizerConfig.from(p, "adam"));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("no step yet"), lines.get(0));
    }

    private static String pair(Frame f, String racer) {
        return "(" + num(f.scalar(racer + ".x1")) + ",\\ " + num(f.scalar(racer + ".x2")) + ")";
    }

    private static String num(double v) {
        return ExperimentDef.Explanation.number(v);
    }
}
