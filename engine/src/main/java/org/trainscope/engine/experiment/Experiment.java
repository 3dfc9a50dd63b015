package org.trainscope.engine.experiment;

/**
 * A running experiment: a deterministic state machine. Lifecycle: {@link ExperimentDef#create} builds the
 * initial state (step 0) from params and seed; {@link #frame()} observes it; each {@link #step()} advances one
 * step and returns the new frame; {@link #snapshot()} / {@link #restore} capture and reinstate the whole state.
 * The same params and seed give the same frames, bit for bit. Not thread-safe: one thread drives it.
 */
public interface Experiment {
    /** The type this experiment was created from. */
    ExperimentDef type();

    /** The params it was created with. */
    Params params();

    /** The seed it was created with. */
    long seed();

    /** Steps taken so far. */
    long stepCount();

    /** The frame of the current state, without advancing. */
    Frame frame();

    /**
     * Advances one step and returns the new frame.
     *
     * @throws DivergedException if the run cannot go on (state stays at the last good frame)
     */
    Frame step();

    /** The complete current state. */
    Snapshot snapshot();

    /** Reinstates a state taken by {@link #snapshot()} of an experiment of the same type and shape. */
    void restore(Snapshot snapshot);
}
