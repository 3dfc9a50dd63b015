/**
 * The start screen: a gallery of lecture presets (one card each, one click to start) and the recent sessions.
 */
package org.trainscope.app.preset;
