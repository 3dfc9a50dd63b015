/**
 * The background side of playback: {@link org.trainscope.app.run.Runner} owns the running experiment on one worker
 * thread and appends immutable frames to a {@link org.trainscope.engine.experiment.Recording}; the FX thread only
 * reads that recording. The executor is injected, so tests can run the worker on the calling thread.
 */
package org.trainscope.app.run;
