package org.trainscope.engine.generalization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.trainscope.engine.data.Table;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Rng;

/**
 * The playground's 2-D data, on tensorflow/playground's scale (points in about [−5, 5]², the map shows [−6, 6]²): the
 * built-in sets (example k has class k mod classes, Gaussian noise of σ·5 on both coordinates), a CSV of
 * x1,x2,label rows, and points drawn by hand, which always join the training set.
 *
 * @param trainX row-major n×2
 * @param testX  row-major m×2
 */
public record PlaygroundData(double[] trainX, int[] trainY, double[] testX, int[] testY, int classes) {
    /** The built-in sets, then {@code file}. */
    public static final List<String> KINDS = List.of("spirals", "circles", "xor", "moons", "checker", "blobs", "file");
    /** Half the side of the square the map shows. */
    public static final double EXTENT = 6;
    private static final double SCALE = 5;

    /**
     * The data the params describe: a seeded set split by a seeded permutation into train and test, plus the drawn
     * points (x1, x2, label triples) in the training set.
     */
    static PlaygroundData of(String kind, int n, int classesWanted, double noise, double testFraction, String file,
                             List<Double> drawn, Rng rng) {
        double[] x;
        int[] y;
        int classes;
        if (kind.equals("file")) {
            Table t = read(file);
            if (t.dim() != 2) {
                throw new ParamException("file", "file: '" + file + "' has " + t.dim() + " feature columns; expected x1,x2,label");
            }
            x = t.features();
            y = new int[t.size()];
            int most = 0;
            for (int i = 0; i < y.length; i++) {
                double v = t.target(i);
                if (v != Math.rint(v) || v < 0 || v > 4) {
                    throw new ParamException("file", "file: row " + (i + 1) + " has label " + v + "; expected 0 … 4");
                }
                y[i] = (int) v;
                most = Math.max(most, y[i]);
            }
            classes = Math.max(2, most + 1);
        } else {
            classes = kind.equals("blobs") ? classesWanted : 2;
            x = new double[2 * n];
            y = new int[n];
            for (int k = 0; k < n; k++) {
                y[k] = k % classes;
                double[] p = point(kind, y[k], classes, rng);
                x[2 * k] = SCALE * (p[0] + noise * rng.nextGaussian());
                x[2 * k + 1] = SCALE * (p[1] + noise * rng.nextGaussian());
            }
        }
        for (int i = 2; i < drawn.size(); i += 3) {
            classes = Math.max(classes, (int) Math.rint(drawn.get(i)) + 1);
        }
        int total = y.length;
        int nTest = (int) Math.round(testFraction * total);
        int[] perm = org.trainscope.engine.data.Dataset.permutation(total, rng);
        int nTrain = total - nTest + drawn.size() / 3;
        double[] trX = new double[2 * nTrain];
        int[] trY = new int[nTrain];
        double[] teX = new double[2 * nTest];
        int[] teY = new int[nTest];
        for (int j = 0; j < total; j++) {
            int i = perm[j];
            if (j < nTest) {
                teX[2 * j] = x[2 * i];
                teX[2 * j + 1] = x[2 * i + 1];
                teY[j] = y[i];
            } else {
                int k = j - nTest;
                trX[2 * k] = x[2 * i];
                trX[2 * k + 1] = x[2 * i + 1];
                trY[k] = y[i];
            }
        }
        for (int d = 0, k = total - nTest; d + 2 < drawn.size(); d += 3, k++) {
            trX[2 * k] = drawn.get(d);
            trX[2 * k + 1] = drawn.get(d + 1);
            trY[k] = (int) Math.rint(drawn.get(d + 2));
        }
        return new PlaygroundData(trX, trY, teX, teY, classes);
    }

    /** One noise-free point of class c, in about [−1, 1]². */
    private static double[] point(String kind, int c, int classes, Rng rng) {
        double u = rng.nextDouble();
        return switch (kind) {
            case "spirals" -> {                                  // r = t, θ = 1.75·2π t + π c: two interleaved arms
                double theta = 3.5 * Math.PI * u + Math.PI * c;
                yield new double[] {u * Math.cos(theta), u * Math.sin(theta)};
            }
            case "circles" -> {                                  // radius in [0, 0.4] (class 0) or [0.7, 1] (class 1)
                double theta = 2 * Math.PI * u;
                double r = c == 0 ? 0.4 * rng.nextDouble() : 0.7 + 0.3 * rng.nextDouble();
                yield new double[] {r * Math.cos(theta), r * Math.sin(theta)};
            }
            case "xor" -> {                                      // class = 1[x₁x₂ < 0]
                double a = rng.uniform(0.05, 1) * (rng.nextDouble() < 0.5 ? -1 : 1);
                double b = rng.uniform(0.05, 1) * Math.signum(a) * (c == 1 ? -1 : 1);
                yield new double[] {a, b};
            }
            case "moons" -> {                                    // two interleaved half circles (scikit-learn's moons)
                double t = Math.PI * u;
                yield c == 0 ? new double[] {Math.cos(t) - 0.5, Math.sin(t) - 0.25}
                        : new double[] {0.5 - Math.cos(t), 0.25 - Math.sin(t)};
            }
            case "checker" -> {                                  // 4×4 board: class = (⌊2x₁+2⌋ + ⌊2x₂+2⌋) mod 2
                double a;
                double b;
                do {
                    a = rng.uniform(-1, 1);
                    b = rng.uniform(-1, 1);
                } while (((int) Math.floor(2 * a + 2) + (int) Math.floor(2 * b + 2)) % 2 != c);
                yield new double[] {a, b};
            }
            case "blobs" -> {                                    // centres at radius 0.6, angles 2πc/classes
                double theta = 2 * Math.PI * c / classes;
                yield new double[] {0.6 * Math.cos(theta) + 0.15 * rng.nextGaussian(),
                        0.6 * Math.sin(theta) + 0.15 * rng.nextGaussian()};
            }
            default -> throw new ParamException("data", "data: '" + kind + "' is not allowed; expected one of "
                    + String.join(", ", KINDS));
        };
    }

    private static Table read(String file) {
        if (file.isEmpty()) {
            throw new ParamException("file", "file: data=file needs the path of a CSV of x1,x2,label rows");
        }
        try {
            return Table.read(Path.of(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new ParamException("file", "file: cannot read '" + file + "': " + e.getMessage());
        }
    }
}
