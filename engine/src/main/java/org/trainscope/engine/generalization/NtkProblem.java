package org.trainscope.engine.generalization;

import org.trainscope.engine.data.Table;
import org.trainscope.engine.experiment.Rng;

/**
 * The regression problem the {@code ntk} experiment's nets fit, and its infinite-width answer: n training points
 * (a 1-D curve y = sin(πx) + x/2 on [−1, 1], or standardized rows of the diabetes table scaled by 1/√d), the plot
 * points the frames show, and kernel regression with the analytic ReLU NTK Θ∞ there. Inputs carry a constant 1 for
 * the bias as their last coordinate.
 *
 * @param dim       input dimension, the constant 1 included
 * @param trainX    n × dim, row-major
 * @param trainAxis where a training point is drawn: x (curve) or its true target (diabetes)
 * @param gridX     the plot points, row-major
 * @param gridAxis  where a plot point is drawn: x on [−1.2, 1.2] (curve) or its true target (diabetes)
 * @param fInf      Θ∞(x, X) Θ∞(X, X)⁻¹ y at the plot points
 * @param kernelInf Θ∞(x₀, x) at the plot points, x₀ the first training point
 */
record NtkProblem(int dim, double[] trainX, double[] trainY, double[] trainAxis, double[] gridX, double[] gridAxis,
                  double[] fInf, double[] kernelInf) {
    private static final int GRID = 121;
    private static final double SPAN = 1.2;

    /** The problem of {@code n} points, drawn from {@code rng}. */
    static NtkProblem of(boolean curve, int n, Rng rng) {
        int dim;
        double[] trainX;
        double[] trainY;
        double[] trainAxis;
        double[] gridX;
        double[] gridAxis;
        if (curve) {
            dim = 2;
            trainX = new double[n * dim];
            trainY = new double[n];
            trainAxis = new double[n];
            for (int i = 0; i < n; i++) {
                double x = rng.uniform(-1, 1);
                trainX[i * dim] = x;
                trainX[i * dim + 1] = 1;
                trainY[i] = StrictMath.sin(Math.PI * x) + 0.5 * x;                 // y = sin(πx) + x/2
                trainAxis[i] = x;
            }
            gridX = new double[GRID * dim];
            gridAxis = new double[GRID];
            for (int g = 0; g < GRID; g++) {
                gridAxis[g] = -SPAN + 2 * SPAN * g / (GRID - 1);
                gridX[g * dim] = gridAxis[g];
                gridX[g * dim + 1] = 1;
            }
        } else {
            Table t = Table.diabetes().standardized();
            dim = t.dim() + 1;
            int[] perm = org.trainscope.engine.data.Dataset.permutation(t.size(), rng);
            int gridY = Math.min(100, t.size() - n);
            trainX = rows(t, perm, 0, n);
            trainY = targets(t, perm, 0, n);
            trainAxis = trainY.clone();
            gridX = rows(t, perm, n, gridY);
            gridAxis = targets(t, perm, n, gridY);
        }
        int gridY = gridAxis.length;
        double[] kInf = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kInf[i * n + j] = LazyNet.analytic(trainX, i, trainX, j, dim);
            }
        }
        double[] alpha = LeastSquares.qr(kInf, n, n, trainY, 0);                  // Θ∞(X, X)⁻¹ y
        double[] fInf = new double[gridY];
        double[] kernelInf = new double[gridY];
        for (int g = 0; g < gridY; g++) {
            for (int i = 0; i < n; i++) {
                fInf[g] += LazyNet.analytic(gridX, g, trainX, i, dim) * alpha[i];
            }
            kernelInf[g] = LazyNet.analytic(trainX, 0, gridX, g, dim);
        }
        return new NtkProblem(dim, trainX, trainY, trainAxis, gridX, gridAxis, fInf, kernelInf);
    }

    /** Rows of the standardized table scaled by 1/√d (so ‖x‖ ≈ 1), with a constant 1 appended. */
    private static double[] rows(Table t, int[] perm, int from, int count) {
        int dim = t.dim() + 1;
        double[] out = new double[count * dim];
        double s = 1 / Math.sqrt(t.dim());
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < t.dim(); c++) {
                out[r * dim + c] = s * t.feature(perm[from + r], c);
            }
            out[r * dim + dim - 1] = 1;
        }
        return out;
    }

    private static double[] targets(Table t, int[] perm, int from, int count) {
        double[] out = new double[count];
        for (int r = 0; r < count; r++) {
            out[r] = t.target(perm[from + r]);
        }
        return out;
    }
}
