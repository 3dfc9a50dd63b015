package org.trainscope.engine.experiment;

/**
 * Thrown by {@link Experiment#step()} when the run cannot go on because its numbers stopped being finite. The
 * experiment's state is left at the last good frame, so every frame before it stays valid.
 */
public final class DivergedException extends RuntimeException {
    public DivergedException(String message) {
        super(message);
    }
}
