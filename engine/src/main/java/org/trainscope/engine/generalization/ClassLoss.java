package org.trainscope.engine.generalization;

/**
 * The playground's losses on class labels, on a {@link SmallMlp}'s scores ŷ (k × n, one point per column), as
 * {@code nn/Loss} defines them for one-hot targets e_y: summed over the k outputs, averaged over the n points.
 */
public enum ClassLoss {
    /** ℓ = −log softmax(ŷ)[y] = lse(ŷ) − ŷ_y, lse(ŷ) = m + log Σ_c e^{ŷ_c − m}, m = max_c ŷ_c. */
    CROSS_ENTROPY {
        @Override
        double point(double[][] scores, int j, int y, double[][] gradient, double scale) {
            double m = Double.NEGATIVE_INFINITY;
            for (double[] row : scores) {
                m = Math.max(m, row[j]);
            }
            double sum = 0;
            for (double[] row : scores) {
                sum += Math.exp(row[j] - m);
            }
            if (gradient != null) {
                for (int c = 0; c < scores.length; c++) {            // dℓ/dŷ = softmax(ŷ) − e_y
                    gradient[c][j] = (Math.exp(scores[c][j] - m) / sum - (c == y ? 1 : 0)) * scale;
                }
            }
            return m + Math.log(sum) - scores[y][j];                 // ℓ = lse(ŷ) − ŷ_y
        }
    },
    /** ℓ = ½‖ŷ − e_y‖². */
    SQUARED {
        @Override
        double point(double[][] scores, int j, int y, double[][] gradient, double scale) {
            double value = 0;
            for (int c = 0; c < scores.length; c++) {
                double r = scores[c][j] - (c == y ? 1 : 0);
                value += 0.5 * r * r;                                // ℓ = ½ Σ_c (ŷ_c − 1[c = y])²
                if (gradient != null) {
                    gradient[c][j] = r * scale;                      // dℓ/dŷ = ŷ − e_y
                }
            }
            return value;
        }
    };

    /**
     * L = (1/n) Σ_j ℓ(ŷ_j, y_j) over the n columns of {@code scores}, and dL/dŷ (including the 1/n) into
     * {@code gradient} (k × n) unless it is null.
     */
    public double mean(double[][] scores, int[] labels, double[][] gradient) {
        int n = labels.length;
        double total = 0;
        for (int j = 0; j < n; j++) {
            total += point(scores, j, labels[j], gradient, 1.0 / n);
        }
        return total / n;
    }

    /** ℓ at point j, and dℓ/dŷ_j·scale into column j of {@code gradient} unless it is null. */
    abstract double point(double[][] scores, int j, int y, double[][] gradient, double scale);
}
