/**
 * The landscape view: a heatmap with log-spaced contours (rendered off the FX thread by
 * {@link org.trainscope.app.landscape.HeatmapRenderer}), one coloured path per optimizer, zoom, pan and
 * click-to-set-start ({@link org.trainscope.app.landscape.LandscapeCanvas}), and a loss-vs-step chart beside it. The
 * canvas composes small drawing layers, all placed by one pure {@link org.trainscope.app.landscape.Viewport}
 * (pixel ↔ coordinate, zoom, pan, ticks), which is unit-tested without a screen.
 */
package org.trainscope.app.landscape;
