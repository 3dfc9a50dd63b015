/**
 * The parts of the main window, each built like {@link org.trainscope.app.playback.TransportBar} (its model and
 * collaborators in the constructor, {@code createView(); initListeners();}, it binds and forwards):
 * {@link org.trainscope.app.window.TopBar}, {@link org.trainscope.app.window.ExplanationCard},
 * {@link org.trainscope.app.window.RunPanel}, {@link org.trainscope.app.window.CompareArea},
 * {@link org.trainscope.app.window.StatusBar} and the window's {@link org.trainscope.app.window.KeyBindings}; the
 * {@link org.trainscope.app.window.WindowLayout} says how they share the room (presenter mode, the side panel, the
 * explanation, the scale of the type).
 * {@link org.trainscope.app.MainView} composes them. Views are made by a factory handed in, so that this package
 * does not choose them.
 */
package org.trainscope.app.window;
