/**
 * Views of the spectrum family (engine package {@code org.trainscope.engine.spectrum}): singular values over time
 * with Theorem 3's prediction dashed on top, and loss / test error over time, for deep matrix factorization and the
 * nuclear-norm baseline.
 */
package org.trainscope.app.spectrum;
