package org.trainscope.app.depth;

import java.util.Locale;

import java.util.List;

import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.depth.SawtoothExperiment;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;

/**
 * The sawtooth experiment: s_m, g_m and x² with the teeth marked; the network g_m drawn with its true width; the
 * sup-error against depth on a log scale beside the slide's 4^−(m+1); pieces against depth on a log₂ scale beside
 * the units a depth-2 network would need. Frame k is depth m = k + 1, so stepping forward adds a layer and stepping
 * back removes it (the depth charts show the recording up to the frame shown).
 */
public final class SawtoothView extends ChartsView {
    // two rows of their own columns: the curve and its zoom get the larger share of the top (at depth 10 they carry
    // 512 teeth; the network needs less), the two depth charts share the bottom equally
    private final GridPane root = root(Panels.grid(1, 56, 44));
    private final GridPane top = Panels.grid(new double[] {60, 40}, 100);
    private final GridPane bottom = Panels.grid(2, 100);
    private final Chart curves = chart(new Chart("s_m and g_m against x²", Axis.LINEAR, "x", Axis.LINEAR, "value"));
    private final Chart errors = chart(new Chart("sup |g_m − x²| on [0, 1]", Axis.STEPS, "depth m", Axis.LOG, "error"));
    private final Chart pieces = chart(new Chart("Linear pieces of s_m", Axis.STEPS, "depth m", Axis.LOG2, "count (log₂)"));
    private final Chart inset = chart(new Chart("zoom", Axis.LINEAR, "x", Axis.LINEAR, "s_m"));
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final int insetCurve;
    private final int insetTeeth;
    private final int sCurve;
    private final int gCurve;
    private final int squareCurve;
    private final int teethMarks;
    private final int errorPoints;
    private final int boundLine;
    private final int piecePoints;
    private final int deepUnits;
    private final int shallowUnits;
    private int renderedIndex = -1;
    private Frame renderedFrame;

