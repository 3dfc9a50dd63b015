/**
 * One view per experiment family ({@link org.trainscope.app.view.ExperimentView}), chosen by
 * {@link org.trainscope.app.view.Views}; experiments without a dedicated view get a chart of their scalars.
 */
package org.trainscope.app.view;
