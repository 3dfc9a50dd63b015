package org.trainscope.engine.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Registry;

/** Every preset names a real experiment, valid params, and starts producing frames. */
class PresetsTest {
    private static final Registry REGISTRY = Experiments.standard();

    private static Preset byTitle(String title) {
        return Presets.standard(REGISTRY).stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void everyPresetIsValidAndRuns() {
        Set<String> titles = new HashSet<>();
        assertFalse(Presets.standard(REGISTRY).isEmpty());
        for (Preset p : Presets.standard(REGISTRY)) {
            assertTrue(titles.add(p.title()), "titles are unique: " + p.title());
            assertTrue(p.whatToWatch().length() > 80, "a real paragraph: " + p.title());
            Experiment e = p.type(REGISTRY).create(p.params(REGISTRY), p.seed());
            Frame f = e.frame();
            for (int i = 0; i < 3; i++) { // enough to show it starts; the stories are checked below and per experiment
                try {
                    f = e.step();
                } catch (DivergedException ex) {
                    break;
                }
            }
            assertTrue(f.step() > 0, p.title() + " produced frames");
        }
    }

    @Test
    void theNarrowValleyPresetShowsMomentumWinning() {
        // the story the card tells: at its settings momentum's loss is far below GD's after 150 steps
        Preset valley = byTitle("GD vs momentum in a narrow valley");
        Experiment e = valley.type(REGISTRY).create(valley.params(REGISTRY), valley.seed());
        for (int i = 0; i < 150; i++) {
            e.step();
        }
        double start = valley.type(REGISTRY).create(valley.params(REGISTRY), valley.seed()).frame().scalar("gd.loss");
        for (String racer : valley.params(REGISTRY).subset("optimizers")) {
            // every racer of this card converges: none is unstable at η = 0.09 on curvature 20
            assertTrue(e.frame().scalar(racer + ".loss") < start * 1e-3, racer + " converges");
        }
        double gd = e.frame().scalar("gd.loss");
        double momentum = e.frame().scalar("momentum.loss");
        // closed form on this quadratic: GD's slow mode shrinks by 1 − 2ηa = 0.964 per step, momentum's by √μ ≈ 0.837
        assertTrue(momentum < gd * 1e-6, "momentum " + momentum + " vs gd " + gd);
    }

    @Test
    void theRosenbrockPresetShowsGdDivergingAndAdamNot() {
        Preset banana = byTitle("Adaptive steps on Rosenbrock's banana");
        Experiment e = banana.type(REGISTRY).create(banana.params(REGISTRY), banana.seed());
        for (int i = 0; i < 100; i++) {
            e.step();
        }
        assertEquals(1.0, e.frame().scalar("gd.diverged"), "GD diverges, as the card says");
        assertEquals(0.0, e.frame().scalar("adam.diverged"));
    }
}
