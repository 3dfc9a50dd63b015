package org.trainscope.engine.nn;

import java.util.function.DoubleSupplier;

/**
 * How initial parameters are drawn. The caller supplies the random numbers, so the caller owns the seed: the same
 * supplier state gives the same network. Parameters are drawn layer by layer, each layer's W in row-major order
 * then its b — weights and biases alike, as in PyTorch's {@code nn.Linear} and in lecture 002, where the bias is
 * just one more column of T_d.
 */
public sealed interface Init {

    /** One parameter of a layer with fan-in {@code fanIn} (its number of inputs). */
    double sample(int fanIn);

    /**
     * θ ~ U(−1/√fan_in, 1/√fan_in), PyTorch's {@code nn.Linear} default for weights and biases.
     *
     * @param unit a supplier of uniform numbers in [0, 1), e.g. {@code random::nextDouble}
     */
    static Init uniform(DoubleSupplier unit) {
        return new Uniform(unit);
    }

    /**
     * θ ~ N(0, σ²), e.g. σ = 1 as on the lecture 002 slide "Gradient Descent on the empirical loss".
     *
     * @param standardNormal a supplier of N(0, 1) numbers, e.g. {@code random::nextGaussian}
     */
    static Init gaussian(double sigma, DoubleSupplier standardNormal) {
        return new Gaussian(sigma, standardNormal);
    }

    /** See {@link Init#uniform}. */
    record Uniform(DoubleSupplier unit) implements Init {
        @Override
        public double sample(int fanIn) {
            return (2.0 * unit.getAsDouble() - 1.0) / Math.sqrt(fanIn);    // θ = (2u − 1)/√fan_in, u ~ U[0, 1)
        }
    }

    /** See {@link Init#gaussian}. */
    record Gaussian(double sigma, DoubleSupplier standardNormal) implements Init {
        public Gaussian {
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("σ must be finite and ≥ 0, got " + sigma);
            }
        }

        @Override
        public double sample(int fanIn) {
            return sigma * standardNormal.getAsDouble();                  // θ = σ·ξ, ξ ~ N(0, 1)
        }
    }
}
