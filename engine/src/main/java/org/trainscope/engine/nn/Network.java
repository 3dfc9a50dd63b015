package org.trainscope.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A feed-forward network x ↦ σ_D(W_D ⋯ σ_1(W_1·x + b_1) ⋯ + b_D), a sequence of {@link DenseLayer}s.
 *
 * <p>A training step: {@link Flat#copy(double[][], List)} θ into {@link #parameters()}, {@link #forward},
 * {@link Loss#gradient}, {@link #backward}, {@link Flat#copy(List, double[][])} the gradients out. Batches have one
 * example per column (see {@code package-info}).
 */
public final class Network {
    private final List<DenseLayer> layers;
    private final List<INDArray> parameters;

    /** A network of the given layers, which must chain: each layer's fan-in is the previous one's fan-out. */
    public Network(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int t = 1; t < layers.size(); t++) {
            if (layers.get(t).fanIn() != layers.get(t - 1).fanOut()) {
                throw new IllegalArgumentException("layer " + (t + 1) + " takes " + layers.get(t).fanIn()
                        + " inputs but layer " + t + " gives " + layers.get(t - 1).fanOut());
            }
        }
        this.layers = List.copyOf(layers);
        List<INDArray> p = new ArrayList<>(2 * layers.size());
        for (DenseLayer layer : layers) {
            p.add(layer.weights());
            p.add(layer.bias());
        }
        this.parameters = List.copyOf(p);
    }

    /**
     * A network with layer widths {@code sizes} = (d_0, d_1, …, d_D): D layers, {@code hidden} after layers 1…D−1
     * and {@code output} after layer D, every parameter drawn from {@code init} (layer by layer, W row-major then b).
     */
    public static Network of(int[] sizes, Activation hidden, Activation output, Init init) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("need at least input and output sizes, got " + Arrays.toString(sizes));
        }
        List<DenseLayer> layers = new ArrayList<>(sizes.length - 1);
        for (int t = 1; t < sizes.length; t++) {
            Activation sigma = t == sizes.length - 1 ? output : hidden;
            layers.add(DenseLayer.initialized(sizes[t - 1], sizes[t], sigma, init));
        }
        return new Network(layers);
    }

    /** Every layer's cache, in order, and the network output o_D (= the last cache's output). */
    public record Forward(List<DenseLayer.Cache> caches, INDArray output) {
        public Forward {
            caches = List.copyOf(caches);
        }
    }

    /** Forward pass on x ∈ R^{d_0×B}: o_0 = x, o_t = σ_t(W_t·o_{t−1} + b_t·1ᵀ). */
    public Forward forward(INDArray x) {
        List<DenseLayer.Cache> caches = new ArrayList<>(layers.size());
        INDArray o = x;
        for (DenseLayer layer : layers) {
            DenseLayer.Cache cache = layer.forward(o);
            caches.add(cache);
            o = cache.output();
        }
        return new Forward(caches, o);
    }

    /**
     * Back-propagation: δ_D = dL/do_D, then δ_{t−1} = W_tᵀ·(δ_t ⊙ σ_t'(z_t)) down to layer 1.
     *
     * @param forward        the pass to differentiate
     * @param outputGradient dL/do_D, e.g. {@link Loss#gradient}
     * @return ∇W_1, ∇b_1, ∇W_2, ∇b_2, …, aligned with {@link #parameters()}
     */
    public List<INDArray> backward(Forward forward, INDArray outputGradient) {
        INDArray[] gradients = new INDArray[parameters.size()];
        INDArray delta = outputGradient;
        for (int t = layers.size() - 1; t >= 0; t--) {
            boolean withInput = t > 0;                           // dL/dx of the first layer is not needed
            DenseLayer.Gradient g = layers.get(t).backward(forward.caches().get(t), delta, withInput);
            gradients[2 * t] = g.weights();
            gradients[2 * t + 1] = g.bias();
            delta = g.input();                                   // δ_{t−1} = W_tᵀ·δ_z
        }
        return List.of(gradients);
    }

    /** The live parameter arrays W_1, b_1, W_2, b_2, …; writing into them changes the network. */
    public List<INDArray> parameters() {
        return parameters;
    }

    /** Σ_t |W_t| + |b_t|. */
    public int parameterCount() {
        int n = 0;
        for (DenseLayer layer : layers) {
            n += layer.parameterCount();
        }
        return n;
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    /** d_0, the number of input features. */
    public int inputSize() {
        return layers.get(0).fanIn();
    }

    /** d_D, the number of outputs. */
    public int outputSize() {
        return layers.get(layers.size() - 1).fanOut();
    }
}
