package org.trainscope.engine.optimization;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.data.Digits;

/**
 * Examples of the shipped digits picked by a permutation, inputs scaled from counts 0…16 to [0, 1].
 *
 * @param x row-major count × 64 inputs
 * @param y labels 0…9
 */
record DigitsBatch(double[] x, int[] y) {
    /** Examples perm[from], …, perm[from + count − 1]. */
    static DigitsBatch of(int[] perm, int from, int count) {
        Dataset d = Digits.load();
        double[] x = new double[count * Digits.DIM];
        int[] y = new int[count];
        for (int k = 0; k < count; k++) {
            for (int j = 0; j < Digits.DIM; j++) {
                x[k * Digits.DIM + j] = d.input(perm[from + k], j) / 16.0;    // counts 0..16 → [0, 1]
            }
            y[k] = d.label(perm[from + k]);
        }
        return new DigitsBatch(x, y);
    }

    int size() {
        return y.length;
    }
}
