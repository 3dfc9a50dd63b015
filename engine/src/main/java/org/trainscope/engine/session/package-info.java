/**
 * Saved sessions: a small, documented JSON file that names the experiment, its params and seed, and the run's
 * lineage (where it was forked and with which params), so that opening it recomputes the very same frames — the
 * engine is deterministic. Files are written atomically; corrupt, foreign or newer files are refused with a clear
 * message and change nothing. {@link org.trainscope.engine.session.FrameWriter} writes recorded frames as CSV or
 * JSON Lines, the same format for the CLI and the app's export.
 */
package org.trainscope.engine.session;
