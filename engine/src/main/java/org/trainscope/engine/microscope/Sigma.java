package org.trainscope.engine.microscope;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A scalar activation σ with its derivative σ′, as a pair (tensorflow/playground's {@code {output, der}}): the
 * functions of lecture 003, "Common Activation Functions", and the ones used since. Plain doubles: the microscope's
 * nets are small, and the derivative test checks each σ′ against a central difference of σ.
 */
public enum Sigma {
    /** Heaviside step; σ′ = 0 away from 0 (taken as 0 at 0), so nothing flows back through it. */
    STEP {
        @Override
        public double value(double z) {
            return z > 0 ? 1 : 0;                               // σ(z) = 1{z > 0}
        }

        @Override
        public double derivative(double z) {
            return 0;                                           // σ′(z) = 0, z ≠ 0
        }
    },
    SIGMOID {
        @Override
        public double value(double z) {
            return 1 / (1 + Math.exp(-z));                      // σ(z) = 1 / (1 + e^{−z})
        }

        @Override
        public double derivative(double z) {
            double s = value(z);
            return s * (1 - s);                                 // σ′(z) = σ(z)(1 − σ(z))
        }
    },
    TANH {
        @Override
        public double value(double z) {
            return Math.tanh(z);                                // σ(z) = tanh z
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;                                   // σ′(z) = 1 − tanh² z
        }
    },
    /** σ′(0) taken as 0, a subgradient. */
    RELU {
        @Override
        public double value(double z) {
            return Math.max(z, 0);                              // σ(z) = max{z, 0}
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : 0;                               // σ′(z) = 1{z > 0}
        }
    },
    /** Slope {@link #LEAK} for z < 0 (Maas, Hannun & Ng 2013). */
    LEAKY_RELU {
        @Override
        public double value(double z) {
            return z > 0 ? z : LEAK * z;                        // σ(z) = max{z, αz}, α = 0.01
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : LEAK;                            // σ′(z) = 1 or α
        }
    },
    /** log(1 + e^z) in its overflow-free form max(z, 0) + log1p(e^{−|z|}). */
    SOFTPLUS {
        @Override
        public double value(double z) {
            return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));   // σ(z) = log(1 + e^z)
        }

        @Override
        public double derivative(double z) {
            return SIGMOID.value(z);                            // σ′(z) = 1 / (1 + e^{−z})
        }
    },
    /** Exponential linear unit with α = 1 (Clevert, Unterthiner & Hochreiter 2016). */
    ELU {
        @Override
        public double value(double z) {
            return z > 0 ? z : Math.expm1(z);                   // σ(z) = z, or e^z − 1 for z ≤ 0
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1 : Math.exp(z);                     // σ′(z) = 1, or e^z
        }
    },
    /**
     * GELU in the tanh form of Hendrycks & Gimpel 2016, σ(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³))) (Java has no
     * erf); σ′ is the exact derivative of that form.
     */
    GELU {
        @Override
        public double value(double z) {
            return 0.5 * z * (1 + Math.tanh(GELU_C * (z + GELU_A * z * z * z)));
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(GELU_C * (z + GELU_A * z * z * z));
            // σ′ = ½(1 + t) + ½z(1 − t²)·√(2/π)(1 + 3·0.044715z²)
            return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_C * (1 + 3 * GELU_A * z * z);
        }
    },
    LINEAR {
        @Override
        public double value(double z) {
            return z;                                           // σ(z) = z
        }

        @Override
        public double derivative(double z) {
            return 1;                                           // σ′(z) = 1
        }
    };

    /** The slope of leaky ReLU for z < 0. */
    public static final double LEAK = 0.01;
    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_A = 0.044715;

    /** σ(z). */
    public abstract double value(double z);

    /** σ′(z). */
    public abstract double derivative(double z);

    /** The name params use: {@code leaky_relu}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every label, in order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Sigma::label).toList();
    }

    /** The activation a param names (params have validated it). */
    public static Sigma of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
