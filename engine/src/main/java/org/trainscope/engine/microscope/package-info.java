/**
 * The student's microscope (issue 14): one training step of a small MLP split into the sub-steps of the
 * back-propagation slides ({@link org.trainscope.engine.microscope.BackpropStepsExperiment}), and activation functions
 * with the vanishing or exploding gradients they cause in a deep net
 * ({@link org.trainscope.engine.microscope.ActivationsExperiment}). Plain Java on small arrays: a 2-3-2-1 net is a
 * few dozen multiplications, far below the cost of one ND4J op.
 */
package org.trainscope.engine.microscope;
