package org.trainscope.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The definition of an experiment: everything a user picks from a list, a CLI describes, a view reads and a session
 * names. A new experiment is its {@code *Experiment} class holding {@code TYPE = new ExperimentDef(...)}, plus one line
 * in {@link org.trainscope.engine.Experiments}.
 *
 * @param id           stable identifier used by the CLI, the registry and saved files, e.g. {@code landscape}
 * @param title        short human title
 * @param explanation  what you are seeing, the formula, and the slide or paper it comes from
 * @param params       every param with its default and range
 * @param outputs      every scalar and series of its frames (a test checks each frame against them)
 * @param defaultSteps steps that tell the whole story at the defaults
 * @param factory      creates the experiment in its initial state (step 0)
 */
public record ExperimentDef(String id, String title, Explanation explanation, List<ParamSpec> params,
                            List<Output> outputs, int defaultSteps, Factory factory) {

    /** Creates a running experiment from validated params and a seed. */
    @FunctionalInterface
    public interface Factory {
        /** @throws ParamException if a combination of values is not allowed (message names the params) */
        Experiment create(Params params, long seed);
    }

    /** What the explanation panel shows. */
    public record Explanation(String whatYouSee, String formula, String source) {
    }

    public ExperimentDef {
        Objects.requireNonNull(id);
        Objects.requireNonNull(factory);
        params = List.copyOf(params);
        outputs = List.copyOf(outputs);
        if (defaultSteps < 1) {
            throw new IllegalArgumentException(id + ": defaultSteps must be ≥ 1");
        }
        List<String> names = new ArrayList<>();
        for (Output o : outputs) {
            String name = o.kind() + " " + o.name();   // a scalar and a series may share a name (scalar and series "observed")
            if (names.contains(name)) {
                throw new IllegalArgumentException(id + ": output '" + o.name() + "' declared twice");
            }
            names.add(name);
        }
    }

    /**
     * Creates the experiment in its initial state (step 0).
     *
     * @throws ParamException if a combination of values is not allowed (message names the param)
     */
    public Experiment create(Params params, long seed) {
        return factory.create(params, seed);
    }

    /** The default params. */
    public Params defaults() {
        return Params.defaults(params);
    }

    /** The declared output a frame key belongs to, or null if none declares it. */
    public Output outputFor(String key, Output.Kind kind) {
        for (Output o : outputs) {
            if (o.kind() == kind && o.matches(key)) {
                return o;
            }
        }
        return null;
    }

    /**
     * What is wrong with a frame against the declared outputs: keys no output declares, and outputs the frame lacks
     * (an indexed output needs at least one member). Empty if the frame is exactly as declared.
     */
    public List<String> mismatches(Frame frame) {
        List<String> out = new ArrayList<>();
        for (String k : frame.scalarNames()) {
            if (outputFor(k, Output.Kind.SCALAR) == null) {
                out.add("undeclared scalar '" + k + "'");
            }
        }
        for (String k : frame.seriesNames()) {
            if (outputFor(k, Output.Kind.SERIES) == null) {
                out.add("undeclared series '" + k + "'");
            }
        }
        for (Output o : outputs) {
            List<String> keys = o.kind() == Output.Kind.SCALAR ? frame.scalarNames() : frame.seriesNames();
            if (keys.stream().noneMatch(o::matches)) {
                out.add("missing " + o.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + o.name() + "'");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return id;
    }
}
