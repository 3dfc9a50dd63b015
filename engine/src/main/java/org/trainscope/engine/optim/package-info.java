/**
 * First-order optimizers as small update rules over a list of parameter arrays ({@code double[][]}, one array per
 * parameter tensor), each reading like its formula on the slide (lecture 003). The rules run in plain Java: on the
 * few thousand to few ten thousand numbers of Trainscope's models, an elementwise loop beats a chain of ND4J
 * kernels (10–40 µs of overhead each, see shared/STACK.md); networks compute their gradients with ND4J and hand
 * them over through {@link org.trainscope.engine.optim.Objective}.
 *
 * <p>Lifecycle of an {@link org.trainscope.engine.optim.Optimizer}: create from an
 * {@link org.trainscope.engine.optim.OptimizerConfig} → {@code step(x, f)} … (x updated in place) →
 * {@code saveTo}/{@code restoreFrom} a {@link org.trainscope.engine.experiment.Snapshot} to fork a run exactly.
 */
package org.trainscope.engine.optim;
