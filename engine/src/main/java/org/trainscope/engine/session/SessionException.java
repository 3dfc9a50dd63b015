package org.trainscope.engine.session;

/** A session file that cannot be opened or saved; the message says why in words a user understands. */
public final class SessionException extends Exception {
    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
