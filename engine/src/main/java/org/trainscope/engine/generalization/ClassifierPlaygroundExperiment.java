package org.trainscope.engine.generalization;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * 2-D classification in the spirit of tensorflow/playground, on the project's one training path: an MLP of
 * {@link PlaygroundNet} (any input features, up to 6 hidden layers of up to 16 units, an activation per layer),
 * trained by minibatches with any rule of {@code optim/} on softmax cross-entropy or squared error, with an L1 or L2
 * penalty on the weights. Frames carry the losses, accuracies, the test confusion matrix and θ itself; the decision
 * map and every unit's map are a function of θ ({@link PlaygroundMaps}), computed by whoever draws them.
 */
public final class ClassifierPlaygroundExperiment extends AbstractExperiment {
    public static final Output TRAIN_LOSS = Output.scalar("train.loss", "mean loss on the training points (without the penalty)");
    public static final Output TEST_LOSS = Output.scalar("test.loss", "mean loss on the test points");
    public static final Output TRAIN_ACC = Output.scalar("train.acc", "accuracy on the training points");
    public static final Output TEST_ACC = Output.scalar("test.acc", "accuracy on the test points");
    public static final Output EPOCH = Output.scalar("epoch", "passes over the training points so far");
    public static final Output THETA = Output.series("theta", "all parameters W_1, b_1, W_2, b_2, … (W row-major)");
    public static final Output CONFUSION = Output.series("confusion",
            "test confusion matrix, row-major classes × classes: entry (true, predicted) counts test points");

