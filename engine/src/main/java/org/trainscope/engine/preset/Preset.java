package org.trainscope.engine.preset;

import java.util.LinkedHashMap;
import java.util.Map;

import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Registry;

/**
 * A demo as a lecturer starts it.
 *
 * @param title      the card's title, e.g. "GD vs momentum in a narrow valley"
 * @param whatToWatch one paragraph: what to look at, in the lecture's terms
 * @param source     the slide or paper it comes from
 * @param experiment the experiment id
 * @param settings   param values (as text) that differ from the experiment's defaults
 * @param seed       the seed
 * @param speed      suggested playback speed, steps per second
 * @param question   what the demo asks its audience, and when; null if it asks nothing
 */
public record Preset(String title, String whatToWatch, String source, String experiment, Map<String, String> settings,
                     long seed, double speed, Question question) {
    public Preset {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A demo that asks no question. */
    public Preset(String title, String whatToWatch, String source, String experiment, Map<String, String> settings,
                  long seed, double speed) {
        this(title, whatToWatch, source, experiment, settings, seed, speed, null);
    }

    /** This demo, asking {@code text} at {@code atStep}; {@code correct} indexes the right one of the answers. */
    public Preset asking(String text, long atStep, int correct, String... answers) {
        return new Preset(title, whatToWatch, source, experiment, settings, seed, speed,
                new Question(text, java.util.List.of(answers), correct, atStep));
    }

    /** The experiment type, from the registry. */
    public ExperimentDef type(Registry registry) {
        return registry.get(experiment);
    }

    /** The experiment's defaults with this preset's settings; throws ParamException naming a bad setting. */
    public Params params(Registry registry) {
        return type(registry).defaults().withAll(settings);
    }
}
