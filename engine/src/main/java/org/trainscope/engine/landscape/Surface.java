package org.trainscope.engine.landscape;

import java.util.List;

/** A 2-D loss landscape f(x₁, x₂) with its analytic gradient and a view that frames its interesting part. */
public sealed interface Surface {
    List<String> NAMES = List.of("quadratic", "valley", "rosenbrock", "saddle", "himmelblau", "custom");

    String name();

    /** The formula as a user reads it. */
    String formula();

    double value(double x1, double x2);

    /** Writes ∇f(x₁, x₂) into {@code out[0..1]}. */
    void gradient(double x1, double x2, double[] out);

    /** ∇²f(x₁, x₂) as {h₁₁, h₁₂, h₂₂}: analytic, or by forward-mode differentiation of the formula. */
    double[] hessian(double x1, double x2);

    /**
     * λ_max of a symmetric 2×2 matrix {h₁₁, h₁₂, h₂₂}: (h₁₁ + h₂₂)/2 + √(((h₁₁ − h₂₂)/2)² + h₁₂²). GD at step η is
     * unstable where λ_max(∇²f) &gt; 2/η (lecture 000, "Black box analysis").
     */
    static double largestEigenvalue(double[] h) {
        return (h[0] + h[2]) / 2 + Math.hypot((h[0] - h[2]) / 2, h[1]);
    }

    /** The default view: {x1min, x1max, x2min, x2max}. */
    double[] view();

    /** Creates a surface by name; {@code a}, {@code b} are used by {@code quadratic} only. */
    static Surface of(String name, double a, double b) {
        return of(name, a, b, Custom.EXAMPLE);
    }

