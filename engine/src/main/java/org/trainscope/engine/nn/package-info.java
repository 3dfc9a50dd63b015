/**
 * Fully connected networks with hand-written back-propagation: {@link org.trainscope.engine.nn.Network} on ND4J in
 * {@code DataType.DOUBLE} (the small networks of the depth experiments, gradient-checked), and
 * {@link org.trainscope.engine.nn.Mlp}, the same math in FLOAT on BLAS buffers for the digits experiments.
 *
 * <p><b>Batch layout.</b> A batch is a matrix with one example per <em>column</em>: x ∈ R^{d×B}. A dense layer
 * computes z = W·x + b·1ᵀ with W ∈ R^{out×in}, b ∈ R^{out} (a rank-1 vector), and o = σ(z) elementwise. A batch
 * of one is a d×1 matrix; there is no separate single-example path.
 *
 * <p><b>Back-propagation</b> follows the slides (lecture 003, "Back-Propagation: Pseudo-code"; lecture 002,
 * "Recursive Equations of Backpropagation"): δ_t = δ_{t+1}·J_{o_t}(f_{t+1}) with J = W for a linear map and
 * J = diag(σ'(z)) for an activation, and ∇W = δ·o_{t−1}ᵀ. With column examples the row-vector δ of the slides
 * becomes a column, so δ_t = Jᵀ·δ_{t+1}: dL/dz = dL/do ⊙ σ'(z), dL/do_{t−1} = Wᵀ·dL/dz, ∇W = dL/dz·o_{t−1}ᵀ,
 * ∇b = dL/dz·1 (summed over the batch).
 *
 * <p><b>Losses</b> ({@link org.trainscope.engine.nn.Loss}) are summed over outputs and averaged over the batch,
 * so the 1/B of the empirical risk r(θ) = (1/n) Σ ℓ lives in the loss gradient and nowhere else.
 *
 * <p><b>Parameters</b> are ND4J arrays owned by the layers, listed in a fixed order W1, b1, W2, b2, … by
 * {@link org.trainscope.engine.nn.Network#parameters()}; the optimizers work on {@code double[][]} copies made by
 * {@link org.trainscope.engine.nn.Flat}. Gradients are checked against central finite differences in the tests.
 */
package org.trainscope.engine.nn;
