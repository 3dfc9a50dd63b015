/**
 * The parameter sheet: a ControlsFX {@link org.controlsfx.control.PropertySheet} generated from an experiment's
 * {@link org.trainscope.engine.experiment.ParamSpec}s. Text is validated by the spec itself as it is typed; an
 * invalid value is refused at its field with the spec's message and never reaches the run.
 */
package org.trainscope.app.params;
