package org.trainscope.engine.optim;

/** A learning-rate schedule η_t, t = 0, 1, 2, … the number of steps already taken. */
public sealed interface LearningRate {
    double at(long t);

    /** η_t = η₀. */
    record Constant(double eta0) implements LearningRate {
        @Override
        public double at(long t) {
            return eta0;
        }
    }

    /** η_t = η₀·γ^⌊t/k⌋: multiply by γ every k steps. */
    record StepDecay(double eta0, double gamma, long every) implements LearningRate {
        public StepDecay {
            if (every < 1) {
                throw new IllegalArgumentException("step decay needs every ≥ 1");
            }
        }

        @Override
        public double at(long t) {
            return eta0 * StrictMath.pow(gamma, Math.floorDiv(t, every));
        }
    }

    /** η_t = η₀(1+c)^t; c &lt; 0 decays, c &gt; 0 grows (the "exponential learning rates" of lecture 001). */
    record Exponential(double eta0, double c) implements LearningRate {
        public Exponential {
            if (c <= -1.0) {
                throw new IllegalArgumentException("exponential schedule needs c > -1");
            }
        }

        @Override
        public double at(long t) {
            return eta0 * StrictMath.pow(1.0 + c, t);
        }
    }

    /** η_t = η₀/(1 + t/k): Robbins &amp; Monro's (1951) decay, Ση_t = ∞ and Ση_t² &lt; ∞ (lecture 003, SGD). */
    record InverseTime(double eta0, double k) implements LearningRate {
        public InverseTime {
            if (!(k > 0)) {
                throw new IllegalArgumentException("inverse-time schedule needs k > 0");
            }
        }

        @Override
        public double at(long t) {
            return eta0 / (1.0 + t / k);
        }
    }
}
