/**
 * What every experiment view is ({@link org.trainscope.app.view.ExperimentView}). Which view an experiment gets is
 * one line in {@link org.trainscope.app.ExperimentViews}, beside the main window's wiring.
 */
package org.trainscope.app.view;
