/**
 * Approximation and generalization you can watch (issue 13): polynomial and random-features curve fitting from
 * Gauss to double descent, memorizing random labels (Zhang et al. 2017), the 2-D classifier playground, lazy
 * training and the neural tangent kernel (Jacot et al. 2018), and a trained depth-2 ReLU net against the universal
 * approximation width bound (lecture 002). Each experiment speaks in the terms of the slide it cites.
 */
package org.trainscope.engine.generalization;
