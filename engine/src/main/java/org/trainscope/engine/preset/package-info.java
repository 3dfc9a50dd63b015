/**
 * Lecture presets: named, explained starting points — an experiment, params and seed — that a lecturer starts in
 * one click. {@link org.trainscope.engine.preset.Presets#standard} is the gallery; every preset is checked against
 * its experiment's param specs, so a typo is caught by the tests, not in front of a class.
 */
package org.trainscope.engine.preset;
