package org.trainscope.app.landscape;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.landscape.LandscapeExperiment;
import org.trainscope.engine.landscape.Surface;

/**
 * The map: heatmap and contours ({@link HeatmapLayer}) with the axes ({@link AxesLayer}), one path per racer up to
 * the shown frame ({@link TrailsLayer}), the pinned run ({@link PinnedLayer}), the current points and the start
 * marker ({@link MarkersLayer}) and a legend ({@link LegendLayer}), all placed by one {@link Viewport}. Scroll zooms
 * about the pointer, drag pans, a click (without drag) on a racer's point or its legend row selects that racer
 * (ringed, its row bold), elsewhere it chooses a new start point; double-click restores the default view. The
 * adaptive rules' accumulators are drawn as boxes at their points ({@link BoxesLayer}). Equal scales on both axes, so a circle looks round.
 */
public final class LandscapeCanvas extends Pane {
    private static final Color BACKGROUND = Color.web("#0E1320");
    private static final double DRAG_THRESHOLD = 4; // pixels a press may move and still count as a click
    private static final double TRAIL_SAMPLE = 4;   // pixels between the trail points the legend avoids
    private static final double HIT = 10;           // pixels from a racer's point a click still selects it

    private final Canvas background = new Canvas(); // heatmap, contours, axes: redrawn when the view changes
    private final Canvas trails = new Canvas();     // paths: extended frame by frame, redrawn only when needed
    private final Canvas overlay = new Canvas();    // points, start, legend: redrawn for every frame shown
    private final Viewport viewport = new Viewport();
    private final HeatmapLayer heatmap;
    private final TrailsLayer trailsLayer = new TrailsLayer();
    private final PinnedLayer pinned = new PinnedLayer();
    private final InstabilityLayer instability = new InstabilityLayer();
    private final ArrowsLayer arrows = new ArrowsLayer();
    private final PathCache paths = new PathCache();
    private BiConsumer<Double, Double> onStartChosen = (a, b) -> { };
    private Consumer<String> onRacerChosen = r -> { };
    private String selected;
    private List<String> shownRacers = List.of();  // as last drawn, with their points and legend rows
    private double[] shownPoints = new double[0];
    private double[] legendRows;

    private Surface surface;
    private double lineScale = 1.0;
    private double typeScale = 1.0;
    private Recording recording;
    private List<String> racers = List.of();
    private Frame frame;
    private int index;
    private double startX1;
    private double startX2;

    private double pressX;
    private double pressY;
    private double lastDragX;
    private double lastDragY;
    private boolean dragged;

    public LandscapeCanvas(Executor renderExecutor) {
        this.heatmap = new HeatmapLayer(renderExecutor, viewport, () -> surface, this::drawBackground);
        getChildren().addAll(background, trails, overlay);
        getStyleClass().add("landscape-canvas");
        setMinSize(200, 160);
        initListeners();
    }

