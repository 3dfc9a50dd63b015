package org.trainscope.engine.optim;

/**
 * The storages a parameter vector can have, for tests that run one problem on each: the same values as a list of
 * heap arrays, as native FLOAT or DOUBLE memory (loop path below {@link Vector#BLAS_FROM} elements, BLAS from
 * there), or as two native DOUBLE parts joined.
 */
enum Storage {
    /** Two heap arrays end to end (the first holds two elements), as a network's layers are. */
    HEAP {
        @Override
        Vector vector(double[] values) {
            return Vector.join(java.util.Arrays.copyOfRange(values, 0, 2),
                    java.util.Arrays.copyOfRange(values, 2, values.length));
        }
    },
    NATIVE_DOUBLE {
        @Override
        Vector vector(double[] values) {
            return filled(Vector.doubles(values.length), values);
        }
    },
    NATIVE_FLOAT {
        @Override
        Vector vector(double[] values) {
            return filled(Vector.floats(values.length), values);
        }
    },
    /** Two native DOUBLE parts, split at half the length. */
    JOINED_NATIVE_DOUBLE {
        @Override
        Vector vector(double[] values) {
            int half = values.length / 2;
            return Vector.join(NATIVE_DOUBLE.vector(java.util.Arrays.copyOfRange(values, 0, half)),
                    NATIVE_DOUBLE.vector(java.util.Arrays.copyOfRange(values, half, values.length)));
        }
    };

    /** A new vector of this storage holding {@code values} (rounded to FLOAT for {@link #NATIVE_FLOAT}). */
    abstract Vector vector(double[] values);

    private static Vector filled(Vector v, double[] values) {
        v.set(values);
        return v;
    }

    /** {@code block} repeated {@code times} times, end to end. */
    static double[] tile(double[] block, int times) {
        double[] out = new double[block.length * times];
        for (int k = 0; k < times; k++) {
            System.arraycopy(block, 0, out, k * block.length, block.length);
        }
        return out;
    }
}
