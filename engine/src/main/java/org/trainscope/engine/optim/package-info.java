/**
 * First-order optimizers as small update rules over one flat parameter {@link org.trainscope.engine.optim.Vector}
 * — a Java {@code double[]}, FLOAT or DOUBLE native memory (the MLP's θ, {@code DenseMatrix} factors), or several
 * of these joined — each reading like its formula on the slide (lecture 003). Every trained experiment updates its
 * parameters through these rules, in place, on its own storage: the linear rules (gd, momentum, sgdm, Nesterov) are
 * a few BLAS calls on a large native vector and plain loops on a small one, with the same rounding; normalized (gd
 * scaled by a running mean of ‖∇f‖²) is a dot and an axpy, the dot's summation order set by the storage; the
 * elementwise ones (AdaGrad, RMSprop, Adam) are plain loops over {@code double[]} chunks
 * ({@link org.trainscope.engine.optim.Chunks}). Models hand their f and ∇f over through
 * {@link org.trainscope.engine.optim.Objective}; one that computes only at its own parameters uses
 * {@link org.trainscope.engine.optim.Objective#atParameters}.
 *
 * <p>Lifecycle of an {@link org.trainscope.engine.optim.Optimizer}: {@code OptimizerConfig.create(x, g)} (state
 * allocated, zero) → {@code step(f)} … (x updated in place, no allocation) → {@code state()} / {@code restore} a
 * {@link org.trainscope.engine.experiment.Snapshot} to fork a run exactly. Experiments expose the choice of rule
 * and its hyper-parameters with {@link org.trainscope.engine.optim.OptimizerParams} and read them with
 * {@code OptimizerConfig.from(params)}.
 */
package org.trainscope.engine.optim;
