/**
 * The Trainscope desktop app: wiring only. {@link org.trainscope.app.Launcher} starts
 * {@link org.trainscope.app.TrainscopeApp}, which builds a {@link org.trainscope.app.MainView} around a
 * {@link org.trainscope.app.playback.PlaybackModel} and drives it once per pulse; the main view composes the parts
 * of the window ({@link org.trainscope.app.window}) and chooses the views ({@link org.trainscope.app.view.Views}).
 */
package org.trainscope.app;
