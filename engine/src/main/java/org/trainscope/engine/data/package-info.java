/**
 * Datasets, offline: the 8×8 handwritten digits shipped as a resource ({@link org.trainscope.engine.data.Digits},
 * UCI, CC BY 4.0 — attribution in {@code DIGITS-LICENSE.txt} next to it), synthetic 2-D sets
 * ({@link org.trainscope.engine.data.Synthetic}), MNIST-style IDX files ({@link org.trainscope.engine.data.Idx}),
 * a seeded train/test split and a random-labels variant ({@link org.trainscope.engine.data.Dataset}).
 * Randomness only through {@link org.trainscope.engine.experiment.Rng}.
 */
package org.trainscope.engine.data;
