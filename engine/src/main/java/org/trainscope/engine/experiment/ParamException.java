package org.trainscope.engine.experiment;

/** A parameter value that was refused; the message names the parameter and says what is allowed. */
public final class ParamException extends IllegalArgumentException {
    private final String param;

    public ParamException(String param, String message) {
        super(message);
        this.param = param;
    }

    /** The name of the offending parameter. */
    public String param() {
        return param;
    }
}
