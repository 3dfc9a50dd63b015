/**
 * The Trainscope desktop app: wiring only. {@link org.trainscope.app.Launcher} starts
 * {@link org.trainscope.app.TrainscopeApp}, which builds a {@link org.trainscope.app.MainView} around a
 * {@link org.trainscope.app.playback.PlaybackModel} and drives it once per pulse.
 */
package org.trainscope.app;
