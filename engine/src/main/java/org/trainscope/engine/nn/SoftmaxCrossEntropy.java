package org.trainscope.engine.nn;

import java.nio.FloatBuffer;

/**
 * The top of an {@link Mlp}: softmax cross-entropy ℓ = lse(z) − z_y of FLOAT logits z stored one example per
 * column (column-major, K classes: example k's logits at k·K), its δ = (softmax(z) − e_y)/B for back-propagation,
 * and the score of a batch. Computed in DOUBLE from the FLOAT logits, the max subtracted before exp.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * δ = (softmax(z) − e_y)/B into {@code delta} for columns c0 … c1−1 of a batch of B, labels at
     * {@code labels[from + k]}; returns the summed loss of those columns.
     */
    static double delta(FloatBuffer z, FloatBuffer delta, int classes, int[] labels, int from, int c0, int c1,
                        int batch) {
        double[] e = new double[classes];
        double sum = 0;
        for (int k = c0, base = c0 * classes; k < c1; k++, base += classes) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < classes; i++) {
                m = Math.max(m, z.get(base + i));
            }
            double s = 0;
            for (int i = 0; i < classes; i++) {
                e[i] = Math.exp(z.get(base + i) - m);
                s += e[i];
            }
            int y = labels[from + k];
            sum += m + Math.log(s) - z.get(base + y);                            // ℓ = lse(z) − z_y
            for (int i = 0; i < classes; i++) {
                delta.put(base + i, (float) ((e[i] / s - (i == y ? 1 : 0)) / batch));   // (softmax − e_y)/B
            }
        }
        return sum;
    }

    /**
     * {sum of losses, number correct} of the first {@code batch} columns against {@code labels[from …]}, added to
     * {@code acc[0]}, {@code acc[1]} (argmax ties go to the lower class).
     */
    static void score(FloatBuffer z, int classes, int[] labels, int from, int batch, double[] acc) {
        for (int k = 0, base = 0; k < batch; k++, base += classes) {
            double m = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int i = 0; i < classes; i++) {
                double v = z.get(base + i);
                if (v > m) {
                    m = v;
                    arg = i;
                }
            }
            double s = 0;
            for (int i = 0; i < classes; i++) {
                s += Math.exp(z.get(base + i) - m);
            }
            int y = labels[from + k];
            acc[0] += m + Math.log(s) - z.get(base + y);                         // ℓ = lse(z) − z_y
            acc[1] += arg == y ? 1 : 0;
        }
    }
}
