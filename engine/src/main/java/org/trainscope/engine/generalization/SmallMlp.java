package org.trainscope.engine.generalization;

import java.util.Arrays;
import java.util.List;

import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.Init;

/**
 * A small fully connected network computed in plain Java: forward and back-propagation on {@code double[]}s, for the
 * playground's nets (≤ 6 hidden layers × 16 units, batches of ≤ a few hundred points, and the 128 × 128 map grid).
 * At these sizes ND4J launches one native op per product and per elementwise map, 10–40 µs each, and that overhead
 * is the whole cost (≈ 8 ms a step for 2-8-8-8-2 on 10 points); here a layer is a loop the JIT vectorizes.
 *
 * <p><b>Layout.</b> θ is one vector W_1, b_1, W_2, b_2, … (W_t row-major d_t × d_{t−1}), as frames carry it. A batch
 * of n points is, per layer t, {@code o[t][i][j]} = unit i of layer t at point j (one row per unit, as
 * {@code nn/} keeps one example per column), so each map of a unit is a row. Layer 0 is the input, layer D the
 * linear output. The net is immutable and keeps no state between calls: θ and the buffers are the caller's.
 *
 * <p>Activations: tanh, relu, sigmoid and the identity, each with σ' written from o = σ(z) alone
 * (tensorflow/playground's {@code {output, der}} pair), so the backward pass needs no pre-activation.
 */
