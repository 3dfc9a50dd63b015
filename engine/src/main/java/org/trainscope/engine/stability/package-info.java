/**
 * The {@code noise-stability} family (lecture 000; Arora, Ge, Neyshabur &amp; Zhang, ICML 2018): an MLP trained on
 * the digits and probed as it trains — layer cushion, noise attenuation, spectra and stable rank
 * ({@link org.trainscope.engine.stability.StabilityProbe}) — and the {@code compression} experiment, which
 * compresses trained nets (true and random labels) with random sign matrices
 * ({@link org.trainscope.engine.stability.SignCompression}, the paper's Idea 1).
 */
package org.trainscope.engine.stability;
