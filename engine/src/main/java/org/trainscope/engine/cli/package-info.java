/**
 * The headless command line: {@code list}, {@code describe}, {@code run} and {@code bench}. The only package of the
 * engine that prints to stdout.
 */
package org.trainscope.engine.cli;
