package org.trainscope.app.generalization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.trainscope.app.chart.Axis;
import org.trainscope.app.chart.Chart;
import org.trainscope.app.chart.Chart.Style;
import org.trainscope.app.chart.Panels;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.app.view.ChartsView;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.generalization.ClassifierPlaygroundExperiment;
import org.trainscope.engine.generalization.PlaygroundData;
import org.trainscope.engine.generalization.PlaygroundMaps;
import org.trainscope.engine.generalization.PlaygroundNet;

/**
 * The classifier playground: the decision map with the points (click adds a point of the chosen class, right-click
 * removes the nearest drawn one, and the run restarts from the same initialization with it), the network diagram
 * with every unit's own map, train and test loss, and the test confusion matrix. The maps are a function of the
 * frame's θ, computed on the render executor (never the FX thread) and only copied into images here.
 */
public final class PlaygroundView extends ChartsView {
    /** Cells per side of the decision map and of every unit's map. */
    public static final int RES = 128;
    private static final double REMOVE_RADIUS = 0.6;
    /**
     * While playing, the loss chart, the confusion matrix and the diagram's edges are redrawn at most every 100 ms:
     * a chart redraw costs 4–11 ms of the FX thread and the edges' antialiased lines a good share of a software
     * renderer's frame (both measured here), which at 60 frames a second would leave no time for the maps. Every
     * frame is drawn in full when paused, stepped or scrubbed, and the frame on screen when play stops.
     */
    private static final long PANELS_EVERY_NANOS = 100_000_000L;

    private final Executor renderExecutor;
    private final GridPane root = root(Panels.grid(2, 62, 38));
    private final DecisionMap map = new DecisionMap(this::addPoint, this::removePoint);
    private final UnitDiagram diagram = new UnitDiagram(RES);
    private final MapImage decisionImage = new MapImage(RES);
    private final MapRate rate = new MapRate();
    private final Chart loss = chart(new Chart("Loss", Axis.STEPS, "frame", Axis.LOG, "mean loss"));
    private final ConfusionGrid confusion = new ConfusionGrid();
    private final ChoiceBox<Integer> drawClass = new ChoiceBox<>();
    private final Label title = new Label();
    private final int trainLoss;
    private final int testLoss;
    private PlaygroundData data;
    private ClassifierPlaygroundExperiment.Config config;
    private Params dataParams;
    private long dataSeed;
    private long request;
    private boolean pending;
    private long shownStep = -1;
    private long panelsShown = System.nanoTime() - PANELS_EVERY_NANOS;

    public PlaygroundView(PlaybackModel model, Executor renderExecutor) {
        super(model);
        this.renderExecutor = renderExecutor;
        trainLoss = loss.add("train", "train loss", Style.LINE);
        testLoss = loss.add("test", "test loss", Style.LINE);
        createView();
        listen(model.frameProperty().subscribe((was, now) -> render())
                .and(model.playingProperty().subscribe(playing -> render())));
        render();
    }

    private void createView() {
        map.setId("playground-map");
        diagram.setId("playground-diagram");
        drawClass.setId("draw-class");
        confusion.setId("playground-confusion");
        for (int c = 0; c < 5; c++) {
            drawClass.getItems().add(c);
        }
        drawClass.setValue(0);
        title.getStyleClass().add("chart-title");
        HBox tools = new HBox(8, new Label("Click: add class"), drawClass, new Label("· right-click: remove"));
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox left = new VBox(4, title, tools, map);
        VBox.setVgrow(map, javafx.scene.layout.Priority.ALWAYS);
        left.setPadding(new Insets(4));
        VBox bottomRight = new VBox(4, new Label("Test confusion matrix (rows: true class, columns: predicted)"), confusion);
        bottomRight.setPadding(new Insets(4));
        root.add(left, 0, 0);
        root.add(diagram, 1, 0);
        root.add(loss.viewer(), 0, 1);
        root.add(bottomRight, 1, 1);
    }

    /** The data of the run shown (regenerated from params and seed only when they change). */
    private PlaygroundData data() {
        Params p = model.params();
        if (data == null || !p.equals(dataParams) || model.seed() != dataSeed) {
            config = ClassifierPlaygroundExperiment.Config.of(p);
            data = config.data(model.seed());
            dataParams = p;
            dataSeed = model.seed();
        }
        return data;
    }

    private void render() {
        Frame f = model.frame();
        Recording rec = model.recording();
        if (f == null || rec == null || model.params() == null || !f.has(ClassifierPlaygroundExperiment.THETA)) {
            return;
        }
        PlaygroundData d = data();
        title.setText(String.format(Locale.ROOT, "Frame %d: train %.1f %%, test %.1f %% correct",
                f.step(), 100 * f.scalar(ClassifierPlaygroundExperiment.TRAIN_ACC),
                100 * f.scalar(ClassifierPlaygroundExperiment.TEST_ACC)));
        PlaygroundNet net = config.net(d.classes());
        diagram.shape(net.sizes(), titles(net));
        long now = System.nanoTime();
        if (!model.playingProperty().get() || now - panelsShown >= PANELS_EVERY_NANOS) {
            panelsShown = now;
            showLosses(rec);
            confusion.show(f.series(ClassifierPlaygroundExperiment.CONFUSION), d.classes());
            diagram.edges(f.series(ClassifierPlaygroundExperiment.THETA));
        }
        requestMaps(f);
    }

