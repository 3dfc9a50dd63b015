package org.trainscope.engine.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An elementwise activation σ and its derivative σ', as a pair (tensorflow/playground's {@code {output, der}}).
 *
 * <p>Both methods return a new array of the input's shape and data type and leave z unchanged. The derivative is
 * the elementwise σ'(z), i.e. the diagonal of the Jacobian J_z(σ) = diag(σ'(z)) (lecture 003, "Back-Propagation").
 */
public enum Activation {
    /** Rectified linear unit; σ'(0) is taken as 0 (a subgradient). */
    RELU {
        @Override
        public INDArray apply(INDArray z) {
            return Transforms.relu(z, true);                  // σ(z) = max(0, z)
        }

        @Override
        public INDArray derivative(INDArray z) {
            return Transforms.step(z, true);                  // σ'(z) = 1[z > 0]
        }
    },
    /** Logistic sigmoid. */
    SIGMOID {
        @Override
        public INDArray apply(INDArray z) {
            return Transforms.sigmoid(z, true);               // σ(z) = 1 / (1 + e^{−z})
        }

        @Override
        public INDArray derivative(INDArray z) {
            return Transforms.sigmoidDerivative(z, true);     // σ'(z) = σ(z)·(1 − σ(z))
        }

        @Override
        public INDArray derivative(INDArray z, INDArray o) {
            return o.rsub(1.0).muli(o);                       // σ'(z) = o·(1 − o), o = σ(z)
        }
    },
    /** Hyperbolic tangent. */
    TANH {
        @Override
        public INDArray apply(INDArray z) {
            return Transforms.tanh(z, true);                  // σ(z) = tanh z
        }

        @Override
        public INDArray derivative(INDArray z) {
            INDArray t = Transforms.tanh(z, true);
            return t.muli(t).rsubi(1.0);                      // σ'(z) = 1 − tanh² z
        }

        @Override
        public INDArray derivative(INDArray z, INDArray o) {
            return o.mul(o).rsubi(1.0);                       // σ'(z) = 1 − o², o = tanh z
        }
    },
    /** Softplus, a smooth ReLU; evaluated in the overflow-free form max(z, 0) + log(1 + e^{−|z|}). */
    SOFTPLUS {
        @Override
        public INDArray apply(INDArray z) {
            INDArray tail = Transforms.exp(Transforms.abs(z, true).negi(), false);
            return Transforms.log1p(tail, false).addi(Transforms.relu(z, true));  // σ(z) = log(1 + e^z)
        }

        @Override
        public INDArray derivative(INDArray z) {
            return Transforms.sigmoid(z, true);               // σ'(z) = 1 / (1 + e^{−z})
        }
    },
    /** The identity, for linear output layers (e.g. the logits fed to softmax cross-entropy). */
    IDENTITY {
        @Override
        public INDArray apply(INDArray z) {
            return z.dup();                                   // σ(z) = z
        }

        @Override
        public INDArray derivative(INDArray z) {
            return Nd4j.onesLike(z);                          // σ'(z) = 1
        }
    },
    /**
     * Heaviside step, the perceptron's threshold unit. Its derivative is 0 almost everywhere (a Dirac δ at 0, which
     * no gradient method can use), so back-propagation through a STEP layer yields zero gradients for everything
     * before it; it is here to show exactly that.
     */
    STEP {
        @Override
        public INDArray apply(INDArray z) {
            return Transforms.step(z, true);                  // σ(z) = H(z) = 1[z > 0]
        }

        @Override
        public INDArray derivative(INDArray z) {
            return Nd4j.zerosLike(z);                         // σ'(z) = 0 for z ≠ 0 (taken as 0 at z = 0 too)
        }
    };

    /** σ(z), elementwise, as a new array. */
    public abstract INDArray apply(INDArray z);

    /** σ'(z), elementwise, as a new array. */
    public abstract INDArray derivative(INDArray z);

    /**
     * σ'(z) when o = σ(z) is known too, as a new array: SIGMOID and TANH then skip re-evaluating σ (one ND4J op of
     * 10–80 µs per layer and step); the others ignore o.
     */
    public INDArray derivative(INDArray z, INDArray o) {
        return derivative(z);
    }

    /** The lowercase name that {@link #of(String)} parses, e.g. {@code "relu"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a lowercase name such as {@code "relu"} or {@code "softplus"} (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the valid choices if the name is unknown
     */
    public static Activation of(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.label().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown activation '" + name + "'; valid choices: "
                + Arrays.stream(values()).map(Activation::label).collect(Collectors.joining(", ")));
    }
}
