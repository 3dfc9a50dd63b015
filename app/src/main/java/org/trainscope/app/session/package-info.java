/**
 * Files from the app: open and save sessions ({@link org.trainscope.engine.session.SessionFile}), export recorded
 * frames (CSV, JSON Lines — the CLI's format), the view as PNG and its charts as SVG, and the run as an animation
 * ({@link org.trainscope.app.session.AnimationExport}: an animated GIF, {@link org.trainscope.app.session.GifWriter},
 * or an H.264 video in an MP4 file, {@link org.trainscope.app.session.Mp4Writer}). Writing happens off the FX thread
 * and atomically; a refused file leaves everything as it was and says why in the status line.
 */
package org.trainscope.app.session;
