package org.trainscope.engine.generalization;

import org.trainscope.engine.data.Table;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * Lecture 001's table in miniature (Arora et al., ICLR 2020: NTK against nets and kernels on UCI sets): test accuracy on
 * a seeded half of a small UCI table of three classifiers that see the other half — kernel regression on one-hot
 * targets with the infinite-width ReLU NTK Θ∞, the same with a Gaussian kernel exp(−‖x − x'‖²/(2d)), and finite
 * depth-2 nets of width {@value #WIDTH} in the NTK parameterization (one per class) trained by {@value #STEPS} steps
 * of gradient descent. Features are standardized, scaled by 1/√d and given a constant 1, as in {@link NtkExperiment}.
 * Predictions are the argmax over classes.
 */
final class KernelTable {
    static final int WIDTH = 64;
    static final int STEPS = 60;
    private static final double LR = 2.0;
    /** Jitter λ·I added to the kernel matrices (relative to their mean diagonal) so that the solves stay stable. */
    private static final double JITTER = 1e-8;

    private KernelTable() {
    }

    /** {NTK, finite net, Gaussian} test accuracies on {@code table}. */
    static double[] accuracies(Table table, Rng rng) {
        Table t = table.standardized();
        int n = t.size();
        int d = t.dim() + 1;
        int k = t.classNames().size();
        int[] perm = org.trainscope.engine.data.Dataset.permutation(n, rng);
        int nTrain = n / 2;
        int nTest = n - nTrain;
        double[] xTrain = new double[nTrain * d];
        double[] xTest = new double[nTest * d];
        int[] yTrain = new int[nTrain];
        int[] yTest = new int[nTest];
        double s = 1 / Math.sqrt(t.dim());
        for (int r = 0; r < n; r++) {
            boolean train = r < nTrain;
            double[] x = train ? xTrain : xTest;
            int row = train ? r : r - nTrain;
            for (int c = 0; c < t.dim(); c++) {
                x[row * d + c] = s * t.feature(perm[r], c);
            }
            x[row * d + d - 1] = 1;
            (train ? yTrain : yTest)[row] = (int) t.target(perm[r]);
        }
        double ntk = kernelAccuracy(xTrain, yTrain, xTest, yTest, d, k, true);
        double gauss = kernelAccuracy(xTrain, yTrain, xTest, yTest, d, k, false);
        double net = netAccuracy(xTrain, yTrain, xTest, yTest, d, k, rng);
        return new double[] {ntk, net, gauss};
    }

    private static double kernel(double[] p, int i, double[] q, int j, int d, boolean ntk) {
        if (ntk) {
            return LazyNet.analytic(p, i, q, j, d);
        }
        double sq = 0;
        for (int c = 0; c < d - 1; c++) {
            double diff = p[i * d + c] - q[j * d + c];
            sq += diff * diff;
        }
        return Math.exp(-sq / 2);          // exp(−‖x − x'‖²/2) on features scaled by 1/√d: exp(−‖u − u'‖²/(2d)) unscaled
    }

    /** argmax_c K(x, X)·K(X, X)⁻¹·Y[:, c] against the test labels. */
    private static double kernelAccuracy(double[] xTrain, int[] yTrain, double[] xTest, int[] yTest, int d, int k,
                                         boolean ntk) {
        int n = yTrain.length;
        double[] gram = new double[n * n];
        double diag = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gram[i * n + j] = kernel(xTrain, i, xTrain, j, d, ntk);
            }
            diag += gram[i * n + i] / n;
        }
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += JITTER * diag;
        }
        double[][] alpha = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] target = new double[n];
            for (int i = 0; i < n; i++) {
                target[i] = yTrain[i] == c ? 1 : 0;
            }
            alpha[c] = LeastSquares.qr(gram, n, n, target, 0);
        }
        int right = 0;
        for (int i = 0; i < yTest.length; i++) {
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                row[j] = kernel(xTest, i, xTrain, j, d, ntk);
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double score = 0;
                for (int j = 0; j < n; j++) {
                    score += row[j] * alpha[c][j];
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            right += best == yTest[i] ? 1 : 0;
        }
        return (double) right / yTest.length;
    }

    /** k width-{@value #WIDTH} nets, net c fitted to the indicator of class c by full-batch GD; argmax. */
    private static double netAccuracy(double[] xTrain, int[] yTrain, double[] xTest, int[] yTest, int d, int k, Rng rng) {
        int n = yTrain.length;
        double[][] scores = new double[k][];
        for (int c = 0; c < k; c++) {
            LazyNet net = new LazyNet(WIDTH, d, rng);
            double[] gw = new double[net.w.length];
            double[] ga = new double[net.a.length];
            int cls = c;
            Vector theta = Vector.join(net.w, net.a);
            Vector grad = Vector.join(gw, ga);
            Optimizer gd = OptimizerConfig.of("gd", LR).create(theta, grad);
            Objective loss = Objective.atParameters(theta, grad, () -> {
                java.util.Arrays.fill(gw, 0);
                java.util.Arrays.fill(ga, 0);
                double[] f = net.f(xTrain);
                double value = 0;
                for (int i = 0; i < n; i++) {
                    double r = f[i] - (yTrain[i] == cls ? 1 : 0);
                    value += r * r / (2.0 * n);                                 // L = (1/2n) Σ r²
                    net.addGradient(xTrain, i * d, r / n, gw, ga);
                }
                return value;
            });
            for (int s = 0; s < STEPS; s++) {
                gd.step(loss);
            }
            scores[c] = net.f(xTest);
        }
        int right = 0;
        for (int i = 0; i < yTest.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (scores[c][i] > scores[best][i]) {
                    best = c;
                }
            }
            right += best == yTest[i] ? 1 : 0;
        }
        return (double) right / yTest.length;
    }
}