    /** The same, with the formula of {@code custom}. */
    static Surface of(String name, double a, double b, String formula) {
        return switch (name) {
            case "custom" -> new Custom(Formula.parse(formula));
            case "quadratic" -> new Quadratic(a, b);
            case "valley" -> new Valley();
            case "rosenbrock" -> new Rosenbrock();
            case "saddle" -> new Saddle();
            case "himmelblau" -> new Himmelblau();
            default -> throw new IllegalArgumentException("unknown function '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }

    /** f = a·x₁² + b·x₂² (lecture 003): gradient flow x_i(t) = x_i(0)e^{−2a_i t}, GD x_t = (1−2ηa)^t x_0. */
    record Quadratic(double a, double b) implements Surface {
        public String name() {
            return "quadratic";
        }

        public String formula() {
            return "f = a·x₁² + b·x₂²";
        }

        public double value(double x1, double x2) {
            return a * x1 * x1 + b * x2 * x2;
        }

        public void gradient(double x1, double x2, double[] out) {
            out[0] = 2 * a * x1; // ∂f/∂x₁ = 2a x₁
            out[1] = 2 * b * x2; // ∂f/∂x₂ = 2b x₂
        }

        public double[] hessian(double x1, double x2) {
            return new double[] {2 * a, 0, 2 * b};
        }

        public double[] view() {
            return new double[] {-2, 2, -2, 2};
        }
    }

    /** The narrow valley of lecture 003, "More interesting landscape": f = (x₁²−1)² + (x₁²x₂ − x₁ − 1)²; minima (1, 2) and (−1, 0). */
    record Valley() implements Surface {
        public String name() {
            return "valley";
        }

        private static final Formula F = Formula.parse("(x1^2 - 1)^2 + (x1^2*x2 - x1 - 1)^2");

        public double[] hessian(double x1, double x2) {
            Jet j = F.at(x1, x2);                // forward mode on the same formula
            return new double[] {j.h11(), j.h12(), j.h22()};
        }

        public String formula() {
            return "f = (x₁²−1)² + (x₁²x₂ − x₁ − 1)²";
        }

        public double value(double x1, double x2) {
            double p = x1 * x1 - 1;
            double q = x1 * x1 * x2 - x1 - 1;
            return p * p + q * q;
        }

        public void gradient(double x1, double x2, double[] out) {
            double q = x1 * x1 * x2 - x1 - 1;
            out[0] = 4 * x1 * (x1 * x1 - 1) + 2 * (2 * x1 * x2 - 1) * q; // 4x₁(x₁²−1) + 2(2x₁x₂−1)(x₁²x₂−x₁−1)
            out[1] = 2 * x1 * x1 * q;                                       // 2x₁²(x₁²x₂−x₁−1)
        }

        public double[] view() {
            return new double[] {-2, 2, -2, 2};
        }
    }

    /** Rosenbrock's banana: f = (1−x₁)² + 100(x₂−x₁²)²; minimum (1, 1). */
    record Rosenbrock() implements Surface {
        public String name() {
            return "rosenbrock";
        }

        private static final Formula F = Formula.parse("(1 - x1)^2 + 100*(x2 - x1^2)^2");

        public double[] hessian(double x1, double x2) {
            Jet j = F.at(x1, x2);                // forward mode on the same formula
            return new double[] {j.h11(), j.h12(), j.h22()};
        }

        public String formula() {
            return "f = (1−x₁)² + 100(x₂−x₁²)²";
        }

        public double value(double x1, double x2) {
            double p = 1 - x1;
            double q = x2 - x1 * x1;
            return p * p + 100 * q * q;
        }

        public void gradient(double x1, double x2, double[] out) {
            double q = x2 - x1 * x1;
            out[0] = -2 * (1 - x1) - 400 * x1 * q; // −2(1−x₁) − 400x₁(x₂−x₁²)
            out[1] = 200 * q;                      // 200(x₂−x₁²)
        }

        public double[] view() {
            return new double[] {-2, 2, -1, 3};
        }
    }

    /** The saddle f = x₁² − x₂²: a critical point at 0 that is not a minimum; GD escapes along x₂. */
    record Saddle() implements Surface {
        public String name() {
            return "saddle";
        }

        public double[] hessian(double x1, double x2) {
            return new double[] {2, 0, -2};
        }

        public String formula() {
            return "f = x₁² − x₂²";
        }

        public double value(double x1, double x2) {
            return x1 * x1 - x2 * x2;
        }

        public void gradient(double x1, double x2, double[] out) {
            out[0] = 2 * x1;  // ∂f/∂x₁ = 2x₁
            out[1] = -2 * x2; // ∂f/∂x₂ = −2x₂
        }

        public double[] view() {
            return new double[] {-2, 2, -2, 2};
        }
    }

    /** Himmelblau's function: f = (x₁²+x₂−11)² + (x₁+x₂²−7)²; four minima with f = 0, e.g. (3, 2). */
    record Himmelblau() implements Surface {
        public String name() {
            return "himmelblau";
        }

        private static final Formula F = Formula.parse("(x1^2 + x2 - 11)^2 + (x1 + x2^2 - 7)^2");

        public double[] hessian(double x1, double x2) {
            Jet j = F.at(x1, x2);                // forward mode on the same formula
            return new double[] {j.h11(), j.h12(), j.h22()};
        }

        public String formula() {
            return "f = (x₁²+x₂−11)² + (x₁+x₂²−7)²";
        }

        public double value(double x1, double x2) {
            double p = x1 * x1 + x2 - 11;
            double q = x1 + x2 * x2 - 7;
            return p * p + q * q;
        }

        public void gradient(double x1, double x2, double[] out) {
            double p = x1 * x1 + x2 - 11;
            double q = x1 + x2 * x2 - 7;
            out[0] = 4 * x1 * p + 2 * q; // 4x₁(x₁²+x₂−11) + 2(x₁+x₂²−7)
            out[1] = 2 * p + 4 * x2 * q; // 2(x₁²+x₂−11) + 4x₂(x₁+x₂²−7)
        }

        public double[] view() {
            return new double[] {-5, 5, -5, 5};
        }
    }

    /**
     * A landscape the lecturer types ({@link Formula}); its gradient and Hessian by forward-mode automatic
     * differentiation (second-order dual numbers, {@link Jet}).
     */
    record Custom(Formula f) implements Surface {
        /** The default formula: a double well in x₁, tilted and coupled. */
        public static final String EXAMPLE = "x1^4 - x1^2 + x2^2 + 0.3*x1*x2";

        public String name() {
            return "custom";
        }

        public String formula() {
            return "f = " + f.text();
        }

        public double value(double x1, double x2) {
            return f.at(x1, x2).v();
        }

        public void gradient(double x1, double x2, double[] out) {
            Jet j = f.at(x1, x2);
            out[0] = j.g1();                 // ∂f/∂x₁, forward mode
            out[1] = j.g2();
        }

        /** ∇²f(x₁, x₂) as {h₁₁, h₁₂, h₂₂}. */
        public double[] hessian(double x1, double x2) {
            Jet j = f.at(x1, x2);
            return new double[] {j.h11(), j.h12(), j.h22()};
        }

        public double[] view() {
            return new double[] {-2, 2, -2, 2};
        }

        /** The canonical text of a formula, or a {@link Formula.SyntaxException} saying where it is wrong. */
        public static String check(String text) {
            return Formula.parse(text).text();
        }
    }
}
