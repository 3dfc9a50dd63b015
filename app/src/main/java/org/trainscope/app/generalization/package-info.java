/**
 * The views of the generalization family (issue 13): curve fitting to double descent, random labels, the classifier
 * playground, the neural tangent kernel and the trained universal approximator, each mirroring its engine package.
 */
package org.trainscope.app.generalization;
