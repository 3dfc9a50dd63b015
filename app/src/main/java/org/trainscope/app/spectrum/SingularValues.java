package org.trainscope.app.spectrum;

/** Names of the singular values in legends: σ₁, σ₂, …, σ₁₀. */
final class SingularValues {
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private SingularValues() {
    }

    static String label(int r) {
        StringBuilder b = new StringBuilder("σ");
        for (char c : Integer.toString(r).toCharArray()) {
            b.append(SUBSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }
}
