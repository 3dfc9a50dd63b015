/**
 * Optimization you can watch (issue 12): GD against SGD on the lecture's linear regression, depth as acceleration
 * on ℓ4 regression, weight decay as an exponential learning rate, sharpness at the edge of stability, and the loss
 * landscape of a trained net. Every trained model here steps through {@code optim/}.
 */
package org.trainscope.engine.optimization;
