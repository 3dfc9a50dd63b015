package org.trainscope.engine.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A loss L(ŷ, y) on a batch, with its gradient dL/dŷ.
 *
 * <p><b>Conventions.</b> ŷ and y are matrices of the same shape k×B, one example per column (see
 * {@code package-info}). Every loss is <em>summed over the k outputs and averaged over the B examples</em>:
 * L = (1/B) Σ_j ℓ(ŷ_j, y_j), the empirical risk r(θ) = (1/n) Σ ℓ of lecture 002 on a batch. The gradient has the
 * shape of ŷ and includes the 1/B. The kinked losses (HINGE) return a subgradient at the kink.
 */
public enum Loss {
    /** Squared error ℓ = ½‖ŷ − y‖² (lecture 002, "Recursive Equations of Backpropagation"). */
    SQUARED {
        @Override
        public double value(INDArray yHat, INDArray y) {
            check(yHat, y);
            return 0.5 * yHat.squaredDistance(y) / batch(yHat);    // L = (1/B) Σ_j ½‖ŷ_j − y_j‖²
        }

        @Override
        public INDArray gradient(INDArray yHat, INDArray y) {
            check(yHat, y);
            return yHat.sub(y).divi(batch(yHat));                  // dL/dŷ = (ŷ − y) / B
        }
    },
    /**
     * Softmax cross-entropy on logits: ŷ are raw scores (use an IDENTITY output layer), y are target distributions
     * per column — one-hot class labels, or any probability vector. ℓ = −Σ_i y_i log softmax(ŷ)_i
     * = (Σ_i y_i)·lse(ŷ) − yᵀŷ with lse(ŷ) = m + log Σ_i e^{ŷ_i − m}, m = max_i ŷ_i (stable for any logit size).
     * For columns of y that sum to 1 the gradient is the familiar (softmax(ŷ) − y)/B; the general form below is exact
     * for any y.
     */
    SOFTMAX_CROSS_ENTROPY {
        @Override
        public double value(INDArray yHat, INDArray y) {
            check(yHat, y);
            // L = (1/B) Σ_j [(1ᵀy_j)·lse(ŷ_j) − y_jᵀŷ_j]
            INDArray m = yHat.max(0);                                            // m_j = max_i ŷ_ij
            INDArray shifted = yHat.subRowVector(m);
            INDArray lse = Transforms.log(Transforms.exp(shifted, false).sum(0), false).addi(m);  // lse(ŷ_j)
            double crossTerm = y.mul(yHat).sumNumber().doubleValue();            // Σ_ij y_ij ŷ_ij
            return (y.sum(0).mul(lse).sumNumber().doubleValue() - crossTerm) / batch(yHat);
        }

        @Override
        public INDArray gradient(INDArray yHat, INDArray y) {
            check(yHat, y);
            INDArray e = Transforms.exp(yHat.subRowVector(yHat.max(0)), false);  // e^{ŷ − m}
            INDArray softmax = e.diviRowVector(e.sum(0));                       // softmax = e^{ŷ − m} / 1ᵀe^{ŷ − m}
            return softmax.muliRowVector(y.sum(0)).subi(y).divi(batch(yHat));   // dL/dŷ = (softmax(ŷ)·(1ᵀy) − y) / B
        }
    },
    /** Quartic loss ℓ = ¼‖ŷ − y‖₄⁴ = ¼ Σ_i (ŷ_i − y_i)⁴, flat near the target, steep far from it. */
    L4 {
        @Override
        public double value(INDArray yHat, INDArray y) {
            check(yHat, y);
            INDArray d2 = yHat.sub(y);
            d2.muli(d2);                                                        // (ŷ − y)²
            return 0.25 * d2.muli(d2).sumNumber().doubleValue() / batch(yHat);  // L = (1/B) Σ ¼(ŷ − y)⁴
        }

        @Override
        public INDArray gradient(INDArray yHat, INDArray y) {
            check(yHat, y);
            INDArray d = yHat.sub(y);
            return d.mul(d).muli(d).divi(batch(yHat));                          // dL/dŷ = (ŷ − y)³ / B
        }
    },
    /**
     * Binary hinge loss, one binary problem per output: targets y ∈ {−1, +1}, ℓ = Σ_i max(0, 1 − y_i·ŷ_i). At the kink
     * y·ŷ = 1 the subgradient 0 is returned; finite differences are unreliable there.
     */
    HINGE {
        @Override
        public double value(INDArray yHat, INDArray y) {
            check(yHat, y);
            INDArray slack = y.mul(yHat).rsubi(1.0);                            // 1 − y·ŷ
            return Transforms.relu(slack, false).sumNumber().doubleValue() / batch(yHat); // L = (1/B) Σ max(0, 1 − y·ŷ)
        }

        @Override
        public INDArray gradient(INDArray yHat, INDArray y) {
            check(yHat, y);
            INDArray active = Transforms.step(y.mul(yHat).rsubi(1.0), false);   // 1[y·ŷ < 1]
            return active.muli(y).divi(-batch(yHat));                           // dL/dŷ = −y·1[y·ŷ < 1] / B
        }
    };

    /** L(ŷ, y), summed over outputs and averaged over the batch (columns). */
    public abstract double value(INDArray yHat, INDArray y);

    /** dL/dŷ, a new k×B array (includes the 1/B of the batch average). */
    public abstract INDArray gradient(INDArray yHat, INDArray y);

    /** The lowercase name that {@link #of(String)} parses, e.g. {@code "softmax_cross_entropy"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a lowercase name such as {@code "squared"} or {@code "hinge"} (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the valid choices if the name is unknown
     */
    public static Loss of(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Loss l : values()) {
            if (l.label().equals(key)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown loss '" + name + "'; valid choices: "
                + Arrays.stream(values()).map(Loss::label).collect(Collectors.joining(", ")));
    }

    private static long batch(INDArray yHat) {
        return yHat.size(1);
    }

    private static void check(INDArray yHat, INDArray y) {
        if (yHat.rank() != 2 || !Arrays.equals(yHat.shape(), y.shape())) {
            throw new IllegalArgumentException("ŷ and y must be k×B matrices of the same shape, got "
                    + Arrays.toString(yHat.shape()) + " and " + Arrays.toString(y.shape()));
        }
    }
}
