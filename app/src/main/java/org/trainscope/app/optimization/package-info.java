/**
 * The views of the optimization family (issue 12): GD vs SGD paths over loss contours, depth as acceleration,
 * weight decay as an exponential learning rate, sharpness against 2/η, and the loss landscape of a trained net (whose
 * grid is computed off the FX thread, with a progress bar and Cancel).
 */
package org.trainscope.app.optimization;
