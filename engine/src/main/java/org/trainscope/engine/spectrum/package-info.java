/**
 * Singular values over time: deep matrix factorization for matrix completion (Arora, Cohen, Hu &amp; Luo 2019),
 * Theorem 3's singular-value dynamics integrated alongside, the nuclear-norm (soft-impute) baseline and the sweep of
 * test error against the number of observed entries. Lecture 001, "Evolution of singular values with time".
 */
package org.trainscope.engine.spectrum;
