/**
 * Optimizers racing on 2-D loss landscapes (lecture 003: "Path of gradient descent", "More interesting landscape",
 * momentum and Nesterov). {@link org.trainscope.engine.landscape.Surface} holds the functions with analytic
 * gradients; {@link org.trainscope.engine.landscape.LandscapeExperiment} races the optimizers;
 * {@link org.trainscope.engine.landscape.Contours} evaluates grids and traces level sets for the heatmap. Points
 * are plain {@code double}s: on two numbers, a Java expression beats any array library.
 */
package org.trainscope.engine.landscape;
