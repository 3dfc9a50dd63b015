package org.trainscope.engine.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.linalg.TwoCores;

/**
 * A ReLU multilayer perceptron with a linear output layer and softmax cross-entropy, in FLOAT (32-bit, PyTorch's
 * default and the precision of the peers it is compared with), on preallocated native buffers: every matrix product
 * is one {@code cblas_sgemm} on the buffers (no ND4J op, no allocation), ∇b = δ·1 one {@code cblas_sgemv}, and
 * bias + ReLU, softmax and the ReLU mask are plain-Java loops without data-dependent branches. This is the
 * small-minibatch path that ND4J's 10–40 µs per op makes slow (shared/STACK.md); the math is that of
 * {@link Network} with {@link Activation#RELU} hidden layers, {@link Activation#IDENTITY} output and
 * {@link Loss#SOFTMAX_CROSS_ENTROPY}. All parameters live in one vector θ (and ∇L in one alike), so an optimizer
 * can update them with a few BLAS calls ({@link #parameterAddress()}, {@link #gradientAddress()}).
 *
 * <p><b>Two halves.</b> A batch of {@value #SPLIT_AT} or more examples is computed as two halves, the second on
 * the second core ({@link TwoCores}) when the machine has one: the examples are independent until their gradients are
 * summed, and that sum is always taken in the same order (first half + second half), so the numbers depend on the
 * batch size only — the same on one core or two, on every run.
 *
 * <p><b>Layout.</b> Layer t (1…D) has A_t ∈ R^{d_t×d_{t−1}} stored row-major (entry (i, j) at i·d_{t−1} + j, as
 * {@link Flat} and the optimizers store it) and b_t ∈ R^{d_t}. A batch is one example per column, column-major:
 * example k of layer t's output at offset k·d_t. Lifecycle: {@link #load}/{@link #gather} a batch into the input,
 * {@link #forward}, then {@link #backward} for ∇ of the mean loss; read {@link #output(int)}, {@link #linear}.
 * The buffers are {@link MlpBuffers}; the loss at the top is {@link SoftmaxCrossEntropy}. Not thread-safe.
 */
public final class Mlp {
    /** Batches at least this large are computed as two halves (see the class comment). */
    public static final int SPLIT_AT = 256;
    private static final int F = Float.BYTES;

    private final int[] sizes;
    private final int depth;
    private final int capacity;
    private final MlpBuffers m;              // every native buffer and its address
    private final double[] halfLoss = new double[2];

