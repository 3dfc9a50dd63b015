package org.trainscope.engine.experiment;

/** Turning a failure into the one line a user reads. */
public final class Failures {
    private Failures() {
    }

    /**
     * The innermost message of a failure: an ExceptionInInitializerError (a native library that would not load, in
     * a static initializer) has none of its own, its cause does.
     */
    public static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
