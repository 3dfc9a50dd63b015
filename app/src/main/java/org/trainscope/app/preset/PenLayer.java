package org.trainscope.app.preset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Frame;

/**
 * The lecturer's pen over the view: D turns it on or off; while on and paused, dragging draws; C clears the drawing
 * of the frame shown. Strokes belong to the frame they were drawn on, so they come back when you step back to it;
 * they are kept in fractions of the layer's size, so a resize or presenter mode keeps them on their places. A new
 * run forgets them.
 */
public final class PenLayer extends Region {
    private static final Color INK = Color.web("#E5186B");

    private final PlaybackModel model;
    private final Canvas canvas = new Canvas();
    private final Map<Long, List<List<double[]>>> strokes = new HashMap<>();
    private List<double[]> drawing;
    private boolean on;

    public PenLayer(PlaybackModel model) {
        this.model = model;
        getChildren().add(canvas);
        setId("pen");
        setPickOnBounds(true);
        setMouseTransparent(true);
        initListeners();
    }

    private void initListeners() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (on && !model.playingProperty().get() && model.frame() != null) {
                drawing = new ArrayList<>();
                strokes.computeIfAbsent(model.frame().step(), k -> new ArrayList<>()).add(drawing);
                add(e);
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (drawing != null) {
                add(e);
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> drawing = null);
        model.frameProperty().subscribe(f -> redraw());
        model.recordingProperty().subscribe(r -> {
            strokes.clear();
            redraw();
        });
        sceneProperty().subscribe(this::installKeys);
    }

    private void installKeys(Scene scene) {
        if (scene == null) {
            return;
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown()) {
                return;
            }
            if (e.getCode() == KeyCode.D) {
                setOn(!on);
                e.consume();
            } else if (e.getCode() == KeyCode.C && model.frame() != null) {
                strokes.remove(model.frame().step());
                redraw();
                e.consume();
            }
        });
    }

    /** Turns the pen on (drags draw) or off (the view gets the mouse again). */
    public void setOn(boolean value) {
        on = value;
        setMouseTransparent(!on);
        setCursor(on ? javafx.scene.Cursor.CROSSHAIR : null);
    }

    public boolean isOn() {
        return on;
    }

    /** Strokes drawn on the frame of {@code step}. */
    public int strokeCount(long step) {
        return strokes.getOrDefault(step, List.of()).size();
    }

    private void add(MouseEvent e) {
        drawing.add(new double[]{e.getX() / Math.max(1, getWidth()), e.getY() / Math.max(1, getHeight())});
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Frame f = model.frame();
        if (f == null) {
            return;
        }
        g.setStroke(INK);
        g.setLineWidth(Math.max(3, w / 400));
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (List<double[]> stroke : strokes.getOrDefault(f.step(), List.of())) {
            g.beginPath();
            for (int i = 0; i < stroke.size(); i++) {
                double x = stroke.get(i)[0] * w;
                double y = stroke.get(i)[1] * h;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
    }
}
