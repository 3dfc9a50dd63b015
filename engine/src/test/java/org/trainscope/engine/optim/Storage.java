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

    /**
     * f = Σ_b (1 − x_b)² + 10(y_b − x_b²)² + 2z_b² over blocks (x_b, y_b, z_b) = elements 3b, 3b+1, 3b+2: a bent
     * valley and a quadratic, so that every rule's state and the flow's adaptive step size are exercised; blocks
     * do not interact, so a tiled vector runs every block exactly like a single one.
     */
    static final Objective BANANA = (p, grad) -> {
        double f = 0;
        for (int b = 0; b + 2 < p.length(); b += 3) {
            double x = p.get(b);
            double y = p.get(b + 1);
            double z = p.get(b + 2);
            double q = y - x * x;
            grad.set(b, -2 * (1 - x) - 40 * x * q);
            grad.set(b + 1, 20 * q);
            grad.set(b + 2, 4 * z);
            f += (1 - x) * (1 - x) + 10 * q * q + 2 * z * z;
        }
        return f;
    };

    /** The start of every block. */
    static final double[] START = {-1.0, 1.5, 0.7};
}
