/**
 * Playback: {@link org.trainscope.app.playback.PlaybackModel} (read-only properties plus commands: play, pause,
 * step, scrub, reset) and the {@link org.trainscope.app.playback.TransportBar} that binds to it. Playback is not
 * computation: showing frame i means reading frame i of the recording.
 */
package org.trainscope.app.playback;
