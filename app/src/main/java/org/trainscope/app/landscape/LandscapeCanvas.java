package org.trainscope.app.landscape;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.landscape.Surface;

/**
 * The map: heatmap and contours (rendered on a worker by {@link HeatmapRenderer}; until a new render arrives the
 * previous one is drawn stretched to the new view, so zoom and pan stay fluid), one path per racer up to the shown
 * frame, the current points, the start marker and a legend. Scroll zooms about the pointer, drag pans, a click
 * (without drag) chooses a new start point, double-click restores the default view. Equal scales on both axes, so
 * a circle looks round.
 */
public final class LandscapeCanvas extends Pane {
    private static final double LEFT = 56;
    private static final double BOTTOM = 34;
    private static final double TOP = 10;
    private static final double RIGHT = 12;
    private static final int MAX_RENDER = 1400;
    private static final Color HALO = Color.web("#0B0F19");

    private final Canvas background = new Canvas(); // heatmap, contours, axes: redrawn when the view changes
    private final Canvas trails = new Canvas();     // paths: extended frame by frame, redrawn only when needed
    private final Canvas canvas = new Canvas();     // points, start, legend: redrawn for every frame shown
    private final Executor renderExecutor;
    private final PathCache paths = new PathCache();
    private BiConsumer<Double, Double> onStartChosen = (a, b) -> { };

    private Surface surface;
    private double centerX;
    private double centerY;
    private double unitsPerPixel = Double.NaN; // NaN: fit the surface's default view at the next layout
    private Image heatmap;
    private double[] heatmapBounds;
    private long renderRequest;
    private boolean renderPending;

    private double lineScale = 1.0;
    private long viewVersion;
    private Recording trailRecording;
    private long trailGeneration = -1;
    private long trailViewVersion = -1;
    private List<String> trailRacers = List.of();
    private int trailCount;
    private double[][] trailEnds = new double[0][];
    private double[][] trailTails = new double[0][];

