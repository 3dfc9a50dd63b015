/**
 * Views of the student's microscope (issue 14): back-propagation sub-step by sub-step on a drawn network, and
 * activation functions with the gradient norms and activation spreads they give a deep net.
 */
package org.trainscope.app.microscope;
