/**
 * Views of the depth experiments ({@code org.trainscope.engine.depth}): the sawtooth and x² constructions with their
 * network drawn, the depth-2 interpolant and the width it needs, and deep against shallow in training. Views render
 * immutable frames only; the small charts are rebuilt from the recording up to the frame shown, so stepping back
 * removes a layer without recomputing anything.
 */
package org.trainscope.app.depth;
