/**
 * Trainscope's engine: networks, losses, optimizers, datasets, probes and experiments, with no user interface.
 * {@link org.trainscope.engine.Experiments} lists the built-in experiments; each family lives in its own package.
 */
package org.trainscope.engine;