    /**
     * A network with widths {@code sizes} = (d_0, …, d_D), all parameters zero, for batches of up to
     * {@code capacity} examples.
     */
    public Mlp(int[] sizes, int capacity) {
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1) || capacity < 1) {
            throw new IllegalArgumentException("need ≥ 2 positive widths and capacity ≥ 1, got "
                    + Arrays.toString(sizes) + ", " + capacity);
        }
        Blas.load();
        this.sizes = sizes.clone();
        this.depth = sizes.length - 1;
        this.capacity = capacity;
        this.m = new MlpBuffers(this.sizes, capacity);
    }

    /** P, the number of parameters (weights and biases). */
    public int parameterCount() {
        return m.count;
    }

    /** The native address of θ = (A_1, b_1, A_2, b_2, …): P floats in {@link #parameters()} order, for {@link Blas}. */
    public long parameterAddress() {
        return m.theta;
    }

    /** The native address of ∇L of the last {@link #backward}, laid out as {@link #parameterAddress()}. */
    public long gradientAddress() {
        return m.grad;
    }

    /** Draws A_1, b_1, A_2, b_2, … (row-major) from {@code init} with each layer's fan-in, as {@link Network#of}. */
    public void initialize(Init init) {
        for (int t = 1; t <= depth; t++) {
            for (int i = 0; i < m.w[t].capacity(); i++) {
                m.w[t].put(i, (float) init.sample(sizes[t - 1]));
            }
            for (int i = 0; i < sizes[t]; i++) {
                m.b[t].put(i, (float) init.sample(sizes[t - 1]));
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
    public List<FloatBuffer> parameters() {
        FloatBuffer[] out = new FloatBuffer[2 * depth];
        for (int t = 1; t <= depth; t++) {
            out[2 * t - 2] = m.w[t];
            out[2 * t - 1] = m.b[t];
        }
        return List.of(out);
    }

    /** The live gradients ∇A_1, ∇b_1, … of the last {@link #backward}, aligned with {@link #parameters()}. */
    public List<FloatBuffer> gradients() {
        FloatBuffer[] out = new FloatBuffer[2 * depth];
        for (int t = 1; t <= depth; t++) {
            out[2 * t - 2] = m.gw[t];
            out[2 * t - 1] = m.gb[t];
        }
        return List.of(out);
    }

    /** Copies all parameters into new {@code double[]}s (A row-major), in {@link #parameters()} order; exact. */
    public double[][] parameterArrays() {
        List<FloatBuffer> ps = parameters();
        double[][] out = new double[ps.size()][];
        for (int p = 0; p < out.length; p++) {
            FloatBuffer src = ps.get(p);
            out[p] = new double[src.capacity()];
            for (int i = 0; i < out[p].length; i++) {
                out[p][i] = src.get(i);
            }
        }
        return out;
    }

    /** Overwrites all parameters from arrays shaped as {@link #parameterArrays()}, rounded to FLOAT. */
    public void setParameters(double[][] values) {
        List<FloatBuffer> ps = parameters();
        for (int p = 0; p < values.length; p++) {
            FloatBuffer dst = ps.get(p);
            if (values[p].length != dst.capacity()) {
                throw new IllegalArgumentException("parameter " + p + " needs " + dst.capacity()
                        + " values, got " + values[p].length);
            }
            for (int i = 0; i < values[p].length; i++) {
                dst.put(i, (float) values[p][i]);
            }
        }
    }

    /** Puts examples {@code from … from+count−1} of a row-major n×d_0 array into the input batch. */
    public void load(float[] xRowMajor, int from, int count) {
        checkBatch(count);
        m.o[0].put(0, xRowMajor, from * sizes[0], count * sizes[0]);
    }

    /** As {@link #load(float[], int, int)}, rounding to FLOAT. */
    public void load(double[] xRowMajor, int from, int count) {
        checkBatch(count);
        int n = count * sizes[0];
        int off = from * sizes[0];
        for (int e = 0; e < n; e++) {
            m.o[0].put(e, (float) xRowMajor[off + e]);
        }
    }

    /** Puts examples {@code index[from … from+count−1]} of a row-major n×d_0 array into the input batch. */
    public void gather(float[] xRowMajor, int[] index, int from, int count) {
        checkBatch(count);
        int d0 = sizes[0];
        for (int k = 0; k < count; k++) {
            m.o[0].put(k * d0, xRowMajor, index[from + k] * d0, d0);
        }
    }

    private void checkColumns(int c0, int c1) {
        if (c0 < 0 || c0 > c1 || c1 > capacity) {
            throw new IllegalArgumentException("examples " + c0 + " … " + (c1 - 1) + " outside [0, " + capacity + ")");
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
        inHalves(batch, (half, c0, c1) -> forwardColumns(from, c0, c1));
    }

    /**
     * {@link #forwardFrom} for examples {@code c0 … c1−1} of the batch only; two disjoint ranges may run on two
     * threads at once (e.g. {@link TwoCores#halves}).
     */
    public void forwardColumns(int from, int c0, int c1) {
        checkColumns(c0, c1);
        int cols = c1 - c0;
        for (int t = from + 1; t <= depth; t++) {
            int out = sizes[t];
            int in = sizes[t - 1];
            long z = m.outputs[t] + (long) F * c0 * out;
            // A_t·o_{t−1}: A_t row-major d_t×d_{t−1} is column-major d_{t−1}×d_t, hence TRANS
            Blas.cblas_sgemm(Blas.COL_MAJOR, Blas.TRANS, Blas.NO_TRANS, out, cols, in, 1f, m.weights[t], in,
                    m.outputs[t - 1] + (long) F * c0 * in, in, 0f, z, out);
            biasAndActivation(t, c0, c1);
        }
    }

    /**
     * The rest of layer t's forward step for examples c0 … c1−1 after {@link #linear}: o_t = φ(A_t·o_{t−1} + b_t)
     * from the linear part (the same bits as {@link #forwardColumns}), so a probe that wants both pays one product.
     */
    public void activate(int t, int c0, int c1) {
        checkColumns(c0, c1);
        int out = sizes[t];
        Blas.cblas_scopy((c1 - c0) * out, m.linears[t] + (long) F * c0 * out, 1, m.outputs[t] + (long) F * c0 * out, 1);
        biasAndActivation(t, c0, c1);
    }

    /** o_t ← φ(o_t + b_t) on examples c0 … c1−1, o_t holding A_t·o_{t−1}; φ = ReLU below the top, identity at it. */
    private void biasAndActivation(int t, int c0, int c1) {
        int out = sizes[t];
        // z_t = A_t·o_{t−1} + b_t·1ᵀ: one rounding of the sum per entry, as a plain loop would do
        Blas.cblas_sger(Blas.COL_MAJOR, out, c1 - c0, 1f, m.biases[t], 1, m.ones, 1,
                m.outputs[t] + (long) F * c0 * out, out);
        if (t < depth) {
            FloatBuffer y = m.o[t];
            // no branches on the data: a ReLU's sign is a coin flip to the branch predictor (it cost 40 µs a step)
            for (int e = c0 * out, end = c1 * out; e < end; e++) {
                y.put(e, Math.max(y.get(e), 0f));                                  // o_t = max(0, z_t); o_D = z_D
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
        checkBatch(batch);
        halfLoss[1] = 0;
        inHalves(batch, (half, c0, c1) -> halfLoss[half] = backwardColumns(half, labels, from, c0, c1, batch));
        if (batch >= SPLIT_AT) {
            Blas.cblas_saxpy(m.count, 1f, m.grad2, 1, m.grad, 1);        // Σ over the batch = first + second half
        }
        return (halfLoss[0] + halfLoss[1]) / batch;
    }

    /** Back-propagation of columns c0 … c1−1 (of a batch of B) into half {@code half}'s gradients; the loss sum. */
    private double backwardColumns(int half, int[] labels, int from, int c0, int c1, int batch) {
        double loss = SoftmaxCrossEntropy.delta(m.o[depth], m.d[depth], sizes[depth], labels, from, c0, c1, batch);
        for (int t = depth; t >= 1; t--) {
            gradient(t, half, c0, c1);
            if (t > 1) {                                                         // δ_0 is not needed
                propagate(t, c0, c1);
            }
        }
        return loss;
    }

    /** ∇A_t = δ_t·o_{t−1}ᵀ and ∇b_t = δ_t·1 over columns c0 … c1−1, into half {@code half}'s gradient. */
    private void gradient(int t, int half, int c0, int c1) {
        int out = sizes[t];
        int in = sizes[t - 1];
        long deltaT = m.deltas[t] + (long) F * c0 * out;
        // ∇A_t (row-major d_t×d_{t−1} = column-major d_{t−1}×d_t) = o_{t−1}·δ_tᵀ in column-major terms
        Blas.cblas_sgemm(Blas.COL_MAJOR, Blas.NO_TRANS, Blas.TRANS, in, out, c1 - c0, 1f,
                m.outputs[t - 1] + (long) F * c0 * in, in, deltaT, out, 0f, m.weightGrads[half][t], in);
        Blas.cblas_sgemv(Blas.COL_MAJOR, Blas.NO_TRANS, out, c1 - c0, 1f, deltaT, out, m.ones, 1, 0f,
                m.biasGrads[half][t], 1);                                          // ∇b_t = δ_t·1
    }

    /** δ_{t−1} = (A_tᵀ·δ_t) ⊙ 1[z_{t−1} > 0] over columns c0 … c1−1 (t ≥ 2). */
    private void propagate(int t, int c0, int c1) {
        int out = sizes[t];
        int in = sizes[t - 1];
        // A_tᵀ·δ_t: A_t viewed column-major is d_{t−1}×d_t = A_tᵀ, so NO_TRANS
        Blas.cblas_sgemm(Blas.COL_MAJOR, Blas.NO_TRANS, Blas.NO_TRANS, in, c1 - c0, out, 1f, m.weights[t], in,
                m.deltas[t] + (long) F * c0 * out, out, 0f, m.deltas[t - 1] + (long) F * c0 * in, in);
        FloatBuffer prev = m.d[t - 1];
        FloatBuffer act = m.o[t - 1];
        for (int e = c0 * in, end = c1 * in; e < end; e++) {
            // σ'(z) = 1[z > 0] ⇔ o > 0, as a bit mask: o ≥ 0, and its bits are 0 exactly when o = +0
            int on = Float.floatToRawIntBits(act.get(e));
            int mask = (on | -on) >> 31;
            prev.put(e, Float.intBitsToFloat(Float.floatToRawIntBits(prev.get(e)) & mask));
        }
    }

    /**
     * Mean cross-entropy and accuracy of the forward batch against {@code labels[from …]}: {sum of losses, number
     * correct} are added to {@code acc[0]}, {@code acc[1]} (argmax ties go to the lower class).
     */
    public void score(int[] labels, int from, int batch, double[] acc) {
        SoftmaxCrossEntropy.score(m.o[depth], sizes[depth], labels, from, batch, acc);
    }

    /** Layer t's output o_t of the last forward (o_0 = the input), live, column-major d_t × B. */
    public FloatBuffer output(int t) {
        return m.o[t];
    }

    /**
     * A_t·o_{t−1} without the bias, for examples {@code c0 … c1−1} of the last forward, column-major d_t × B
     * (t ≥ 1; example k at k·d_t): computed on request (the probes want it; training does not, and keeping it would
     * cost a pass over memory per layer). Disjoint ranges may be computed on two threads at once.
     */
    public FloatBuffer linear(int t, int c0, int c1) {
        checkColumns(c0, c1);
        int out = sizes[t];
        int in = sizes[t - 1];
        Blas.cblas_sgemm(Blas.COL_MAJOR, Blas.TRANS, Blas.NO_TRANS, out, c1 - c0, in, 1f, m.weights[t], in,
                m.outputs[t - 1] + (long) F * c0 * in, in, 0f, m.linears[t] + (long) F * c0 * out, out);
        return m.lin[t];
    }

    /** Copies the first {@code count} values of o_t into {@code dst[off …]}, widened to double. */
    public void copyOutput(int t, double[] dst, int off, int count) {
        FloatBuffer src = m.o[t];
        for (int e = 0; e < count; e++) {
            dst[off + e] = src.get(e);
        }
    }

    /** Runs {@code body} on all columns, or on two halves (the second on the second core) for large batches. */
    private static void inHalves(int batch, TwoCores.Half body) {
        if (batch < SPLIT_AT) {
            body.run(0, 0, batch);
        } else {
            TwoCores.halves(batch, body);
        }
    }
}
