/**
 * Why depth (lecture 002, "Example: sawteeth function", "Example: square function", the Eldan–Shamir lemma;
 * lecture 000, "Why deep?"; Telgarsky 2016, Eldan &amp; Shamir 2016).
 *
 * <p>{@link org.trainscope.engine.depth.SawtoothNets} builds the slide's networks from explicit weights as real
 * ND4J {@link org.trainscope.engine.nn.Network}s; {@link org.trainscope.engine.depth.Breakpoints} reads any
 * one-input ReLU network's weights and returns the exact piecewise-linear function it computes, so linear pieces
 * and teeth are counted from the network, not by eye. Three experiments: {@code sawtooth} (one layer per frame),
 * {@code shallow-approx} (the depth-2 interpolant and the width it needs), {@code depth-separation} (deep narrow
 * against shallow wide, trained on samples of s_m).
 */
package org.trainscope.engine.depth;
