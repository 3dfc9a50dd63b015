package org.trainscope.engine.microscope;

import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.Vector;

/**
 * One deep MLP of {@link ActivationsExperiment} with its batch, teacher and optimizer, all drawn from its own
 * {@code Rng(seed)}: the same config and seed give the same net whether it runs alone or beside two others.
 * Lifecycle: construct (measures at init) → {@link #step()}… ; {@link #snapshot()} / {@link #restore} at any time.
 */
final class ActivationNet {
    private final ActivationsExperiment.Config c;
    private final int depth;
    private final int batch;
    private final double[][] w;
    private final double[][] b;
    private final double[][] gw;
    private final double[][] gb;
    private final double[] x;
    private final double[] y;
    private final Vector theta;
    private final Optimizer optimizer;
    private final Objective objective;
    /** What {@link #measure()} found at the weights of version {@link #measuredVersion}. */
    private double loss;
    private final double[] gradNorm;
    private final double[] actStd;
    private final double[][] hist;
    private final double[] histRange = new double[2];
    private long measuredVersion = -1;

    ActivationNet(ActivationsExperiment.Config c, long seed) {
        this.c = c;
        this.depth = c.depth();
        this.batch = c.batch();
        w = new double[depth + 1][];
        b = new double[depth + 1][];
        gw = new double[depth + 1][];
        gb = new double[depth + 1][];
        Rng rng = new Rng(seed);
        for (int t = 1; t <= depth; t++) {
            w[t] = new double[c.units(t) * c.units(t - 1)];
            double sd = c.initStd(t);
            for (int i = 0; i < w[t].length; i++) {
                w[t][i] = sd * rng.nextGaussian();
            }
            b[t] = new double[c.units(t)];
            gw[t] = new double[w[t].length];
            gb[t] = new double[b[t].length];
        }
        int width = c.width();
        x = new double[width * batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();                                  // x ~ N(0, I), one column per example
        }
        double[] v = new double[width];
        for (int j = 0; j < width; j++) {
            v[j] = rng.nextGaussian();
        }
        y = new double[batch];
        for (int k = 0; k < batch; k++) {
            double s = 0;
            for (int j = 0; j < width; j++) {
                s += v[j] * x[j * batch + k];
            }
            y[k] = s / Math.sqrt(width);                                // the teacher: y = vᵀx/√width
        }
        gradNorm = new double[depth + 1];
        actStd = new double[depth + 1];
        hist = new double[depth + 1][ActivationsExperiment.BINS];
        theta = Vector.join(concat(w, b));
        Vector grad = Vector.join(concat(gw, gb));
        optimizer = c.optimizer().create(theta, grad);
        objective = Objective.atParameters(theta, grad, () -> measuredVersion == theta.version() ? loss : measure());
        measure();
    }

    /** W_1 … W_T then b_1 … b_T: the parameters (or gradients) as the optimizer's one vector. */
    private double[][] concat(double[][] ws, double[][] bs) {
        double[][] out = new double[2 * depth][];
        for (int t = 1; t <= depth; t++) {
            out[t - 1] = ws[t];
            out[depth + t - 1] = bs[t];
        }
        return out;
    }

    /**
     * Forward and backward at the current weights: the loss, ∂L/∂W_t and ∂L/∂b_t into the gradient arrays, and
     * each layer's gradient norm, output spread and histogram.
     */
    private double measure() {
        double[][] z = new double[depth + 1][];
        double[][] o = new double[depth + 1][];
        o[0] = x;
        for (int t = 1; t <= depth; t++) {
            z[t] = Dense.affine(w[t], b[t], o[t - 1], c.units(t), c.units(t - 1), batch);   // z_t = W_t o_{t−1} + b_t
            o[t] = t == depth ? z[t] : Dense.map(c.sigma(), z[t]);                          // o_t = σ(z_t), linear last
        }
        double l = 0;
        double[] delta = new double[batch];
        for (int k = 0; k < batch; k++) {
            double e = o[depth][k] - y[k];
            l += 0.5 * e * e / batch;                                   // L = ½ mean (ŷ − y)²
            delta[k] = e / batch;                                       // δ_T = (ŷ − y)/B
        }
        for (int t = depth; t >= 1; t--) {
            System.arraycopy(Dense.outer(delta, o[t - 1], c.units(t), c.units(t - 1), batch), 0, gw[t], 0, gw[t].length);
            System.arraycopy(Dense.rowSums(delta, c.units(t), batch), 0, gb[t], 0, gb[t].length);   // ∂L/∂W_t = δ_t o_{t−1}ᵀ
            gradNorm[t] = norm(gw[t]);
            if (t > 1) {                                                // δ_{t−1} = (W_tᵀ δ_t) ⊙ σ′(z_{t−1})
                delta = Dense.timesDerivative(Dense.transposeTimes(w[t], delta, c.units(t), c.units(t - 1), batch),
                        c.sigma(), z[t - 1]);
            }
        }
        histogram(o);
        loss = l;
        measuredVersion = theta.version();
        return l;
    }

    private void histogram(double[][] o) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= depth; t++) {
            double mean = 0;
            for (double v : o[t]) {
                mean += v / o[t].length;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double var = 0;
            for (double v : o[t]) {
                var += (v - mean) * (v - mean) / o[t].length;
            }
            actStd[t] = Math.sqrt(var);
        }
        if (!(hi > lo)) {                                               // every output equal (or not finite)
            lo = Double.isFinite(lo) ? lo - 0.5 : -1;
            hi = Double.isFinite(hi) ? lo + 1 : 1;
        }
        histRange[0] = lo;
        histRange[1] = hi;
        for (int t = 1; t <= depth; t++) {
            java.util.Arrays.fill(hist[t], 0);
            for (double v : o[t]) {
                int bins = ActivationsExperiment.BINS;
                int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / (hi - lo) * bins)));
                hist[t][bin] += 1.0 / o[t].length;
            }
        }
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** One optimizer step on the batch, then the measurements at the new weights; false if they are not finite. */
    boolean step() {
        optimizer.step(objective);
        double l = measure();
        return Double.isFinite(l) && Double.isFinite(gradNorm[1]);
    }

    /** ‖∂L/∂W_t‖_F at the current weights, t = 1 … depth. */
    double gradNorm(int t) {
        return gradNorm[t];
    }

    /** The standard deviation of o_t, t = 1 … depth. */
    double actStd(int t) {
        return actStd[t];
    }

    double loss() {
        return loss;
    }

    /** Layer t's histogram over {@link #histRange()} (live: copy before keeping). */
    double[] hist(int t) {
        return hist[t];
    }

    double[] histRange() {
        return histRange;
    }

    /** The weights and the optimizer's state (the step count is the experiment's). */
    Snapshot snapshot() {
        return Snapshot.builder().array("theta", theta.toArray()).put("opt", optimizer.state()).build();
    }

    void restore(Snapshot s) {
        theta.set(s.array("theta"));
        optimizer.restore(s.under("opt"));
        measure();
    }

    /** The loss at the current weights, recomputed (for gradient checks). */
    double lossNow() {
        return measure();
    }

    /** The weights W_t, live (for gradient checks). */
    double[] weights(int t) {
        return w[t];
    }
}
