/**
 * Charts: pure functions from recorded frames to JFreeChart datasets ({@link org.trainscope.app.chart.SeriesSampler}),
 * the shared {@link org.trainscope.app.chart.Palette}, and chart styling. Datasets are built and changed on the
 * FX thread only, from immutable frames.
 */
package org.trainscope.app.chart;