    /** Most hidden layers, and most units in one. */
    public static final int MAX_LAYERS = 6;
    public static final int MAX_WIDTH = 16;
    /** The activations a hidden layer can have ({@code linear} is σ(z) = z). */
    public static final List<String> ACTIVATIONS = List.of("tanh", "relu", "sigmoid", "linear");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "classifier-playground",
            "Classifier playground: what a network computes",
            new ExperimentDef.Explanation(
                    "A small network learns to separate coloured points in the plane. The big map is its decision: "
                            + "the colour of the class it predicts, pale where it is unsure. On the diagram every "
                            + "unit shows its own map: with one hidden layer each unit is a halfspace, a soft step "
                            + "across one line; the next layer combines them into intersections and unions — "
                            + "polygons, bands, rings. Edges are thicker for larger |w|. Try circles with no hidden "
                            + "layer: no line separates them, until you add the features x₁² and x₂². Click the "
                            + "map to add a point of the chosen class, right-click to remove one.",
                    "o_0 = φ(x) (the chosen features),  o_t = σ_t(W_t o_{t−1} + b_t),  ŷ = W_D o_{D−1} + b_D\n"
                            + "L = (1/B) Σ −log softmax(ŷ)[y]  (or ½‖ŷ − e_y‖²)  + λ Σ|W| or (λ/2) Σ W²",
                    "Lecture 003, \"Multilayer Neural Networks\", \"Example\" (halfspaces, their intersections and "
                            + "unions); tensorflow/playground (Smilkov & Carter)."),
            ParamSpec.join(List.of(
                    new ParamSpec.Choice("data", "The points: a built-in set, or a CSV of x1,x2,label rows", "spirals",
                            PlaygroundData.KINDS),
                    new ParamSpec.Int("classes", "Classes of the blobs (the other sets have 2)", 3, 2, 5),
                    new ParamSpec.Int("points", "Number of points of a built-in set", 300, 20, 1000),
                    new ParamSpec.Real("noise", "Noise σ added to both coordinates (in units of the set's radius)", 0, 0, 0.5),
                    new ParamSpec.Real("test_fraction", "Share of the points held out as test points", 0.5, 0.1, 0.9),
                    new ParamSpec.FilePath("file", "data=file: a CSV of x1,x2,label rows (labels 0 … 4)", ""),
                    new ParamSpec.Numbers("drawn", "Points drawn on the map, as x1,x2,label triples (training points)",
                            List.of(), -PlaygroundData.EXTENT, PlaygroundData.EXTENT, false, 3 * 500),
                    new ParamSpec.Subset("features", "Input features", List.of("x1", "x2"), PlaygroundNet.FEATURES),
                    new ParamSpec.Numbers("hidden", "Hidden widths, a comma list (empty: no hidden layer)",
                            List.of(8.0, 8.0, 8.0), 1, MAX_WIDTH, true, MAX_LAYERS),
                    new ParamSpec.Choice("act1", "Activation of hidden layer 1", "tanh", ACTIVATIONS),
                    new ParamSpec.Choice("act2", "Activation of hidden layer 2", "tanh", ACTIVATIONS),
                    new ParamSpec.Choice("act3", "Activation of hidden layer 3", "tanh", ACTIVATIONS),
                    new ParamSpec.Choice("act4", "Activation of hidden layer 4", "tanh", ACTIVATIONS),
                    new ParamSpec.Choice("act5", "Activation of hidden layer 5", "tanh", ACTIVATIONS),
                    new ParamSpec.Choice("act6", "Activation of hidden layer 6", "tanh", ACTIVATIONS),
                    new ParamSpec.Choice("loss", "Loss: softmax cross-entropy or squared error on one-hot targets",
                            "cross_entropy", List.of("cross_entropy", "squared")),
                    new ParamSpec.Choice("penalty", "Penalty on the weights", "none", List.of("none", "l1", "l2")),
                    new ParamSpec.Real("penalty_rate", "λ of the penalty", 0.001, 0, 1),
                    new ParamSpec.Int("batch", "Minibatch size", 10, 1, 200),
                    new ParamSpec.Int("every", "Minibatch steps per frame", 5, 1, 10)),
                    OptimizerParams.specs("adam", 0.01).stream().filter(s -> !s.name().equals("weight_decay")).toList()),
            List.of(TRAIN_LOSS, TEST_LOSS, TRAIN_ACC, TEST_ACC, EPOCH, THETA, CONFUSION),
            400, ClassifierPlaygroundExperiment::new);

    /** The params, read once. */
    public record Config(String data, int classes, int points, double noise, double testFraction, String file,
                         List<Double> drawn, List<String> features, List<Integer> hidden, List<Activation> activations,
                         boolean crossEntropy, String penalty, double penaltyRate, int batch, int every,
                         OptimizerConfig optimizer) {
        @SuppressWarnings("unchecked")
        public static Config of(Params p) {
            List<Double> widths = (List<Double>) p.get("hidden");
            List<Double> drawn = (List<Double>) p.get("drawn");
            if (drawn.size() % 3 != 0) {
                throw new ParamException("drawn", "drawn: " + drawn.size() + " numbers are not x1,x2,label triples");
            }
            for (int i = 2; i < drawn.size(); i += 3) {
                double label = drawn.get(i);
                if (label != Math.rint(label) || label < 0 || label > 4) {
                    throw new ParamException("drawn", "drawn: label " + label + " of point " + (i / 3 + 1)
                            + " is not allowed; expected a whole number in [0, 4]");
                }
            }
            List<Integer> hidden = widths.stream().map(Double::intValue).toList();
            List<Activation> acts = new ArrayList<>();
            for (int t = 1; t <= hidden.size(); t++) {
                String a = p.choice("act" + t);
                acts.add(a.equals("linear") ? Activation.IDENTITY : Activation.of(a));
            }
            return new Config(p.choice("data"), p.integer("classes"), p.integer("points"), p.real("noise"),
                    p.real("test_fraction"), (String) p.get("file"), drawn, p.subset("features"), hidden, acts,
                    p.choice("loss").equals("cross_entropy"), p.choice("penalty"), p.real("penalty_rate"),
                    p.integer("batch"), p.integer("every"), OptimizerConfig.from(p));
        }

        /** The data these params and the seed give (the same for the experiment and for whoever draws it). */
        public PlaygroundData data(long seed) {
            return PlaygroundData.of(data, points, classes, noise, testFraction, file, drawn, new Rng(seed ^ 0xDA7AL));
        }

        /** The net for {@code k} classes: (#features, hidden …, k). */
        public PlaygroundNet net(int k) {
            int[] sizes = new int[hidden.size() + 2];
            sizes[0] = features.size();
            for (int t = 0; t < hidden.size(); t++) {
                sizes[t + 1] = hidden.get(t);
            }
            sizes[sizes.length - 1] = k;
            return new PlaygroundNet(features, sizes, activations);
        }
    }

    private final Config config;
    private final PlaygroundData data;
    private final SmallMlp net;
    private final double[][] trainIn;               // d_0 × n features of the training points
    private final double[][] testIn;
    private final double[] theta;                   // W_1, b_1, W_2, b_2, … : the optimizer's storage
    private final double[] grad;
    private final Optimizer optimizer;
    private final Objective objective;
    private final Rng rng;
    private final ClassLoss loss;
    private int[] order;
    private int position;
    private int[] batchIndex;
    private long steps;
    private Frame frame;

    private ClassifierPlaygroundExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        data = config.data(seed);
        if (data.trainY().length == 0) {
            throw new ParamException("points", "points: no training points; lower test_fraction or draw some");
        }
        PlaygroundNet shape = config.net(data.classes());
        rng = new Rng(seed);
        net = shape.mlp();
        theta = net.initialParameters(Init.uniform(rng::nextDouble));
        grad = new double[theta.length];
        trainIn = shape.inputs(data.trainX());
        testIn = shape.inputs(data.testX());
        loss = config.crossEntropy() ? ClassLoss.CROSS_ENTROPY : ClassLoss.SQUARED;
        Vector x = Vector.of(theta);
        Vector g = Vector.of(grad);
        optimizer = config.optimizer().create(x, g);
        objective = Objective.atParameters(x, g, this::batchLossAndGradient);
        order = org.trainscope.engine.data.Dataset.permutation(data.trainY().length, rng);
        frame = frame0();
    }

    /** L and ∇L on the current minibatch at θ (the optimizer's storage): gather, forward, loss, backward, penalty. */
    private double batchLossAndGradient() {
        int b = batchIndex.length;
        double[][][] o = net.buffers(b);
        int[] labels = new int[b];
        for (int j = 0; j < b; j++) {
            for (int f = 0; f < trainIn.length; f++) {
                o[0][f][j] = trainIn[f][batchIndex[j]];
            }
            labels[j] = data.trainY()[batchIndex[j]];
        }
        net.forward(theta, o, 0, b);
        double[][] delta = new double[data.classes()][b];
        double value = loss.mean(o[net.depth()], labels, delta);
        net.backward(theta, o, delta, grad);
        double lambda = config.penaltyRate();
        for (int t = 1; t <= net.depth(); t++) {                          // weights only, as Playground does
            int w = net.weightOffset(t);
            int end = w + net.weightCount(t);
            for (int i = w; i < end; i++) {
                double wi = theta[i];
                if (config.penalty().equals("l2")) {
                    value += 0.5 * lambda * wi * wi;                        // (λ/2) W²
                    grad[i] += lambda * wi;
                } else if (config.penalty().equals("l1")) {
                    value += lambda * Math.abs(wi);                         // λ|W|, subgradient λ·sign(W)
                    grad[i] += lambda * Math.signum(wi);
                }
            }
        }
        if (!Double.isFinite(value)) {
            throw new DivergedException("the loss is no longer finite at step " + (steps + 1) + "; lower lr");
        }
        return value;
    }

    /** {mean loss, accuracy} on a whole set, and its confusion counts if {@code confusion} is given. */
    private double[] score(double[][] in, int[] labels, double[] confusion) {
        if (labels.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[][][] o = net.buffers(labels.length);
        o[0] = in;
        net.forward(theta, o, 0, labels.length);
        double[][] out = o[net.depth()];
        double value = loss.mean(out, labels, null);
        int k = data.classes();
        int right = 0;
        for (int j = 0; j < labels.length; j++) {
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (out[c][j] > out[arg][j]) {
                    arg = c;
                }
            }
            right += arg == labels[j] ? 1 : 0;
            if (confusion != null) {
                confusion[labels[j] * k + arg]++;
            }
        }
        return new double[] {value, (double) right / labels.length};
    }

    private Frame frame0() {
        int k = data.classes();
        double[] confusion = new double[k * k];
        double[] train = score(trainIn, data.trainY(), null);
        double[] test = score(testIn, data.testY(), confusion);
        return Frame.builder(steps)
                .scalar(TRAIN_LOSS, train[0]).scalar(TEST_LOSS, test[0])
                .scalar(TRAIN_ACC, train[1]).scalar(TEST_ACC, test[1])
                .scalar(EPOCH, (double) steps * config.every() * Math.min(config.batch(), data.trainY().length)
                        / data.trainY().length)
                .series(THETA, theta.clone()).series(CONFUSION, confusion)
                .build();
    }

    /** The data this run trains and tests on. */
    public PlaygroundData data() {
        return data;
    }

    /** {@code every} minibatch steps: gather → forward → loss and ∇L → optimizer.step; then the frame. */
    @Override
    public Frame step() {
        Atomic.run(this, () -> {
            for (int s = 0; s < config.every(); s++) {
                int n = data.trainY().length;
                int count = Math.min(config.batch(), n - position);
                batchIndex = java.util.Arrays.copyOfRange(order, position, position + count);
                optimizer.step(objective);
                position += count;
                if (position >= n) {
                    position = 0;
                    order = org.trainscope.engine.data.Dataset.permutation(n, rng);
                }
            }
        });
        steps++;
        frame = frame0();
        return frame;
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps).longValue("position", position)
                .longValue("rng", rng.state());
        b.array("order", Indices.toDoubles(order));
        b.array("theta", theta);
        return b.put("opt", optimizer.state()).build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        position = (int) s.longValue("position");
        rng.setState(s.longValue("rng"));
        Indices.copy(s.array("order"), order);
        System.arraycopy(s.array("theta"), 0, theta, 0, theta.length);
        optimizer.restore(s.under("opt"));
        frame = frame0();
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        return frame;
    }
}
