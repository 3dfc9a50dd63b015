package org.trainscope.engine.experiment;

import java.util.List;

/**
 * The description of an experiment: what a user picks from a list. Knows its params, its default run length and
 * how to explain itself, and creates running {@link Experiment}s.
 */
public interface ExperimentType {
    /** Stable identifier used by the CLI, the registry and saved files, e.g. {@code landscape}. */
    String id();

    /** Short human title. */
    String title();

    /** The explanation panel: what you are seeing, the formula, and the slide or paper it comes from. */
    Explanation explanation();

    /** Every param with its default and range. */
    List<ParamSpec> params();

    /** Steps that tell the whole story at the defaults. */
    int defaultSteps();

    /**
     * Creates the experiment in its initial state (step 0).
     *
     * @throws ParamException if a combination of values is not allowed (message names the param)
     */
    Experiment create(Params params, long seed);

    /** Extra workloads for {@code bench} (e.g. at the peers' exact settings); none by default. */
    default List<org.trainscope.engine.bench.BenchWorkload> benchWorkloads() {
        return List.of();
    }

    /** The default params. */
    default Params defaults() {
        return Params.defaults(params());
    }

    /** What the explanation panel shows. */
    record Explanation(String whatYouSee, String formula, String source) {
    }
}
