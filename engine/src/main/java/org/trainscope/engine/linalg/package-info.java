/**
 * Dense linear algebra on ND4J arrays that the experiments share: the singular value decomposition through LAPACK
 * ({@link org.trainscope.engine.linalg.Svd}; ND4J 1.0.0-M2.1's own Svd op is broken, see shared/STACK.md) and the
 * one-time ND4J set-up ({@link org.trainscope.engine.linalg.Nd4jRuntime}).
 */
package org.trainscope.engine.linalg;
