package org.trainscope.engine.nn;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.trainscope.engine.linalg.Nd4jRuntime;

/**
 * A ReLU multilayer perceptron with a linear output layer and softmax cross-entropy, computed on preallocated
 * native buffers: every matrix product is one {@code cblas_dgemm} on the buffers (no ND4J op, no allocation), and
 * bias, ReLU, softmax and the ReLU mask are fused plain-Java loops. This is the small-minibatch path that ND4J's
 * 10–40 µs per op makes slow (shared/STACK.md); the math is that of {@link Network} with {@link Activation#RELU}
 * hidden layers, {@link Activation#IDENTITY} output and {@link Loss#SOFTMAX_CROSS_ENTROPY}, DOUBLE throughout.
 *
 * <p><b>Layout.</b> Layer t (1…D) has A_t ∈ R^{d_t×d_{t−1}} stored row-major (entry (i, j) at i·d_{t−1} + j, as
 * {@link Flat} and the optimizers store it) and b_t ∈ R^{d_t}. A batch is one example per column, column-major:
 * example k of layer t's output at offset k·d_t. Lifecycle: {@link #load}/{@link #gather} a batch into the input,
 * {@link #forward}, then {@link #backward} for ∇ of the mean loss; read {@link #output(int)}, {@link #linear(int)}.
 * Not thread-safe.
 */
public final class Mlp {
    private static final int COL_MAJOR = 102;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private final int[] sizes;
    private final int depth;
    private final int capacity;
    private final DoublePointer[] weights;
    private final DoublePointer[] biases;
    private final DoublePointer[] weightGrads;
    private final DoublePointer[] biasGrads;
    private final DoublePointer[] outputs;   // o_0 = x, o_t = ReLU(z_t) (t < D), o_D = z_D (logits)
    private final DoublePointer[] linears;   // A_t·o_{t−1} (without the bias), d_t × B
    private final DoublePointer[] deltas;    // δ_t = dL/dz_t, d_t × B
    private final DoubleBuffer[] w;
    private final DoubleBuffer[] b;
    private final DoubleBuffer[] gw;
    private final DoubleBuffer[] gb;
    private final DoubleBuffer[] o;
    private final DoubleBuffer[] lin;
    private final DoubleBuffer[] d;

