/**
 * The experiments API: an experiment is a deterministic state machine, {@code params + seed → step() → Frame}.
 *
 * <p>{@link org.trainscope.engine.experiment.ExperimentDef} defines an experiment (id, explanation, typed
 * {@link org.trainscope.engine.experiment.ParamSpec}s, default run length) and creates
 * {@link org.trainscope.engine.experiment.Experiment} instances; {@link org.trainscope.engine.experiment.Registry}
 * lists them by id ({@link org.trainscope.engine.Experiments#standard} is the built-in list). Frames are immutable; a {@link org.trainscope.engine.experiment.Recording} keeps them for
 * random access; a {@link org.trainscope.engine.experiment.Snapshot} captures an experiment's complete state
 * (weights, optimizer state, RNG state) so that a run can be forked from any frame exactly.
 */
package org.trainscope.engine.experiment;