public final class SmallMlp {
    private static final List<Activation> OFFERED =
            List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID, Activation.IDENTITY);
    private final int[] sizes;
    private final Activation[] sigma;     // sigma[t] for layer t = 1…D; sigma[D] = IDENTITY
    private final int[] weightOffset;     // where W_t starts in θ
    private final int parameterCount;

    /**
     * @param sizes       (d_0, d_1, …, d_D)
     * @param activations σ of the hidden layers 1…D−1: TANH, RELU, SIGMOID or IDENTITY
     */
    public SmallMlp(int[] sizes, List<Activation> activations) {
        if (sizes.length < 2 || activations.size() != sizes.length - 2) {
            throw new IllegalArgumentException("need (d_0, …, d_D) and one activation per hidden layer, got "
                    + Arrays.toString(sizes) + " and " + activations);
        }
        this.sizes = sizes.clone();
        sigma = new Activation[sizes.length];
        weightOffset = new int[sizes.length];
        int off = 0;
        for (int t = 1; t < sizes.length; t++) {
            sigma[t] = t < sizes.length - 1 ? activations.get(t - 1) : Activation.IDENTITY;
            if (!OFFERED.contains(sigma[t])) {
                throw new IllegalArgumentException("activation " + sigma[t].label() + " is not offered");
            }
            weightOffset[t] = off;
            off += sizes[t] * sizes[t - 1] + sizes[t];
        }
        parameterCount = off;
    }

    /** |θ|. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Number of layers D (the output layer included, the input not). */
    public int depth() {
        return sizes.length - 1;
    }

    /** θ drawn layer by layer, W_t row-major then b_t, each entry from {@code init} with fan-in d_{t−1}. */
    public double[] initialParameters(Init init) {
        double[] theta = new double[parameterCount];
        for (int t = 1; t < sizes.length; t++) {
            int end = weightOffset[t] + sizes[t] * sizes[t - 1] + sizes[t];
            for (int p = weightOffset[t]; p < end; p++) {
                theta[p] = init.sample(sizes[t - 1]);
            }
        }
        return theta;
    }

    /** Where W_t starts in θ; b_t follows its {@link #weightCount} entries. */
    public int weightOffset(int t) {
        return weightOffset[t];
    }

    /** |W_t| = d_t·d_{t−1}. */
    public int weightCount(int t) {
        return sizes[t] * sizes[t - 1];
    }

    /** Buffers for a pass over n points: {@code o[t]} is d_t × n, {@code o[0]} to be filled with the inputs. */
    public double[][][] buffers(int n) {
        double[][][] o = new double[sizes.length][][];
        for (int t = 0; t < sizes.length; t++) {
            o[t] = new double[sizes[t]][n];
        }
        return o;
    }

    /**
     * Forward pass on the points j ∈ [from, to) of {@code o[0]}: o_t = σ_t(z_t), z_t = W_t·o_{t−1} + b_t, into
     * {@code o[1…D]}. Passing a range lets a long batch (the map grid) go through in tiles that stay in cache.
     */
    public void forward(double[] theta, double[][][] o, int from, int to) {
        for (int t = 1; t < sizes.length; t++) {
            double[][] in = o[t - 1];
            int fanIn = sizes[t - 1];
            int w = weightOffset[t];
            int b = w + sizes[t] * fanIn;
            for (int i = 0; i < sizes[t]; i++) {
                double[] z = o[t][i];
                Arrays.fill(z, from, to, theta[b + i]);
                for (int k = 0; k < fanIn; k++) {
                    double wik = theta[w + i * fanIn + k];
                    double[] x = in[k];
                    for (int j = from; j < to; j++) {
                        z[j] += wik * x[j];                           // z_t = W_t·o_{t−1} + b_t
                    }
                }
                activate(sigma[t], z, from, to);                     // o_t = σ_t(z_t), in place
            }
        }
    }

    /**
     * Back-propagation over the n points of a {@link #forward} pass (lecture 003, "Back-Propagation: Pseudo-code"):
     * δ_z = δ ⊙ σ'(z_t), ∇W_t = δ_z·o_{t−1}ᵀ, ∇b_t = δ_z·1, δ_{t−1} = W_tᵀ·δ_z, from t = D down to 1.
     *
     * @param delta dL/do_D, d_D × n; overwritten
     * @param grad  receives ∇θ, laid out as θ
     */
    public void backward(double[] theta, double[][][] o, double[][] delta, double[] grad) {
        double[][] d = delta;
        for (int t = sizes.length - 1; t >= 1; t--) {
            int fanIn = sizes[t - 1];
            int w = weightOffset[t];
            int b = w + sizes[t] * fanIn;
            double[][] in = o[t - 1];
            for (int i = 0; i < sizes[t]; i++) {
                double[] di = d[i];
                derivativeTimes(sigma[t], o[t][i], di);              // δ_z = δ ⊙ σ'(z_t)
                double sum = 0;
                for (double v : di) {
                    sum += v;
                }
                grad[b + i] = sum;                                   // ∇b_t = Σ_j δ_z[j]
                for (int k = 0; k < fanIn; k++) {
                    double[] x = in[k];
                    double dot = 0;
                    for (int j = 0; j < di.length; j++) {
                        dot += di[j] * x[j];
                    }
                    grad[w + i * fanIn + k] = dot;                   // ∇W_t = δ_z·o_{t−1}ᵀ
                }
            }
            if (t > 1) {                                             // dL/dx of the input is not needed
                double[][] prev = new double[fanIn][d[0].length];
                for (int i = 0; i < sizes[t]; i++) {
                    double[] di = d[i];
                    for (int k = 0; k < fanIn; k++) {
                        double wik = theta[w + i * fanIn + k];
                        double[] pk = prev[k];
                        for (int j = 0; j < di.length; j++) {
                            pk[j] += wik * di[j];                    // δ_{t−1} = W_tᵀ·δ_z
                        }
                    }
                }
                d = prev;
            }
        }
    }

    /** tanh z = sign z · (1 − e^{−2|z|}) / (1 + e^{−2|z|}): one {@link Math#exp} (an intrinsic), no overflow. */
    static double tanh(double z) {
        double e = Math.exp(-2 * Math.abs(z));
        return Math.copySign((1 - e) / (1 + e), z);
    }

    private static void activate(Activation a, double[] z, int from, int to) {
        switch (a) {
            case TANH -> {
                for (int j = from; j < to; j++) {
                    z[j] = tanh(z[j]);                                // σ(z) = tanh z
                }
            }
            case RELU -> {
                for (int j = from; j < to; j++) {
                    z[j] = Math.max(0, z[j]);                         // σ(z) = max(0, z)
                }
            }
            case SIGMOID -> {
                for (int j = from; j < to; j++) {
                    z[j] = 1 / (1 + Math.exp(-z[j]));                 // σ(z) = 1 / (1 + e^{−z})
                }
            }
            default -> {                                              // σ(z) = z
            }
        }
    }

    /** δ ← δ ⊙ σ'(z), σ' written from o = σ(z). */
    private static void derivativeTimes(Activation a, double[] o, double[] delta) {
        switch (a) {
            case TANH -> {
                for (int j = 0; j < delta.length; j++) {
                    delta[j] *= 1 - o[j] * o[j];                      // σ' = 1 − tanh² z = 1 − o²
                }
            }
            case RELU -> {
                for (int j = 0; j < delta.length; j++) {
                    delta[j] = o[j] > 0 ? delta[j] : 0;               // σ' = 1[z > 0] = 1[o > 0]
                }
            }
            case SIGMOID -> {
                for (int j = 0; j < delta.length; j++) {
                    delta[j] *= o[j] * (1 - o[j]);                    // σ' = σ(1 − σ) = o(1 − o)
                }
            }
            default -> {                                              // σ' = 1
            }
        }
    }
}