    /**
     * A network with widths {@code sizes} = (d_0, …, d_D), all parameters zero, for batches of up to
     * {@code capacity} examples.
     */
    public Mlp(int[] sizes, int capacity) {
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1) || capacity < 1) {
            throw new IllegalArgumentException("need ≥ 2 positive widths and capacity ≥ 1, got "
                    + Arrays.toString(sizes) + ", " + capacity);
        }
        Nd4jRuntime.init();   // one BLAS thread, shared with ND4J
        this.sizes = sizes.clone();
        this.depth = sizes.length - 1;
        this.capacity = capacity;
        weights = new DoublePointer[depth + 1];
        biases = new DoublePointer[depth + 1];
        weightGrads = new DoublePointer[depth + 1];
        biasGrads = new DoublePointer[depth + 1];
        outputs = new DoublePointer[depth + 1];
        linears = new DoublePointer[depth + 1];
        deltas = new DoublePointer[depth + 1];
        w = new DoubleBuffer[depth + 1];
        b = new DoubleBuffer[depth + 1];
        gw = new DoubleBuffer[depth + 1];
        gb = new DoubleBuffer[depth + 1];
        o = new DoubleBuffer[depth + 1];
        lin = new DoubleBuffer[depth + 1];
        d = new DoubleBuffer[depth + 1];
        outputs[0] = zeros((long) sizes[0] * capacity);
        o[0] = buffer(outputs[0]);
        for (int t = 1; t <= depth; t++) {
            weights[t] = zeros((long) sizes[t] * sizes[t - 1]);
            biases[t] = zeros(sizes[t]);
            weightGrads[t] = zeros((long) sizes[t] * sizes[t - 1]);
            biasGrads[t] = zeros(sizes[t]);
            outputs[t] = zeros((long) sizes[t] * capacity);
            linears[t] = zeros((long) sizes[t] * capacity);
            deltas[t] = zeros((long) sizes[t] * capacity);
            w[t] = buffer(weights[t]);
            b[t] = buffer(biases[t]);
            gw[t] = buffer(weightGrads[t]);
            gb[t] = buffer(biasGrads[t]);
            o[t] = buffer(outputs[t]);
            lin[t] = buffer(linears[t]);
            d[t] = buffer(deltas[t]);
        }
    }

    private static DoublePointer zeros(long n) {
        DoublePointer p = new DoublePointer(n);
        p.fill(0);
        return p;
    }

    private static DoubleBuffer buffer(DoublePointer p) {
        return p.asByteBuffer().order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /** Draws A_1, b_1, A_2, b_2, … (row-major) from {@code init} with each layer's fan-in, as {@link Network#of}. */
    public void initialize(Init init) {
        for (int t = 1; t <= depth; t++) {
            for (int i = 0; i < w[t].capacity(); i++) {
                w[t].put(i, init.sample(sizes[t - 1]));
            }
            for (int i = 0; i < sizes[t]; i++) {
                b[t].put(i, init.sample(sizes[t - 1]));
            }
        }
    }

    /** (d_0, …, d_D). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** D, the number of layers with weights. */
    public int depth() {
        return depth;
    }

    /** The largest batch {@link #forward} takes. */
    public int capacity() {
        return capacity;
    }

    /** The live parameters A_1, b_1, A_2, b_2, … (writes change the network). */
    public List<DoubleBuffer> parameters() {
        DoubleBuffer[] out = new DoubleBuffer[2 * depth];
        for (int t = 1; t <= depth; t++) {
            out[2 * t - 2] = w[t];
            out[2 * t - 1] = b[t];
        }
        return List.of(out);
    }

    /** The live gradients ∇A_1, ∇b_1, … of the last {@link #backward}, aligned with {@link #parameters()}. */
    public List<DoubleBuffer> gradients() {
        DoubleBuffer[] out = new DoubleBuffer[2 * depth];
        for (int t = 1; t <= depth; t++) {
            out[2 * t - 2] = gw[t];
            out[2 * t - 1] = gb[t];
        }
        return List.of(out);
    }

    /** Copies all parameters into new {@code double[]}s (A row-major), in {@link #parameters()} order. */
    public double[][] parameterArrays() {
        List<DoubleBuffer> ps = parameters();
        double[][] out = new double[ps.size()][];
        for (int p = 0; p < out.length; p++) {
            out[p] = new double[ps.get(p).capacity()];
            ps.get(p).get(0, out[p]);
        }
        return out;
    }

    /** Overwrites all parameters from {@code double[]}s shaped as {@link #parameterArrays()}. */
    public void setParameters(double[][] values) {
        List<DoubleBuffer> ps = parameters();
        for (int p = 0; p < values.length; p++) {
            if (values[p].length != ps.get(p).capacity()) {
                throw new IllegalArgumentException("parameter " + p + " needs " + ps.get(p).capacity()
                        + " values, got " + values[p].length);
            }
            ps.get(p).put(0, values[p]);
        }
    }

    /** Puts examples {@code from … from+count−1} of a row-major n×d_0 array into the input batch. */
    public void load(double[] xRowMajor, int from, int count) {
        checkBatch(count);
        o[0].put(0, xRowMajor, from * sizes[0], count * sizes[0]);
    }

    /** Puts examples {@code index[from … from+count−1]} of a row-major n×d_0 array into the input batch. */
    public void gather(double[] xRowMajor, int[] index, int from, int count) {
        checkBatch(count);
        int d0 = sizes[0];
        for (int k = 0; k < count; k++) {
            o[0].put(k * d0, xRowMajor, index[from + k] * d0, d0);
        }
    }

    private void checkBatch(int count) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("batch of " + count + " outside [1, " + capacity + "]");
        }
    }

    /** Forward pass of the loaded batch of B examples through all layers. */
    public void forward(int batch) {
        forwardFrom(0, batch);
    }

    /**
     * Forward pass from layer {@code from}'s output o_from (as it is in {@link #output(int)}, e.g. with noise
     * added) through layers from+1 … D.
     */
    public void forwardFrom(int from, int batch) {
        checkBatch(batch);
        for (int t = from + 1; t <= depth; t++) {
            int out = sizes[t];
            int in = sizes[t - 1];
            // A_t·o_{t−1}: A_t row-major d_t×d_{t−1} is column-major d_{t−1}×d_t, hence TRANS
            openblas.cblas_dgemm(COL_MAJOR, TRANS, NO_TRANS, out, batch, in, 1.0, weights[t], in, outputs[t - 1], in,
                    0.0, linears[t], out);
            DoubleBuffer z = lin[t];
            DoubleBuffer y = o[t];
            DoubleBuffer bias = b[t];
            boolean relu = t < depth;
            for (int k = 0, base = 0; k < batch; k++, base += out) {
                for (int i = 0; i < out; i++) {
                    double v = z.get(base + i) + bias.get(i);                  // z_t = A_t·o_{t−1} + b_t
                    y.put(base + i, relu && v < 0 ? 0.0 : v);                   // o_t = max(0, z_t), o_D = z_D
                }
            }
        }
    }

    /**
     * Softmax cross-entropy of the forward batch against {@code labels[from …]}, and back-propagation of its
     * batch mean L = (1/B) Σ_k [lse(z_D,k) − z_D,k[y_k]] into {@link #gradients()} (lecture 003,
     * "Back-Propagation: Pseudo-code": δ_D = (softmax(z_D) − e_y)/B, ∇A_t = δ_t·o_{t−1}ᵀ, ∇b_t = δ_t·1,
     * δ_{t−1} = (A_tᵀ·δ_t) ⊙ 1[z_{t−1} > 0]).
     *
     * @return the mean loss L of the batch
     */
    public double backward(int[] labels, int from, int batch) {
        double loss = softmaxDelta(labels, from, batch);
        for (int t = depth; t >= 1; t--) {
            int out = sizes[t];
            int in = sizes[t - 1];
            // ∇A_t (row-major d_t×d_{t−1} = column-major d_{t−1}×d_t) = o_{t−1}·δ_tᵀ in column-major terms
            openblas.cblas_dgemm(COL_MAJOR, NO_TRANS, TRANS, in, out, batch, 1.0, outputs[t - 1], in, deltas[t], out,
                    0.0, weightGrads[t], in);
            DoubleBuffer delta = d[t];
            DoubleBuffer g = gb[t];
            for (int i = 0; i < out; i++) {
                g.put(i, 0.0);
            }
            for (int k = 0, base = 0; k < batch; k++, base += out) {
                for (int i = 0; i < out; i++) {
                    g.put(i, g.get(i) + delta.get(base + i));                 // ∇b_t = δ_t·1
                }
            }
            if (t > 1) {
                // A_tᵀ·δ_t: A_t viewed column-major is d_{t−1}×d_t = A_tᵀ, so NO_TRANS
                openblas.cblas_dgemm(COL_MAJOR, NO_TRANS, NO_TRANS, in, batch, out, 1.0, weights[t], in, deltas[t], out,
                        0.0, deltas[t - 1], in);
                DoubleBuffer prev = d[t - 1];
                DoubleBuffer act = o[t - 1];
                int n = in * batch;
                for (int e = 0; e < n; e++) {
                    if (act.get(e) <= 0) {                                     // σ'(z) = 1[z > 0] ⇔ o > 0
                        prev.put(e, 0.0);
                    }
                }
            }
        }
        return loss;
    }

    /** δ_D = (softmax(z_D) − e_y)/B in place of the logits' delta; returns the mean cross-entropy. */
    private double softmaxDelta(int[] labels, int from, int batch) {
        int k10 = sizes[depth];
        DoubleBuffer z = o[depth];
        DoubleBuffer delta = d[depth];
        double sum = 0;
        for (int k = 0, base = 0; k < batch; k++, base += k10) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k10; i++) {
                m = Math.max(m, z.get(base + i));
            }
            double s = 0;
            for (int i = 0; i < k10; i++) {
                double e = Math.exp(z.get(base + i) - m);
                delta.put(base + i, e);
                s += e;
            }
            int y = labels[from + k];
            sum += m + Math.log(s) - z.get(base + y);                          // ℓ = lse(z) − z_y
            for (int i = 0; i < k10; i++) {
                delta.put(base + i, (delta.get(base + i) / s - (i == y ? 1 : 0)) / batch);  // (softmax − e_y)/B
            }
        }
        return sum / batch;
    }

    /**
     * Mean cross-entropy and accuracy of the forward batch against {@code labels[from …]}: {sum of losses, number
     * correct} are added to {@code acc[0]}, {@code acc[1]} (argmax ties go to the lower class).
     */
    public void score(int[] labels, int from, int batch, double[] acc) {
        int k10 = sizes[depth];
        DoubleBuffer z = o[depth];
        for (int k = 0, base = 0; k < batch; k++, base += k10) {
            double m = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int i = 0; i < k10; i++) {
                double v = z.get(base + i);
                if (v > m) {
                    m = v;
                    arg = i;
                }
            }
            double s = 0;
            for (int i = 0; i < k10; i++) {
                s += Math.exp(z.get(base + i) - m);
            }
            int y = labels[from + k];
            acc[0] += m + Math.log(s) - z.get(base + y);
            acc[1] += arg == y ? 1 : 0;
        }
    }

    /** Layer t's output o_t of the last forward (o_0 = the input), live, column-major d_t × B. */
    public DoubleBuffer output(int t) {
        return o[t];
    }

    /** A_t·o_{t−1} of the last forward, without the bias, live, column-major d_t × B (t ≥ 1). */
    public DoubleBuffer linear(int t) {
        return lin[t];
    }
}
