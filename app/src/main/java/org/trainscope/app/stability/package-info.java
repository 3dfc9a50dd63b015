/**
 * The noise-stability view: per-layer layer-cushion histograms with the random-matrix reference 1/√n, noise
 * attenuation curves, singular-value distributions and accuracy curves, all drawn from the probe results that the
 * frames carry ({@link org.trainscope.app.stability.ProbeCharts} turns a frame into chart data); the probes
 * themselves run in the experiment's step on the worker.
 */
package org.trainscope.app.stability;
