package org.trainscope.engine.generalization;

/**
 * A depth-2 ReLU net of width m on the line, in the standard parameterization of lecture 002:
 * f(x) = c + Σ_j a_j·relu(w_j x + b_j). Each unit bends f at its breakpoint x_j = −b_j/w_j. Parameters live in four
 * arrays an optimizer updates in place; plain Java, since a forward pass is m multiply-adds per point.
 */
final class ShallowNet {
    final double[] w;
    final double[] b;
    final double[] a;
    final double[] c = new double[1];

    ShallowNet(int m) {
        w = new double[m];
        b = new double[m];
        a = new double[m];
    }

    int width() {
        return w.length;
    }

    /** f(x) = c + Σ_j a_j relu(w_j x + b_j). */
    double f(double x) {
        double s = c[0];
        for (int j = 0; j < w.length; j++) {
            s += a[j] * Math.max(0, w[j] * x + b[j]);
        }
        return s;
    }

    /**
     * L = (1/2N) Σ_i (f(x_i) − y_i)² and its gradient into (gw, gb, ga, gc):
     * ∂L/∂a_j = (1/N) Σ r_i relu(z_ij), ∂L/∂w_j = (1/N) Σ r_i a_j 1[z_ij > 0] x_i, ∂L/∂b_j likewise without x_i,
     * ∂L/∂c = (1/N) Σ r_i, with r_i = f(x_i) − y_i and z_ij = w_j x_i + b_j.
     */
    double lossAndGradient(double[] xs, double[] ys, double[] gw, double[] gb, double[] ga, double[] gc) {
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gb, 0);
        java.util.Arrays.fill(ga, 0);
        gc[0] = 0;
        int n = xs.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double r = f(xs[i]) - ys[i];
            loss += r * r;
            gc[0] += r / n;
            for (int j = 0; j < w.length; j++) {
                double z = w[j] * xs[i] + b[j];
                if (z > 0) {
                    ga[j] += r * z / n;
                    double back = r * a[j] / n;
                    gw[j] += back * xs[i];
                    gb[j] += back;
                }
            }
        }
        return loss / (2.0 * n);
    }
}
