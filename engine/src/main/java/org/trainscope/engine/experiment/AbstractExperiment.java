package org.trainscope.engine.experiment;

/**
 * What every experiment holds the same way: its type, the params it was made with and its seed. The state it
 * steps, its frames and its snapshots are its own.
 */
public abstract class AbstractExperiment implements Experiment {
    private final ExperimentDef type;
    protected final Params params;
    protected final long seed;

    protected AbstractExperiment(ExperimentDef type, Params params, long seed) {
        this.type = type;
        this.params = params;
        this.seed = seed;
    }

    @Override
    public final ExperimentDef type() {
        return type;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final long seed() {
        return seed;
    }
}
