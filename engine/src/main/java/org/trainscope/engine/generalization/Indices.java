package org.trainscope.engine.generalization;

/** An index array (a minibatch order) in and out of a {@link org.trainscope.engine.experiment.Snapshot}, which holds doubles. */
final class Indices {
    private Indices() {
    }

    /** The indices as doubles, exact (every int is a double). */
    static double[] toDoubles(int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = indices[i];
        }
        return out;
    }

    /** Writes saved indices back into {@code into}. */
    static void copy(double[] saved, int[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = (int) saved[i];
        }
    }
}