    /** Train and test loss of every recorded frame up to the one shown. */
    private void showLosses(Recording rec) {
        int n = Math.min(model.indexProperty().get() + 1, rec.size());
        double[] step = new double[n];
        double[] train = new double[n];
        double[] test = new double[n];
        for (int i = 0; i < n; i++) {
            Frame fi = rec.get(i);
            step[i] = fi.step();
            train[i] = fi.scalar(ClassifierPlaygroundExperiment.TRAIN_LOSS);
            test[i] = fi.scalar(ClassifierPlaygroundExperiment.TEST_LOSS);
        }
        loss.batch(() -> {
            loss.set(trainLoss, step, train);
            loss.set(testLoss, step, test);
        });
    }

    private static List<String> titles(PlaygroundNet net) {
        List<String> out = new ArrayList<>();
        out.add("inputs");
        for (int t = 1; t < net.sizes().length - 1; t++) {
            out.add(net.activations().get(t - 1).label().replace("identity", "linear"));
        }
        out.add("output");
        return out;
    }

    /**
     * Computes the maps of the frame and their pixels on the render executor; the FX thread only copies the pixels
     * into the images. One request is in flight at a time and the newest frame wins, so every map shown is freshly
     * computed from the θ of a frame newer than the last one shown.
     */
    private void requestMaps(Frame f) {
        long id = ++request;
        PlaygroundData d = data();
        PlaygroundNet net = config.net(d.classes());
        double[] theta = f.series(ClassifierPlaygroundExperiment.THETA);
        if (pending || theta.length != net.mlp().parameterCount()) {   // busy, or a frame of the run before
            return;
        }
        pending = true;
        boolean crossEntropy = config.crossEntropy();
        int drawn = config.drawn().size() / 3;
        renderExecutor.execute(() -> {
            PlaygroundMaps maps = PlaygroundMaps.of(net, theta, crossEntropy, RES);
            int[] decision = new int[RES * RES];
            ClassColours.decision(maps.predicted(), maps.confidence(), d.classes(), decision);
            List<List<int[]>> units = unitPixels(maps);
            Platform.runLater(() -> {
                pending = false;
                decisionImage.write(decision);
                map.show(decisionImage.image(), d, drawn);
                diagram.show(units);
                shownStep = f.step();
                rate.shown(model.playingProperty().get());
                Frame newest = model.frame();
                if (id != request && newest != null && newest.has(ClassifierPlaygroundExperiment.THETA)) {
                    requestMaps(newest);                            // frames came meanwhile: the newest one's maps
                }
            });
        });
    }

    /** Inputs, each hidden layer, the output scores: one signed map per unit, scaled by its own largest |value|. */
    private static List<List<int[]>> unitPixels(PlaygroundMaps maps) {
        List<double[][]> columns = new ArrayList<>();
        columns.add(maps.inputs().toArray(new double[0][]));
        columns.addAll(maps.units());
        columns.add(maps.scores());
        List<List<int[]>> out = new ArrayList<>();
        for (double[][] column : columns) {
            List<int[]> images = new ArrayList<>();
            for (double[] values : column) {
                int[] px = new int[values.length];
                ClassColours.signed(values, px);
                images.add(px);
            }
            out.add(images);
        }
        return out;
    }

    /** Adds a drawn point of the chosen class at (x₁, x₂): a fresh run with it, from the same initialization. */
    private void addPoint(double x1, double x2) {
        Params p = model.params();
        @SuppressWarnings("unchecked")
        List<Double> drawn = new ArrayList<>((List<Double>) p.get("drawn"));
        drawn.add(round(x1));
        drawn.add(round(x2));
        drawn.add((double) drawClass.getValue());
        model.applyParams(p.withValue("drawn", drawn));
    }

    /** Removes the drawn point nearest (x₁, x₂), if one is within reach. */
    private void removePoint(double x1, double x2) {
        Params p = model.params();
        @SuppressWarnings("unchecked")
        List<Double> drawn = new ArrayList<>((List<Double>) p.get("drawn"));
        int best = -1;
        double bestDistance = REMOVE_RADIUS;
        for (int i = 0; i + 2 < drawn.size(); i += 3) {
            double d = Math.hypot(drawn.get(i) - x1, drawn.get(i + 1) - x2);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best >= 0) {
            drawn.subList(best, best + 3).clear();
            model.applyParams(p.withValue("drawn", drawn));
        }
    }

    private static double round(double v) {
        return Math.rint(v * 100) / 100;
    }

    /** Maps computed and shown so far, each set of a newer frame than the one before. */
    public long mapsShown() {
        return rate.total();
    }

    /** The decision map's image on screen. */
    Image decisionImage() {
        return decisionImage.image();
    }

    /** The image of unit i of column t of the diagram (column 0: the inputs). */
    Image unitImage(int t, int i) {
        return diagram.image(t, i);
    }

    /** The step whose maps are on screen (−1 before the first arrive). */
    public long shownStep() {
        return shownStep;
    }

    /** Unit maps on the diagram (inputs, hidden units and the output). */
    public int unitMapCount() {
        return diagram.unitCount();
    }

    @Override
    public boolean isReady() {
        return shownStep >= 0;
    }
}
