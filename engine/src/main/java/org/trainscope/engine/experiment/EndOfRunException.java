package org.trainscope.engine.experiment;

/**
 * Thrown by {@link Experiment#step()} when the experiment has nothing more to show — e.g. a construction that has
 * reached its deepest network. Not an error: the player stops with the message as information, and every frame
 * stays. The state is left at the last frame.
 */
public final class EndOfRunException extends RuntimeException {
    public EndOfRunException(String message) {
        super(message);
    }
}
