/**
 * The chart policy every view goes through: one {@link org.trainscope.app.chart.Chart} class (axes of a declared
 * {@link org.trainscope.app.chart.Axis} kind, robust ranges that leave diverged series out, ✕ marks, legends outside
 * the plot, theme and presenter scale), its pure parts ({@link org.trainscope.app.chart.Ranges},
 * {@link org.trainscope.app.chart.Ticks}, {@link org.trainscope.app.chart.Scale},
 * {@link org.trainscope.app.chart.SeriesSampler}), the {@link org.trainscope.app.chart.Palette} of identities shared with
 * the landscape map, and {@link org.trainscope.app.chart.History}, which draws scalars from a recording up to the
 * frame shown. Charts are built and changed on the FX thread only, from immutable frames.
 */
package org.trainscope.app.chart;