    private final PathCache pinnedPaths = new PathCache();
    private Recording pinnedRecording;
    private List<String> pinnedRacers = List.of();
    private Frame pinnedFrame;

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
        this.renderExecutor = renderExecutor;
        getChildren().addAll(background, trails, canvas);
        getStyleClass().add("landscape-canvas");
        setMinSize(200, 160);
        initListeners();
    }

    private void initListeners() {
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
        canvas.setOnScroll(e -> {
            double factor = Math.pow(1.0015, -e.getDeltaY());
            zoomAbout(e.getX(), e.getY(), factor);
        });
        canvas.setOnMousePressed(e -> {
            requestFocus(); // commits a half-typed param and gives the keys back to the player
            pressX = lastDragX = e.getX();
            pressY = lastDragY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 4) {
                dragged = true;
            }
            if (dragged) {
                centerX -= (e.getX() - lastDragX) * unitsPerPixel;
                centerY += (e.getY() - lastDragY) * unitsPerPixel;
                lastDragX = e.getX();
                lastDragY = e.getY();
                viewChanged();
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || dragged) {
                return;
            }
            if (e.getClickCount() == 2) {
                fitDefaultView();
                return;
            }
            if (insidePlot(e.getX(), e.getY())) {
                onStartChosen.accept(round(toX1(e.getX())), round(toX2(e.getY())));
            }
        });
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
            unitsPerPixel = Double.NaN;
            heatmap = null;
        }
        if (refit || changed) {
            resized();
        }
    }

    /** Shows frame {@code index} of the recording (the paths up to it). */
    public void show(Recording rec, List<String> names, int newIndex, Frame newFrame, double x1, double x2) {
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

    /** A run to compare with: its paths are drawn thin and dashed, up to the same step as the current run. */
    public void setPinned(Recording rec, List<String> racers) {
        pinnedRecording = rec;
        pinnedRacers = List.copyOf(racers);
        pinnedFrame = null;
        draw();
    }

    /** The pinned run's frame at the step shown (null: none). */
    public void showPinned(Frame frame) {
        pinnedFrame = frame;
        draw();
    }

    /** How many points of each path are drawn: the frames up to and including the one shown. */
    public int shownPathPoints() {
        return recording == null || frame == null ? 0 : Math.min(index + 1, paths.count());
    }

    /** True once a heatmap for the current surface has arrived from the render worker. */
    public boolean hasHeatmap() {
        return heatmap != null;
    }

    /** Scales line widths, markers and the legend (presenter mode uses about 1.8). */
    public void setLineScale(double scale) {
        lineScale = scale;
        viewChanged();
    }

    /** Restores the surface's default view. */
    public void fitDefaultView() {
        unitsPerPixel = Double.NaN;
        resized();
    }

    /** The data rectangle currently shown: {x1min, x1max, x2min, x2max}. */
    public double[] viewBounds() {
        double w = plotWidth();
        double h = plotHeight();
        return new double[] {centerX - w / 2 * unitsPerPixel, centerX + w / 2 * unitsPerPixel,
                centerY - h / 2 * unitsPerPixel, centerY + h / 2 * unitsPerPixel};
    }

    private void resized() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        background.setWidth(getWidth());
        background.setHeight(getHeight());
        trails.setWidth(getWidth());
        trails.setHeight(getHeight());
        if (surface != null && Double.isNaN(unitsPerPixel) && plotWidth() > 0 && plotHeight() > 0) {
            double[] v = surface.view();
            centerX = (v[0] + v[1]) / 2;
            centerY = (v[2] + v[3]) / 2;
            unitsPerPixel = Math.max((v[1] - v[0]) / plotWidth(), (v[3] - v[2]) / plotHeight());
        }
        viewChanged();
    }

    private void zoomAbout(double px, double py, double factor) {
        if (Double.isNaN(unitsPerPixel)) {
            return;
        }
        double x1 = toX1(px);
        double x2 = toX2(py);
        unitsPerPixel = Math.max(1e-9, Math.min(1e6, unitsPerPixel * factor));
        // keep the point under the pointer fixed
        centerX = x1 - (px - LEFT - plotWidth() / 2) * unitsPerPixel;
        centerY = x2 + (py - TOP - plotHeight() / 2) * unitsPerPixel;
        viewChanged();
    }

    private void viewChanged() {
        viewVersion++;
        requestRender();
        drawBackground();
        draw();
    }

    /** Asks the worker for a heatmap of the current view; only the newest request's result is shown. */
    private void requestRender() {
        if (surface == null || Double.isNaN(unitsPerPixel) || plotWidth() < 2 || plotHeight() < 2) {
            return;
        }
        long id = ++renderRequest;
        if (renderPending) {
            return; // the running render will pick up the newest view when it finishes
        }
        renderPending = true;
        Surface f = surface;
        double[] b = viewBounds();
        // one image pixel per screen pixel (drawn 1:1, cheap every pulse), at most MAX_RENDER on the long side
        double scale = Math.min(1.0, MAX_RENDER / Math.max(plotWidth(), plotHeight()));
        int w = Math.max(2, (int) Math.round(plotWidth() * scale));
        int h = Math.max(2, (int) Math.round(plotHeight() * scale));
        renderExecutor.execute(() -> {
            HeatmapRenderer.Heatmap map = HeatmapRenderer.render(f, b[0], b[1], b[2], b[3], w, h);
            Platform.runLater(() -> {
                renderPending = false;
                if (f.equals(surface)) {
                    heatmap = SwingFXUtils.toFXImage(map.image(), null);
                    heatmapBounds = new double[] {map.x1min(), map.x1max(), map.x2min(), map.x2max()};
                    drawBackground();
                }
                if (id != renderRequest) {
                    requestRender();
                }
            });
        });
    }

    private void drawBackground() {
        GraphicsContext g = background.getGraphicsContext2D();
        g.setFill(Color.web("#0E1320"));
        g.fillRect(0, 0, background.getWidth(), background.getHeight());
        if (surface == null || Double.isNaN(unitsPerPixel)) {
            return;
        }
        if (heatmap != null) {
            g.save();
            g.beginPath();
            g.rect(LEFT, TOP, plotWidth(), plotHeight());
            g.clip();
            double sx0 = toPx(heatmapBounds[0]);
            double sx1 = toPx(heatmapBounds[1]);
            double sy0 = toPy(heatmapBounds[3]);
            double sy1 = toPy(heatmapBounds[2]);
            g.drawImage(heatmap, sx0, sy0, sx1 - sx0, sy1 - sy0);
            g.restore();
        }
        drawAxes(g);
    }

    private void draw() {
        drawTrails();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (surface == null || Double.isNaN(unitsPerPixel)) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotWidth(), plotHeight());
        g.clip();
        drawPinned(g);
        drawMarkers(g);
        drawStart(g);
        g.restore();
        drawLegend(g);
    }

    /**
     * Extends the trails to the frame shown. A JavaFX canvas keeps its pixels and rasterizes only the commands added
     * since the last pulse, so playing forward draws one short segment per racer per frame; anything else (a step
     * back, a scrub, a new view or run) clears the layer and draws the trails again from frame 0.
     */
    private void drawTrails() {
        GraphicsContext g = trails.getGraphicsContext2D();
        int n = recording == null || frame == null ? 0 : Math.min(index + 1, paths.count());
        List<String> names = paths.racers();
        boolean fresh = recording != trailRecording || recording == null || recording.generation() != trailGeneration
                || viewVersion != trailViewVersion || !names.equals(trailRacers) || n < trailCount;
        if (fresh) {
            g.clearRect(0, 0, trails.getWidth(), trails.getHeight());
            trailRecording = recording;
            trailGeneration = recording == null ? -1 : recording.generation();
            trailViewVersion = viewVersion;
            trailRacers = List.copyOf(names);
            trailCount = 0;
            trailEnds = new double[names.size()][];
            trailTails = new double[names.size()][];
        }
        if (n <= trailCount || Double.isNaN(unitsPerPixel)) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotWidth(), plotHeight());
        g.clip();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        // pass 1 collects each racer's new points, pass 2 draws every halo, pass 3 every colour: a halo never
        // covers the colour of a racer drawn before it in the same frame
        double[][] xs = new double[names.size()][];
        double[][] ys = new double[names.size()][];
        int[] counts = new int[names.size()];
        double[] offsets = new double[names.size()];
        for (int r = 0; r < names.size(); r++) {
            // starts at the last point drawn (x, y, dash offset); points within half a pixel of the previous one add
            // nothing visible and are skipped, so a converged racer costs nothing
            double[] px = new double[n - trailCount + 1];
            double[] py = new double[px.length];
            int m = 0;
            double[] end = trailEnds[r];
            if (end != null) {
                px[0] = end[0];
                py[0] = end[1];
                m = 1;
            }
            double length = 0;
            for (int i = trailCount; i < n; i++) {
                double x1 = paths.x1(r, i);
                double x2 = paths.x2(r, i);
                if (Double.isFinite(x1) && Double.isFinite(x2)) {
                    double qx = clampPx(toPx(x1));
                    double qy = clampPx(toPy(x2));
                    if (m == 0 || Math.abs(qx - px[m - 1]) + Math.abs(qy - py[m - 1]) >= 0.5) {
                        if (m > 0) {
                            length += Math.hypot(qx - px[m - 1], qy - py[m - 1]);
                        }
                        px[m] = qx;
                        py[m] = qy;
                        m++;
                    }
                }
            }
            xs[r] = px;
            ys[r] = py;
            counts[r] = m;
            offsets[r] = end == null ? 0 : end[2];
            if (m > 0) {
                trailEnds[r] = new double[] {px[m - 1], py[m - 1], offsets[r] + length};
            }
        }
        for (int r = 0; r < names.size(); r++) {
            if (counts[r] == 0) {
                continue;
            }
            g.setLineDashes(names.get(r).equals("flow") ? new double[] {7 * lineScale, 5 * lineScale} : null);
            g.setLineCap(StrokeLineCap.BUTT); // a round cap would reach back over the colour drawn last frame
            g.setLineDashOffset(offsets[r]);
            g.setStroke(HALO);
            g.setLineWidth(4.5 * lineScale);
            g.strokePolyline(xs[r], ys[r], counts[r]);
        }
        g.setLineCap(StrokeLineCap.ROUND);
        for (int r = 0; r < names.size(); r++) {
            if (counts[r] == 0) {
                continue;
            }
            // the colour is laid again over the last few pixels drawn before, where the new halo may have crept
            double[] tail = trailTails[r] == null ? new double[0] : trailTails[r];
            int k = tail.length / 2;
            double[] cx = new double[k + counts[r]];
            double[] cy = new double[cx.length];
            for (int i = 0; i < k; i++) {
                cx[i] = tail[2 * i];
                cy[i] = tail[2 * i + 1];
            }
            int start = k > 0 ? 1 : 0; // the first new point repeats the tail's last
            int m = k;
            for (int i = start; i < counts[r]; i++) {
                cx[m] = xs[r][i];
                cy[m] = ys[r][i];
                m++;
            }
            double back = 0;
            for (int i = 1; i < k; i++) {
                back += Math.hypot(cx[i] - cx[i - 1], cy[i] - cy[i - 1]);
            }
            g.setLineDashes(names.get(r).equals("flow") ? new double[] {7 * lineScale, 5 * lineScale} : null);
            g.setLineDashOffset(offsets[r] - back);
            g.setStroke(Palette.of(names.get(r), r));
            g.setLineWidth(2.2 * lineScale);
            g.strokePolyline(cx, cy, m);
            trailTails[r] = tailOf(cx, cy, m, 6 * lineScale);
        }
        g.setLineDashes(null);
        g.restore();
        trailCount = n;
    }

    /** The pinned run's paths up to its frame at the step shown: thin, dashed, translucent, with hollow markers. */
    private void drawPinned(GraphicsContext g) {
        if (pinnedRecording == null || pinnedFrame == null) {
            return;
        }
        pinnedPaths.update(pinnedRecording, pinnedRacers, pinnedRecording.size());
        int n = Math.min(pinnedRecording.indexOfStep(pinnedFrame.step()) + 1, pinnedPaths.count());
        double[] xs = new double[n];
        double[] ys = new double[n];
        g.setLineDashes(5 * lineScale, 5 * lineScale);
        g.setLineWidth(1.6 * lineScale);
        for (int r = 0; r < pinnedRacers.size(); r++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                double px = clampPx(toPx(pinnedPaths.x1(r, i)));
                double py = clampPx(toPy(pinnedPaths.x2(r, i)));
                if (Double.isFinite(px) && Double.isFinite(py)
                        && (m == 0 || Math.abs(px - xs[m - 1]) + Math.abs(py - ys[m - 1]) >= 0.5)) {
                    xs[m] = px;
                    ys[m] = py;
                    m++;
                }
            }
            Color c = Palette.of(pinnedRacers.get(r), r).deriveColor(0, 1, 1, 0.8);
            g.setStroke(c);
            g.strokePolyline(xs, ys, m);
            if (m > 0) {
                double a = 5 * lineScale;
                g.strokeOval(xs[m - 1] - a, ys[m - 1] - a, 2 * a, 2 * a);
            }
        }
        g.setLineDashes(null);
    }

    /** The last points of a polyline that cover at least {@code length} pixels (x, y interleaved). */
    private static double[] tailOf(double[] xs, double[] ys, int m, double length) {
        int from = m - 1;
        double covered = 0;
        while (from > 0 && covered < length) {
            covered += Math.hypot(xs[from] - xs[from - 1], ys[from] - ys[from - 1]);
            from--;
        }
        double[] tail = new double[2 * (m - from)];
        for (int i = from; i < m; i++) {
            tail[2 * (i - from)] = xs[i];
            tail[2 * (i - from) + 1] = ys[i];
        }
        return tail;
    }

    /** The current point of each racer (a dot, or ✕ if it diverged), on the overlay. */
    private void drawMarkers(GraphicsContext g) {
        if (recording == null || frame == null) {
            return;
        }
        List<String> names = paths.racers();
        for (int r = 0; r < names.size(); r++) {
            String name = names.get(r);
            double x1 = frame.scalar(name + ".x1", Double.NaN);
            double x2 = frame.scalar(name + ".x2", Double.NaN);
            if (!Double.isFinite(x1) || !Double.isFinite(x2)) {
                continue;
            }
            double px = clampPx(toPx(x1));
            double py = clampPx(toPy(x2));
            Color c = Palette.of(name, r);
            double a = 6 * lineScale;
            if (frame.scalar(name + ".diverged", 0) != 0) {
                g.setStroke(c);
                g.setLineWidth(3 * lineScale);
                g.strokeLine(px - a, py - a, px + a, py + a);
                g.strokeLine(px - a, py + a, px + a, py - a);
            } else {
                g.setFill(c);
                g.setStroke(Color.BLACK);
                g.setLineWidth(1.5 * lineScale);
                g.fillOval(px - a, py - a, 2 * a, 2 * a);
                g.strokeOval(px - a, py - a, 2 * a, 2 * a);
            }
        }
    }

    private void drawStart(GraphicsContext g) {
        double px = toPx(startX1);
        double py = toPy(startX2);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeOval(px - 9, py - 9, 18, 18);
        g.strokeLine(px - 13, py, px - 5, py);
        g.strokeLine(px + 5, py, px + 13, py);
        g.strokeLine(px, py - 13, px, py - 5);
        g.strokeLine(px, py + 5, px, py + 13);
    }

    private void drawAxes(GraphicsContext g) {
        double[] b = viewBounds();
        g.setFill(Color.web("#C9D1DC"));
        g.setFont(Font.font("System", 12 * Math.sqrt(lineScale)));
        g.setStroke(Color.web("#C9D1DC"));
        g.setLineWidth(1);
        double stepX = niceStep((b[1] - b[0]) / 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v = Math.ceil(b[0] / stepX) * stepX; v <= b[1]; v += stepX) {
            double px = toPx(v);
            g.strokeLine(px, TOP + plotHeight(), px, TOP + plotHeight() + 4);
            g.fillText(tick(v, stepX), px, TOP + plotHeight() + 6);
        }
        double stepY = niceStep((b[3] - b[2]) / 5);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(b[2] / stepY) * stepY; v <= b[3]; v += stepY) {
            double py = toPy(v);
            g.strokeLine(LEFT - 4, py, LEFT, py);
            g.fillText(tick(v, stepY), LEFT - 6, py);
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("x₁", LEFT + plotWidth(), background.getHeight() - 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("x₂", 4, TOP);
        g.strokeRect(LEFT, TOP, plotWidth(), plotHeight());
    }

    private void drawLegend(GraphicsContext g) {
        if (frame == null || racers.isEmpty()) {
            return;
        }
        double x = LEFT + 10;
        double y = TOP + 10;
        double legendScale = Math.sqrt(lineScale); // bigger type, but the legend must not hide the map
        double rowH = 20 * legendScale;
        double boxW = 210 * legendScale;
        g.setFill(Color.rgb(10, 14, 24, 0.72));
        g.fillRoundRect(x, y, boxW, rowH * racers.size() + 12, 10, 10);
        g.setFont(Font.font("System", 13 * legendScale));
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < racers.size(); r++) {
            String name = racers.get(r);
            double cy = y + 6 + rowH * r + rowH / 2;
            g.setStroke(Palette.of(name, r));
            g.setLineWidth(3);
            g.setLineDashes(name.equals("flow") ? new double[] {5, 3} : null);
            g.strokeLine(x + 10, cy, x + 10 + 22 * legendScale, cy);
            g.setLineDashes(null);
            g.setFill(Color.web("#E9ECF1"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(name, x + 18 + 22 * legendScale, cy);
            g.setTextAlign(TextAlignment.RIGHT);
            boolean diverged = frame.scalar(name + ".diverged", 0) != 0;
            double loss = frame.scalar(name + ".loss", Double.NaN);
            g.setFill(diverged ? Color.web("#FF8A80") : Color.web("#C9D1DC"));
            g.fillText(diverged ? "diverged" : String.format(Locale.ROOT, "f = %.3g", loss), x + boxW - 10, cy);
        }
    }

    private boolean insidePlot(double px, double py) {
        return px >= LEFT && px <= LEFT + plotWidth() && py >= TOP && py <= TOP + plotHeight();
    }

    private double plotWidth() {
        return Math.max(0, getWidth() - LEFT - RIGHT);
    }

    private double plotHeight() {
        return Math.max(0, getHeight() - TOP - BOTTOM);
    }

    private double toPx(double x1) {
        return LEFT + plotWidth() / 2 + (x1 - centerX) / unitsPerPixel;
    }

    private double toPy(double x2) {
        return TOP + plotHeight() / 2 - (x2 - centerY) / unitsPerPixel;
    }

    private double toX1(double px) {
        return centerX + (px - LEFT - plotWidth() / 2) * unitsPerPixel;
    }

    private double toX2(double py) {
        return centerY - (py - TOP - plotHeight() / 2) * unitsPerPixel;
    }

    /** Far-away points (a diverging path) are clamped so the canvas never sees huge coordinates. */
    private static double clampPx(double v) {
        return Math.max(-1e5, Math.min(1e5, v));
    }

    /** Rounds a clicked coordinate to the decimals that the view's scale resolves (about 4 pixels). */
    private double round(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(unitsPerPixel * 4)));
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private static String tick(double v, double step) {
        if (Math.abs(v) < step * 1e-9) {
            v = 0;
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
