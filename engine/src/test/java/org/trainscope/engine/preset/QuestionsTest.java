package org.trainscope.engine.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Registry;

/** The questions of the lecture demos: well formed, asked within the demo run, and answered by the run itself. */
class QuestionsTest {
    private static final Registry REGISTRY = Experiments.standard();

    @Test
    void atLeastFiveDemosAskAQuestionWithinTheirRun() {
        List<Preset> asking = Presets.standard(REGISTRY).stream().filter(p -> p.question() != null).toList();
        assertTrue(asking.size() >= 5, asking.size() + " demos ask a question");
        for (Preset p : asking) {
            assertTrue(p.question().atStep() < p.type(REGISTRY).defaultSteps(), p.title() + ": asked within the run");
        }
    }

    @Test
    void aQuestionNeedsTwoToFourAnswersAndOneOfThemRight() {
        assertThrows(IllegalArgumentException.class, () -> new Question("q", List.of("only"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Question("q", List.of("a", "b"), 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Question("q", List.of("a", "b"), 0, 0));
        assertEquals("b", new Question("q", List.of("a", "b"), 1, 5).answer());
    }

    /** Each right answer is what the demo's own frames show after the question. */
    @Test
    void everyRightAnswerIsAFactOfTheRun() {
        Map<String, Preset> byTitle = new java.util.HashMap<>();
        Presets.standard(REGISTRY).forEach(p -> byTitle.put(p.title(), p));

        List<Frame> valley = run(byTitle.get("GD vs momentum in a narrow valley"), 400);
        assertEquals("momentum", byTitle.get("GD vs momentum in a narrow valley").question().answer());
        assertTrue(firstBelow(valley, "momentum.loss", 1e-6) < firstBelow(valley, "gd.loss", 1e-6),
                "momentum reaches the floor (f < 1e-6) first");

        List<Frame> teeth = run(byTitle.get("Teeth double with depth"), 4);
        assertEquals(8, teeth.get(3).scalar("s_teeth"), "asked at s_4");
        assertEquals(Double.parseDouble(byTitle.get("Teeth double with depth").question().answer()),
                teeth.get(4).scalar("s_teeth"));

        List<Frame> dmf = run(byTitle.get("Singular values one at a time"), 400);
        int asked = (int) byTitle.get("Singular values one at a time").question().atStep();
        assertTrue(dmf.get(asked).scalar("sv.1") > 1 && dmf.get(asked).scalar("sv.2") < 1, "σ₁ up, σ₂ not yet");
        int next = 0;
        for (int s = asked; s < dmf.size() && next == 0; s++) {
            for (int r = 2; r <= 5; r++) {
                if (next == 0 && dmf.get(s).scalar("sv." + r) > 1) {
                    next = r;
                }
            }
        }
        assertEquals(2, next, "σ₂ rises next");

        List<Frame> bp = run(byTitle.get("Backpropagation, one sub-step at a time"), 5);
        assertEquals(1, bp.get(4).scalar("phase"), "asked at the loss");
        assertEquals(2, bp.get(5).scalar("phase"));
        assertEquals(3, bp.get(5).scalar("layer"), "δ₃, at the output, comes first");

        Frame sigmoid = run(byTitle.get("Sigmoid at depth 20: the first layers do not learn"), 1).get(1);
        for (int t = 2; t <= 20; t++) {
            assertTrue(sigmoid.scalar("grad_norm.1") < sigmoid.scalar("grad_norm." + t), "layer 1 smallest, not " + t);
        }
        Frame relu = run(byTitle.get("ReLU with He init keeps gradients level"), 1).get(1);
        double ratio = relu.scalar("grad_ratio");
        assertTrue(ratio > 0.1 && ratio < 10, "about the same: " + ratio);
    }

    /** Frames 0 … steps of a preset's run. */
    private static List<Frame> run(Preset p, int steps) {
        Experiment e = p.type(REGISTRY).create(p.params(REGISTRY), p.seed());
        List<Frame> out = new ArrayList<>(List.of(e.frame()));
        for (int s = 0; s < steps; s++) {
            out.add(e.step());
        }
        return out;
    }

    private static int firstBelow(List<Frame> frames, String key, double level) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).scalar(key) < level) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
