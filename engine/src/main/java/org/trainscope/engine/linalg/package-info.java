/**
 * Dense linear algebra that the experiments share: BLAS and LAPACK from the engine's own OpenBLAS
 * ({@link org.trainscope.engine.linalg.Blas}), preallocated matrices and SVDs on it
 * ({@link org.trainscope.engine.linalg.DenseMatrix}, {@link org.trainscope.engine.linalg.Gesdd},
 * {@link org.trainscope.engine.linalg.SubspaceIteration}), the SVD of ND4J arrays
 * ({@link org.trainscope.engine.linalg.Svd}; ND4J 1.0.0-M2.1's own Svd op is broken, see shared/STACK.md), the
 * one-time ND4J set-up ({@link org.trainscope.engine.linalg.Nd4jRuntime}), the second core
 * ({@link org.trainscope.engine.linalg.TwoCores}: work cut the same way on one core or two, so the same bits) and
 * what the CPU offers ({@link org.trainscope.engine.linalg.Cpu}).
 */
package org.trainscope.engine.linalg;
