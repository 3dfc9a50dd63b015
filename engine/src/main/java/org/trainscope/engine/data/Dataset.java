package org.trainscope.engine.data;

import java.util.Arrays;

import org.trainscope.engine.experiment.Rng;

/**
 * A labelled classification set: n examples of dimension d, stored row-major in {@code x} (example k at
 * {@code x[k·d … k·d+d−1]}), labels in 0..classes−1. Immutable: arrays are copied in and out.
 */
public final class Dataset {
    private final String name;
    private final double[] x;
    private final int[] y;
    private final int dim;
    private final int classes;

    /**
     * @param x row-major n×d inputs
     * @param y n labels in [0, classes)
     */
    public Dataset(String name, double[] x, int[] y, int dim, int classes) {
        if (dim < 1 || classes < 2 || y.length == 0 || x.length != (long) y.length * dim) {
            throw new IllegalArgumentException(name + ": need n·d inputs for n labels (n ≥ 1, d ≥ 1, classes ≥ 2), got "
                    + x.length + " inputs, " + y.length + " labels, d = " + dim + ", " + classes + " classes");
        }
        for (int k = 0; k < y.length; k++) {
            if (y[k] < 0 || y[k] >= classes) {
                throw new IllegalArgumentException(name + ": label " + y[k] + " of example " + k + " outside [0, " + classes + ")");
            }
        }
        this.name = name;
        this.x = x.clone();
        this.y = y.clone();
        this.dim = dim;
        this.classes = classes;
    }

    public String name() {
        return name;
    }

    /** Number of examples n. */
    public int size() {
        return y.length;
    }

    /** Input dimension d. */
    public int dim() {
        return dim;
    }

    public int classes() {
        return classes;
    }

    /** A copy of the row-major n×d inputs. */
    public double[] inputs() {
        return x.clone();
    }

    /** A copy of the n labels. */
    public int[] labels() {
        return y.clone();
    }

    /** Input coordinate j of example k. */
    public double input(int k, int j) {
        return x[k * dim + j];
    }

    public int label(int k) {
        return y[k];
    }

    /** The examples at {@code indices}, in that order. */
    public Dataset subset(String subsetName, int[] indices) {
        double[] xs = new double[indices.length * dim];
        int[] ys = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * dim, xs, i * dim, dim);
            ys[i] = y[indices[i]];
        }
        return new Dataset(subsetName, xs, ys, dim, classes);
    }

    /**
     * The same inputs with the labels randomly permuted (Zhang et al. 2017, "Understanding deep learning requires
     * rethinking generalization"): the label histogram is kept, any link between input and label is destroyed.
     */
    public Dataset withRandomLabels(Rng rng) {
        int[] shuffled = y.clone();
        shuffle(shuffled, rng);
        return new Dataset(name + " (random labels)", x, shuffled, dim, classes);
    }

    /** A seeded train/test split: a random permutation, the first ⌈testFraction·n⌉ go to test. */
    public Split split(double testFraction, Rng rng) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        int n = size();
        int nTest = (int) Math.ceil(testFraction * n);     // as scikit-learn: ⌈0.2·1797⌉ = 360
        if (nTest < 1 || nTest >= n) {
            throw new IllegalArgumentException(name + ": a test fraction of " + testFraction + " of " + n
                    + " examples leaves an empty train or test set");
        }
        int[] perm = permutation(n, rng);
        int[] test = Arrays.copyOfRange(perm, 0, nTest);
        int[] train = Arrays.copyOfRange(perm, nTest, n);
        return new Split(subset(name + " train", train), subset(name + " test", test));
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates, driven by {@code rng}). */
    public static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    private static void shuffle(int[] a, Rng rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A train set and a disjoint test set. */
    public record Split(Dataset train, Dataset test) {
    }
}