    public SawtoothView(PlaybackModel model) {
        super(model);
        // the first series is drawn on top: x², then g_m, then the sawtooth beneath them
        // short labels, so the legend takes one row and leaves the plot its height; the title says the rest
        squareCurve = curves.add("target", "x²", Style.DASHED);
        gCurve = curves.add("deep", "g_m", Style.LINE);
        teethMarks = curves.add("points", "teeth", Style.MARKERS);
        sCurve = curves.add("sawtooth", "s_m", Style.LINE);
        errorPoints = errors.add("deep", "g_m (measured)", Style.LINE_MARKERS);
        boundLine = errors.add("bound", "4^−(m+1) (slide)", Style.HALO);
        piecePoints = pieces.add("sawtooth", "pieces of s_m = 2^m", Style.LINE_MARKERS);
        shallowUnits = pieces.add("shallow", "depth-2 units needed", Style.DASHED);
        deepUnits = pieces.add("deep", "units of the deep net", Style.LINE_MARKERS);
        insetTeeth = inset.add("points", "teeth", Style.MARKERS);
        insetCurve = inset.add("sawtooth", "s_m", Style.LINE);
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render()));
        render();
    }

    private void createView() {
        curves.fixY(-0.02, 1.06);
        curves.fixX(0, 1);
        curves.viewer().setId("sawtooth-curves");
        errors.viewer().setId("sawtooth-errors");
        pieces.viewer().setId("sawtooth-pieces");
        diagram.setId("sawtooth-network");
        inset.viewer().setId("sawtooth-inset");
        HBox both = ZoomInset.beside(curves, inset, 0.4);
        top.add(both, 0, 0);
        top.add(diagram, 1, 0);
        bottom.add(errors.viewer(), 0, 0);
        bottom.add(pieces.viewer(), 1, 0);
        root.add(top, 0, 0);
        root.add(bottom, 0, 1);
        root.getStyleClass().add("sawtooth-view");
    }

    private void render() {
        Frame f = model.frame();
        Recording rec = model.recording();
        Params p = model.params();
        if (f == null || rec == null || p == null || !f.has(SawtoothExperiment.S_PIECES)) {
            return;
        }
        int index = model.indexProperty().get();
        if (f == renderedFrame && index == renderedIndex) {
            return;
        }
        renderedFrame = f;
        renderedIndex = index;
        int m = (int) f.scalar(SawtoothExperiment.M);
        double[] x = f.series(SawtoothExperiment.X);
        double[] teeth = f.series(SawtoothExperiment.TEETH_X);
        double[][] exact = SawtoothShape.polyline(m); // s_m through its breakpoints: no grid, no band
        boolean zoom = SawtoothShape.needsInset(teeth.length, plotWidth());
        curves.batch(() -> {
            curves.set(squareCurve, x, f.series(SawtoothExperiment.X2));
            curves.set(sCurve, exact[0], exact[1]);
            curves.setWeight(sCurve, teeth.length <= 16 ? 1.2f : teeth.length <= 64 ? 0.65f : 0.3f);
            curves.set(gCurve, x, f.series(SawtoothExperiment.G));
            double[] marked = teeth.length <= SawtoothShape.MAX_MARKED_TEETH ? teeth : new double[0];
            curves.set(teethMarks, marked, filled(marked.length, 1.0));
        });
        curves.setLabel(teethMarks, marked(teeth.length));
        inset.viewer().setVisible(zoom);
        if (zoom) {
            double hi = SawtoothShape.insetEnd(m);
            double[] first = SawtoothShape.upTo(teeth, hi);
            double[] xs = SawtoothShape.upTo(exact[0], hi);
            double[] ys = java.util.Arrays.copyOf(exact[1], xs.length);
            inset.batch(() -> {
                inset.set(insetCurve, xs, ys);
                inset.set(insetTeeth, first, filled(first.length, 1.0));
            });
            inset.fixX(0, hi);
            inset.setTitle(String.format(Locale.ROOT, "zoom: %d teeth", first.length));
            inset.setXLabel(String.format(Locale.ROOT, "x in [0, 2^−%d]", m - 4));
        }
        curves.setTitle(String.format(Locale.ROOT, "s_%d: %d teeth  ·  g_%d ≈ x²", m,
                (int) f.scalar(SawtoothExperiment.S_TEETH), m));   // its pieces are counted in the chart below

        int n = Math.min(index + 1, rec.size());
        double[] depth = new double[n];
        double[] err = new double[n];
        double[] pc = new double[n];
        double[] deep = new double[n];
        for (int i = 0; i < n; i++) {
            Frame fi = rec.get(i);
            depth[i] = fi.scalar(SawtoothExperiment.M);
            err[i] = fi.scalar(SawtoothExperiment.G_SUP_ERROR);
            pc[i] = fi.scalar(SawtoothExperiment.S_PIECES);
            deep[i] = fi.scalar(SawtoothExperiment.G_WIDTH) * fi.scalar(SawtoothExperiment.M);
        }
        int maxDepth = SawtoothExperiment.Config.of(p).maxDepth();
        double[] all = new double[maxDepth];
        double[] bound = new double[maxDepth];
        double[] needed = new double[maxDepth];
        for (int k = 0; k < maxDepth; k++) {
            all[k] = k + 1;
            bound[k] = Math.pow(4, -(k + 2));                          // 4^−(m+1)
            needed[k] = Math.pow(2, k + 1) - 1;                        // a depth-2 net with w units has ≤ w + 1 pieces
        }
        errors.batch(() -> {
            errors.set(errorPoints, depth, err);
            errors.set(boundLine, all, bound);
        });
        errors.setTitle(String.format(Locale.ROOT, "sup |g_%d − x²| = %.3g  (4^−%d)", m,
                f.scalar(SawtoothExperiment.G_SUP_ERROR), m + 1));
        pieces.batch(() -> {
            pieces.set(piecePoints, depth, pc);
            pieces.set(shallowUnits, all, needed);
            pieces.set(deepUnits, depth, deep);
        });
        for (Chart c : List.of(errors, pieces)) {
            c.fixX(0.5, maxDepth + 0.5);
        }
        int tent = (int) f.scalar(SawtoothExperiment.S_WIDTH);
        diagram.show(m, tent, String.format(Locale.ROOT,
                "true width %d = %d tent units + 1 carry   (slide: \"width 3\")%n"
                        + "%d ReLU layers + linear read-out · %d parameters%n"
                        + "|x| net: x² on [−1,1] within %.2g · xy net: width %d, within %.2g",
                (int) f.scalar(SawtoothExperiment.G_WIDTH), tent, m, (int) f.scalar(SawtoothExperiment.G_PARAMS),
                f.scalar(SawtoothExperiment.ABS_SUP_ERROR), (int) f.scalar(SawtoothExperiment.PROD_WIDTH), f.scalar(SawtoothExperiment.PROD_SUP_ERROR)));
    }

    /** The teeth's legend label: where they are marked. */
    private static String marked(int teeth) {
        return teeth <= SawtoothShape.MAX_MARKED_TEETH ? "teeth" : "teeth: see zoom";
    }

    /** The curves chart's width in pixels, about its plot's (a default before the first layout). */
    private double plotWidth() {
        double w = curves.viewer().getWidth();
        return w > 0 ? 0.85 * w : 500;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** Points in the error chart's measured series (one per depth shown). */
    public int errorPointCount() {
        return errors.pointCount(errorPoints);
    }

    /** Points of the drawn s_m (its breakpoints: 2^m + 1). */
    public int sawtoothPointCount() {
        return curves.pointCount(sCurve);
    }

    /** True while the zoom on the first teeth is shown. */
    public boolean zoomShown() {
        return inset.viewer().isVisible();
    }

    /** The depth the diagram shows. */
    public int diagramDepth() {
        return diagram.shownDepth();
    }

    @Override
    protected void darkChanged(boolean dark) {
        diagram.setDark(dark);
    }

    @Override
    protected void presenterChanged(boolean on) {
        diagram.setPresenter(on ? Chart.PRESENTER_SCALE : 1);
    }
}