    private void initListeners() {
        widthProperty().subscribe((was, now) -> resized());
        heightProperty().subscribe((was, now) -> resized());
        overlay.setOnScroll(e -> {
            if (viewport.isFitted()) {
                viewport.zoomAbout(e.getX(), e.getY(), Math.pow(1.0015, -e.getDeltaY()));
                viewChanged();
            }
        });
        overlay.setOnMousePressed(e -> {
            requestFocus(); // commits a half-typed param and gives the keys back to the player
            pressX = lastDragX = e.getX();
            pressY = lastDragY = e.getY();
            dragged = false;
        });
        overlay.setOnMouseDragged(e -> {
            if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_THRESHOLD) {
                dragged = true;
            }
            if (dragged) {
                viewport.panBy(e.getX() - lastDragX, e.getY() - lastDragY);
                lastDragX = e.getX();
                lastDragY = e.getY();
                viewChanged();
            }
        });
        overlay.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || dragged) {
                return;
            }
            if (e.getClickCount() == 2) {
                fitDefaultView();
            } else if (racerAt(e.getX(), e.getY()) != null) {
                onRacerChosen.accept(racerAt(e.getX(), e.getY()));
            } else if (viewport.insidePlot(e.getX(), e.getY())) {
                onStartChosen.accept(viewport.roundToResolution(viewport.toX1(e.getX())),
                        viewport.roundToResolution(viewport.toX2(e.getY())));
            }
        });
    }

    /** The racer whose legend row, or else whose point (within {@link #HIT} pixels), is at (px, py); null if none. */
    String racerAt(double px, double py) {
        int row = LegendLayer.rowAt(legendRows, racers.size(), px, py);
        if (row >= 0) {
            return racers.get(row);
        }
        String nearest = null;
        double best = HIT * lineScale;
        for (int r = 0; r < shownRacers.size(); r++) {
            double d = Math.hypot(shownPoints[2 * r] - px, shownPoints[2 * r + 1] - py);
            if (d <= best) {   // NaN (a point off the map) never is
                best = d;
                nearest = shownRacers.get(r);
            }
        }
        return nearest;
    }

    /** Called with a racer's name when the user clicks its point or its legend row. */
    public void setOnRacerChosen(Consumer<String> handler) {
        this.onRacerChosen = handler;
    }

    /** Rings {@code racer}'s point and puts its legend row in bold. */
    public void setSelected(String racer) {
        selected = racer;
        draw();
    }

    /** Where racer {@code name}'s point is drawn, (px, py) in this pane; null if it is not drawn. */
    public double[] racerPoint(String name) {
        int r = shownRacers.indexOf(name);
        return r < 0 ? null : new double[] {shownPoints[2 * r], shownPoints[2 * r + 1]};
    }

    /** The centre of racer {@code name}'s legend row, (px, py) in this pane; null if no legend is drawn. */
    public double[] legendRow(String name) {
        int r = racers.indexOf(name);
        return legendRows == null || r < 0 ? null
                : new double[] {legendRows[0] + legendRows[2] / 2, legendRows[1] + (r + 0.5) * legendRows[3]};
    }

    /** Called with (x₁, x₂) when the user clicks the map to choose a start point. */
    public void setOnStartChosen(BiConsumer<Double, Double> handler) {
        this.onStartChosen = handler;
    }

    /** Shows a (possibly new) landscape; the view is re-fitted only when the function changes. */
    public void setSurface(Surface newSurface) {
        boolean refit = surface == null || !surface.name().equals(newSurface.name());
        boolean changed = !newSurface.equals(surface);
        surface = newSurface;
        if (refit) {
            viewport.unfit();
            heatmap.clear();
        }
        if (refit || changed) {
            resized();
        }
    }

    /**
     * Shows frame {@code index} of the recording (the paths up to it). While {@code playing}, the trails are extended
     * piece by piece; a frame shown while paused (a step, a scrub, an export) is drawn whole, and so is the last one
     * played once the frames stop: a still picture is the same however its frame was reached.
     */
    public void show(Recording rec, List<String> names, int newIndex, Frame newFrame, double x1, double x2,
                     boolean playing) {
        if (!playing) {
            trailsLayer.invalidate();
        }
        recording = rec;
        racers = names;
        index = newIndex;
        frame = newFrame;
        startX1 = x1;
        startX2 = x2;
        if (rec != null) {
            paths.update(rec, names, rec.size());
        }
        draw();
    }

    /** True if the trails are drawn as one stroke each, as any frame shown while paused is. */
    public boolean trailsSettled() {
        return !trailsLayer.extended();
    }

    /** A run to compare with: its paths are drawn thin and dashed, up to the same step as the current run. */
    public void setPinned(Recording rec, List<String> pinnedRacers) {
        pinned.setRun(rec, pinnedRacers);
        draw();
    }

    /** The pinned run's frame at the step shown (null: none). */
    public void showPinned(Frame pinnedFrame) {
        pinned.setFrame(pinnedFrame);
        draw();
    }

    /** How many points of each path are drawn: the frames up to and including the one shown. */
    public int shownPathPoints() {
        return recording == null || frame == null ? 0 : Math.min(index + 1, paths.count());
    }

    /** True once a heatmap for the current surface has arrived from the render worker. */
    public boolean hasHeatmap() {
        return heatmap.hasImage();
    }

    /** Scales line widths and markers by {@code lines}, tick labels and the legend by {@code type}. */
    public void setScales(double lines, double type) {
        lineScale = lines;
        typeScale = type;
        viewChanged();
    }

    /** Restores the surface's default view. */
    public void fitDefaultView() {
        viewport.unfit();
        resized();
    }

    /** The data rectangle currently shown: {x1min, x1max, x2min, x2max}. */
    public double[] viewBounds() {
        return viewport.bounds();
    }

    private void resized() {
        for (Canvas c : List.of(overlay, background, trails)) {
            c.setWidth(getWidth());
            c.setHeight(getHeight());
        }
        viewport.setSize(getWidth(), getHeight());
        if (surface != null && !viewport.isFitted()) {
            viewport.fit(surface.view());
        }
        viewChanged();
    }

    private void viewChanged() {
        trailsLayer.invalidate();
        heatmap.request();
        drawBackground();
        draw();
    }

    private void drawBackground() {
        GraphicsContext g = background.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, background.getWidth(), background.getHeight());
        if (surface == null || !viewport.isFitted()) {
            return;
        }
        heatmap.draw(g);
        AxesLayer.draw(g, viewport, typeScale);
    }

    private void draw() {
        trailsLayer.draw(trails.getGraphicsContext2D(), viewport, recording, paths, shownPathPoints(), lineScale);
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (surface == null || !viewport.isFitted()) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(Viewport.LEFT, Viewport.TOP, viewport.plotWidth(), viewport.plotHeight());
        g.clip();
        double eta = frame == null ? Double.NaN : frame.scalar(LandscapeExperiment.LR.key(), Double.NaN);
        instability.draw(g, viewport, surface, eta, typeScale);            // where λ_max(∇²f) > 2/η
        pinned.draw(g, viewport, lineScale);
        List<String> shown = recording != null && frame != null ? paths.racers() : List.of();
        double[] points = new double[2 * shown.size() + 2];
        boolean[] ended = new boolean[shown.size()];
        for (int r = 0; r < shown.size(); r++) {
            double[] stop = trailsLayer.stopPoint(r, viewport);
            ended[r] = stop != null;
            String name = shown.get(r);
            points[2 * r] = ended[r] ? stop[0] : viewport.toPx(frame.scalar(LandscapeExperiment.X1.of(name), Double.NaN));
            points[2 * r + 1] = ended[r] ? stop[1]
                    : viewport.toPy(frame.scalar(LandscapeExperiment.X2.of(name), Double.NaN));
        }
        arrows.draw(g, viewport, surface, shown, frame, index > 0 ? recording.get(index - 1) : null, lineScale, typeScale);
        BoxesLayer.draw(g, frame, shown, points, lineScale, typeScale);                     // √G per axis
        MarkersLayer.drawRacers(g, shown, points, ended, selected == null ? -1 : shown.indexOf(selected), lineScale);
        MarkersLayer.drawStart(g, viewport, startX1, startX2);
        g.restore();
        points[points.length - 2] = viewport.toPx(startX1);
        points[points.length - 1] = viewport.toPy(startX2);
        shownRacers = shown;
        shownPoints = points;
        legendRows = null;
        if (frame != null && !racers.isEmpty()) {
            legendRows = LegendLayer.draw(g, viewport, frame, racers, selected, typeScale, points,
                    trailPixels(shown.size()));
        }
    }

    /**
     * The trails up to the frame shown as (px, py) pairs, a point at least every {@link #TRAIL_SAMPLE} pixels along
     * each (long segments are subdivided), for the legend to avoid.
     */
    private double[] trailPixels(int racerCount) {
        int n = shownPathPoints();
        double[] sane = viewport.saneBounds();
        double[] out = new double[64];
        int m = 0;
        for (int r = 0; r < racerCount; r++) {
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (int i = 0; i < n; i++) {
                double x1 = paths.x1(r, i);
                double x2 = paths.x2(r, i);
                if (!Viewport.inside(sane, x1, x2)) {
                    break;
                }
                double px = viewport.toPx(x1);
                double py = viewport.toPy(x2);
                double d = Double.isNaN(lastX) ? 0 : Math.hypot(px - lastX, py - lastY);
                if (!Double.isNaN(lastX) && d < TRAIL_SAMPLE) {
                    continue;
                }
                int pieces = Math.max(1, (int) Math.min(1000, Math.ceil(d / TRAIL_SAMPLE)));
                for (int k = 1; k <= pieces; k++) {
                    if (m + 2 > out.length) {
                        out = java.util.Arrays.copyOf(out, 2 * out.length);
                    }
                    double t = Double.isNaN(lastX) ? 1 : (double) k / pieces;
                    out[m++] = Double.isNaN(lastX) ? px : lastX + t * (px - lastX);
                    out[m++] = Double.isNaN(lastY) ? py : lastY + t * (py - lastY);
                }
                lastX = px;
                lastY = py;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }
}
