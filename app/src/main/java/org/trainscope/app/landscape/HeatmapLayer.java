package org.trainscope.app.landscape;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

import org.trainscope.engine.landscape.Surface;

/**
 * The heatmap and contours of the surface, rendered on a worker by {@link HeatmapRenderer}. Only the newest
 * request's result is shown; until it arrives the previous image is drawn stretched to the new view, so zoom and pan
 * stay fluid. FX thread only (the render itself runs on the executor).
 */
final class HeatmapLayer {
    /** One image pixel per screen pixel (drawn 1:1, cheap every pulse), at most this many on the long side. */
    private static final int MAX_RENDER = 1400;

    private final Executor renderExecutor;
    private final Viewport viewport;
    private final Supplier<Surface> surface;
    private final Runnable onArrived;
    private Image image;
    private double[] imageBounds;
    private long request;
    private boolean pending;

    /**
     * @param surface   the surface shown now (a render of another one is dropped when it arrives)
     * @param onArrived called on the FX thread when a new image is there to draw
     */
    HeatmapLayer(Executor renderExecutor, Viewport viewport, Supplier<Surface> surface, Runnable onArrived) {
        this.renderExecutor = renderExecutor;
        this.viewport = viewport;
        this.surface = surface;
        this.onArrived = onArrived;
    }

    boolean hasImage() {
        return image != null;
    }

    /** Forgets the image (a new function: the old picture would mislead). */
    void clear() {
        image = null;
    }

    /** Asks the worker for a heatmap of the current view. */
    void request() {
        Surface f = surface.get();
        if (f == null || !viewport.isFitted() || viewport.plotWidth() < 2 || viewport.plotHeight() < 2) {
            return;
        }
        long id = ++request;
        if (pending) {
            return; // the running render will pick up the newest view when it finishes
        }
        pending = true;
        double[] b = viewport.bounds();
        double scale = Math.min(1.0, MAX_RENDER / Math.max(viewport.plotWidth(), viewport.plotHeight()));
        int w = Math.max(2, (int) Math.round(viewport.plotWidth() * scale));
        int h = Math.max(2, (int) Math.round(viewport.plotHeight() * scale));
        renderExecutor.execute(() -> {
            HeatmapRenderer.Heatmap map = HeatmapRenderer.render(f, b[0], b[1], b[2], b[3], w, h);
            Platform.runLater(() -> {
                pending = false;
                if (f.equals(surface.get())) {
                    image = SwingFXUtils.toFXImage(map.image(), null);
                    imageBounds = new double[] {map.x1min(), map.x1max(), map.x2min(), map.x2max()};
                    onArrived.run();
                }
                if (id != request) {
                    request();
                }
            });
        });
    }

    /** Draws the newest image where its data rectangle is in the current view, clipped to the plot. */
    void draw(GraphicsContext g) {
        if (image == null) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(Viewport.LEFT, Viewport.TOP, viewport.plotWidth(), viewport.plotHeight());
        g.clip();
        double sx0 = viewport.toPx(imageBounds[0]);
        double sx1 = viewport.toPx(imageBounds[1]);
        double sy0 = viewport.toPy(imageBounds[3]);
        double sy1 = viewport.toPy(imageBounds[2]);
        g.drawImage(image, sx0, sy0, sx1 - sx0, sy1 - sy0);
        g.restore();
    }
}
