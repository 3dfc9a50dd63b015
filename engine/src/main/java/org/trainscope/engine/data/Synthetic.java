package org.trainscope.engine.data;

import java.util.List;

import org.trainscope.engine.experiment.Rng;

/**
 * Synthetic 2-D classification sets in the spirit of tensorflow/playground, each with Gaussian noise of standard
 * deviation {@code noise} added to both coordinates. Classes are balanced (example k has class k mod classes).
 */
public final class Synthetic {
    /** The names {@link #of} accepts. */
    public static final List<String> NAMES = List.of("spirals", "circles", "xor", "blobs");

    private Synthetic() {
    }

    /** The named set with n examples. */
    public static Dataset of(String kind, int n, double noise, Rng rng) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 examples, got " + n);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be ≥ 0, got " + noise);
        }
        double[] x = new double[2 * n];
        int[] y = new int[n];
        int classes = kind.equals("blobs") ? 3 : 2;
        for (int k = 0; k < n; k++) {
            int c = k % classes;
            double u = rng.nextDouble();
            double px;
            double py;
            switch (kind) {
                case "spirals" -> {                        // r = t, θ = 4π t + π c  (two interleaved arms)
                    double theta = 4 * Math.PI * u + Math.PI * c;
                    px = u * Math.cos(theta);
                    py = u * Math.sin(theta);
                }
                case "circles" -> {                        // radius 0.5 (class 0) or 1 (class 1)
                    double theta = 2 * Math.PI * u;
                    double radius = c == 0 ? 0.5 : 1.0;
                    px = radius * Math.cos(theta);
                    py = radius * Math.sin(theta);
                }
                case "xor" -> {                            // class = sign(x₁)·sign(x₂) < 0
                    px = rng.uniform(-1, 1);
                    py = rng.uniform(-1, 1);
                    if ((px * py < 0 ? 1 : 0) != c) {
                        py = -py;
                    }
                }
                case "blobs" -> {                          // centres on the unit circle at 0°, 120°, 240°
                    double theta = 2 * Math.PI * c / classes;
                    px = Math.cos(theta) + 0.25 * rng.nextGaussian();
                    py = Math.sin(theta) + 0.25 * rng.nextGaussian();
                }
                default -> throw new IllegalArgumentException("unknown synthetic set '" + kind + "'; valid: "
                        + String.join(", ", NAMES));
            }
            x[2 * k] = px + noise * rng.nextGaussian();
            x[2 * k + 1] = py + noise * rng.nextGaussian();
            y[k] = c;
        }
        return new Dataset(kind, x, y, 2, classes);
    }
}
