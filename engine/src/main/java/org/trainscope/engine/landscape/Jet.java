package org.trainscope.engine.landscape;

/**
 * A number with its first and second derivatives in two variables — value v, gradient (g₁, g₂), Hessian (h₁₁, h₁₂,
 * h₂₂) — for forward-mode automatic differentiation (dual numbers of second order): evaluating f on the jets of
 * x₁ = (x₁, e₁, 0) and x₂ = (x₂, e₂, 0) gives f, ∇f and ∇²f exactly, to rounding. Immutable.
 */
record Jet(double v, double g1, double g2, double h11, double h12, double h22) {
    static Jet constant(double c) {
        return new Jet(c, 0, 0, 0, 0, 0);
    }

    /** The variable x₁ (index 1) or x₂ (index 2) at a value. */
    static Jet variable(int index, double value) {
        return index == 1 ? new Jet(value, 1, 0, 0, 0, 0) : new Jet(value, 0, 1, 0, 0, 0);
    }

    Jet plus(Jet b) {
        return new Jet(v + b.v, g1 + b.g1, g2 + b.g2, h11 + b.h11, h12 + b.h12, h22 + b.h22);
    }

    Jet minus(Jet b) {
        return new Jet(v - b.v, g1 - b.g1, g2 - b.g2, h11 - b.h11, h12 - b.h12, h22 - b.h22);
    }

    /** (ab)'' = a''b + a'b'ᵀ + b'a'ᵀ + ab''. */
    Jet times(Jet b) {
        return new Jet(v * b.v, g1 * b.v + v * b.g1, g2 * b.v + v * b.g2,
                h11 * b.v + 2 * g1 * b.g1 + v * b.h11,
                h12 * b.v + g1 * b.g2 + g2 * b.g1 + v * b.h12,
                h22 * b.v + 2 * g2 * b.g2 + v * b.h22);
    }

    Jet dividedBy(Jet b) {
        return times(b.apply(1 / b.v, -1 / (b.v * b.v), 2 / (b.v * b.v * b.v)));
    }

    /** f(this) by the chain rule, given f, f′ and f″ at v: g = f′·g, H = f″·ggᵀ + f′·H. */
    Jet apply(double f, double f1, double f2) {
        return new Jet(f, f1 * g1, f1 * g2, f2 * g1 * g1 + f1 * h11, f2 * g1 * g2 + f1 * h12, f2 * g2 * g2 + f1 * h22);
    }

    /** this^p for a constant p: p·v^{p−1}, p(p−1)·v^{p−2}; an integer p also below zero. */
    Jet pow(double p) {
        if (p == 0) {
            return constant(1);
        }
        if (p == 1) {
            return this;
        }
        if (p == 2) {
            return times(this);
        }
        return apply(Math.pow(v, p), p * Math.pow(v, p - 1), p * (p - 1) * Math.pow(v, p - 2));
    }

    /** this^b for a jet b: exp(b·ln this). */
    Jet pow(Jet b) {
        boolean constantExponent = b.g1 == 0 && b.g2 == 0 && b.h11 == 0 && b.h12 == 0 && b.h22 == 0;
        if (constantExponent) {
            return pow(b.v);
        }
        Jet log = apply(Math.log(v), 1 / v, -1 / (v * v));
        Jet e = b.times(log);
        double ev = Math.exp(e.v);
        return e.apply(ev, ev, ev);
    }
}
