package org.trainscope.engine.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer o = σ(z), z = W·x + b·1ᵀ, on a batch x ∈ R^{in×B} (one example per column).
 *
 * <p>The layer owns its parameters W ∈ R^{out×in} and b ∈ R^{out} (rank 1), both DOUBLE, 'c' order, contiguous,
 * so that {@link Flat} can copy them in bulk; updating them in place changes the layer. It keeps no per-call state:
 * {@link #forward} returns a {@link Cache} with what back-propagation needs, so forwards never clobber each other.
 */
public final class DenseLayer {
    private final INDArray weights;
    private final INDArray bias;
    private final Activation activation;

    /**
     * Wraps existing parameter arrays (not copied).
     *
     * @param weights W, out×in, DOUBLE, 'c' order, not a view
     * @param bias    b, rank 1 of length out, DOUBLE, not a view
     */
    public DenseLayer(INDArray weights, INDArray bias, Activation activation) {
        if (weights.rank() != 2 || bias.rank() != 1 || bias.length() != weights.size(0)) {
            throw new IllegalArgumentException("need W out×in and b of length out, got W "
                    + Arrays.toString(weights.shape()) + ", b " + Arrays.toString(bias.shape()));
        }
        if (weights.dataType() != DataType.DOUBLE || bias.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("parameters must be DOUBLE, got " + weights.dataType() + ", "
                    + bias.dataType());
        }
        if (!Flat.isDense(weights) || !Flat.isDense(bias)) {
            throw new IllegalArgumentException("parameters must be contiguous 'c'-order arrays, not views");
        }
        this.weights = weights;
        this.bias = bias;
        this.activation = activation;
    }

    /** A new layer with every entry of W (row-major) and then b drawn from {@code init} with fan-in {@code in}. */
    public static DenseLayer initialized(int in, int out, Activation activation, Init init) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("layer sizes must be ≥ 1, got " + in + "→" + out);
        }
        double[] w = new double[Math.multiplyExact(in, out)];
        for (int i = 0; i < w.length; i++) {
            w[i] = init.sample(in);
        }
        double[] b = new double[out];
        for (int i = 0; i < out; i++) {
            b[i] = init.sample(in);
        }
        return new DenseLayer(Nd4j.create(w, new long[] {out, in}, 'c'), Nd4j.createFromArray(b), activation);
    }

    /**
     * What {@link #backward} needs from one forward pass: its input o_{t−1}, pre-activation z_t and output o_t.
     * Read-only: for IDENTITY, z_t and o_t are the same array.
     */
    public record Cache(INDArray input, INDArray preActivation, INDArray output) {
    }

    /** dL/d(input) = dL/do_{t−1}, ∇W = dL/dW and ∇b = dL/db of one backward pass, new arrays. */
    public record Gradient(INDArray input, INDArray weights, INDArray bias) {
    }

    /** Forward pass on a batch x ∈ R^{in×B}. */
    public Cache forward(INDArray x) {
        if (x.rank() != 2 || x.size(0) != fanIn()) {
            throw new IllegalArgumentException("input must be " + fanIn() + "×B, got " + Arrays.toString(x.shape()));
        }
        INDArray z = weights.mmul(x).addiColumnVector(bias);     // z_t = W·o_{t−1} + b·1ᵀ
        INDArray o = activation == Activation.IDENTITY ? z : activation.apply(z);   // o_t = σ(z_t)
        return new Cache(x, z, o);
    }

    /**
     * Backward pass (lecture 003, "Back-Propagation: Pseudo-code", with column vectors so δ_t = Jᵀ·δ_{t+1}).
     *
     * @param cache          the forward pass to differentiate
     * @param outputGradient δ = dL/do_t, out×B
     */
    public Gradient backward(Cache cache, INDArray outputGradient) {
        return backward(cache, outputGradient, true);
    }

    /** As {@link #backward(Cache, INDArray)}; without {@code withInput} (first layer) dL/do_{t−1} is null. */
    Gradient backward(Cache cache, INDArray outputGradient, boolean withInput) {
        if (!Arrays.equals(outputGradient.shape(), cache.output().shape())) {
            throw new IllegalArgumentException("dL/do must be shaped like the output "
                    + Arrays.toString(cache.output().shape()) + ", got " + Arrays.toString(outputGradient.shape()));
        }
        INDArray deltaZ = activation == Activation.IDENTITY
                ? outputGradient                                                  // σ' = 1: δ_z = δ
                : activation.derivative(cache.preActivation(), cache.output())
                        .muli(outputGradient);                                    // δ_z = δ ⊙ σ'(z_t), J = diag(σ')
        INDArray gradW = deltaZ.mmul(cache.input().transpose());                  // ∇W = δ_z·o_{t−1}ᵀ
        INDArray gradB = deltaZ.sum(1);                                           // ∇b = δ_z·1 = Σ_batch δ_z
        INDArray gradInput = withInput ? weights.transpose().mmul(deltaZ) : null; // dL/do_{t−1} = Wᵀ·δ_z, J = W
        return new Gradient(gradInput, gradW, gradB);
    }

    /** W, out×in (live: in-place changes affect the layer). */
    public INDArray weights() {
        return weights;
    }

    /** b, rank 1 of length out (live). */
    public INDArray bias() {
        return bias;
    }

    public Activation activation() {
        return activation;
    }

    /** Number of inputs, the column count of W. */
    public int fanIn() {
        return (int) weights.size(1);
    }

    /** Number of outputs, the row count of W. */
    public int fanOut() {
        return (int) weights.size(0);
    }

    /** |W| + |b|. */
    public int parameterCount() {
        return (int) (weights.length() + bias.length());
    }
}
