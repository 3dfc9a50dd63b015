package org.trainscope.engine.depth;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.linalg.Nd4jRuntime;
import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.DenseLayer;
import org.trainscope.engine.nn.Flat;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.nn.Loss;
import org.trainscope.engine.nn.Network;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.OptimizerParams;
import org.trainscope.engine.optim.Vector;

/**
 * Depth separation in training: a deep narrow ReLU network (m layers of width 3, the shape of the s_m construction)
 * and a shallow wide one (one layer, width chosen so the parameter counts match as closely as possible) are trained
 * side by side on the same n samples (x_i ~ U[0, 1], y_i = s_m(x_i)), with the same optimizer, full batch, squared
 * loss. Init {@code random}: PyTorch's U(±1/√fan_in) from the seed. Init {@code construction}: the deep net starts at
 * the exact s_m weights and the shallow one at the depth-2 interpolant of s_m at width equally spaced points (the best
 * the lemma offers at that width), both plus N(0, noise²) on every parameter.
 *
 * <p>One step = one optimizer step of each network. Scalars: {@code deep.loss}, {@code shallow.loss} (at the current
 * weights), {@code deep.pieces}, {@code shallow.pieces} (exact, from the weights), {@code deep.params},
 * {@code shallow.params}, {@code deep.width}, {@code shallow.width}, {@code target.pieces} (2^m). Series: {@code x},
 * {@code target}, {@code deep}, {@code shallow} (the fitted functions, read exactly from the weights, on a grid of
 * [0, 1] holding every breakpoint of s_m), {@code data_x}, {@code data_y}.
 */
public final class DepthSeparationExperiment extends AbstractExperiment {
    public static final Output DEEP_LOSS = Output.scalar("deep.loss", "training loss of the deep narrow net at the frame's weights");
    public static final Output SHALLOW_LOSS = Output.scalar("shallow.loss", "training loss of the shallow wide net at the frame's weights");
    public static final Output DEEP_PIECES = Output.scalar("deep.pieces", "linear pieces of the deep net on [0, 1], exact from its weights");
    public static final Output SHALLOW_PIECES = Output.scalar("shallow.pieces", "linear pieces of the shallow net on [0, 1], exact from its weights");
    public static final Output DEEP_PARAMS = Output.scalar("deep.params", "weights and biases of the deep net");
    public static final Output SHALLOW_PARAMS = Output.scalar("shallow.params", "weights and biases of the shallow net");
    public static final Output DEEP_LAYER_WIDTH = Output.scalar("deep.width", "width of each hidden layer of the deep net (3)", "units");
    public static final Output SHALLOW_LAYER_WIDTH = Output.scalar("shallow.width", "width of the shallow net's one hidden layer", "units");
    public static final Output TARGET_PIECES = Output.scalar("target.pieces", "linear pieces of the target s_m: 2^m");
    public static final Output X = Output.series("x", "grid of [0, 1] holding every breakpoint of s_m");
    public static final Output TARGET = Output.series("target", "the target s_m on the grid x");
    public static final Output DEEP = Output.series("deep", "the deep net's function on the grid x, exact from its weights");
    public static final Output SHALLOW = Output.series("shallow", "the shallow net's function on the grid x, exact from its weights");
    public static final Output DATA_X = Output.series("data_x", "the training inputs x_i ~ U[0, 1]");
    public static final Output DATA_Y = Output.series("data_y", "the training targets s_m(x_i)");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "depth-separation",
            "Why depth: deep narrow vs shallow wide, trained",
            new ExperimentDef.Explanation(
                    "Two ReLU networks with (about) the same number of parameters learn the sawtooth s_m from the same "
                            + "samples with the same optimizer: m layers of width 3 against one layer of ~4m units. The "
                            + "shallow net can make at most width + 1 linear pieces; the deep one up to 2^m. From a random "
                            + "init the deep narrow net is itself hard to train; init = construction starts both near "
                            + "their best construction (the panel says which init is shown).",
                    "L(θ) = (1/n) Σ ½(f_θ(x_i) − s_m(x_i))²,   same optimizer, data, seed\n"
                            + "pieces(depth 2, width w) ≤ w + 1,   pieces(s_m) = 2^m",
                    "Lecture 000, \"Why deep?\" (Eldan–Shamir 2016, Telgarsky 2016); lecture 002, \"Example: sawteeth "
                            + "function\" and the Eldan–Shamir lemma.")
                    .withEquations(
                            "L(\\theta) = \\frac{1}{n}\\sum_i \\tfrac12 \\big(f_\\theta(x_i) - s_m(x_i)\\big)^2:\\quad \\text{deep } \\val{deep.loss},\\ \\ \\text{shallow } \\val{shallow.loss}",
                            "\\text{pieces(depth 2, width } w) \\le w + 1:\\ \\val{shallow.pieces}\\ (w = \\val{shallow.width}),\\quad \\text{deep } \\val{deep.pieces},\\quad 2^m = \\val{target.pieces}"),
            ParamSpec.join(List.of(
                    new ParamSpec.Int("m", "Target s_m: 2^m pieces; the deep net has m layers of width 3", 4, 1, 8),
                    new ParamSpec.Choice("init", "construction (exact weights + noise) or random (PyTorch default)", "construction",
                            List.of("construction", "random")),
                    new ParamSpec.Real("noise", "construction init: σ of the noise on every weight", 0.02, 0, 2),
                    new ParamSpec.Int("samples", "Training points x_i ~ U[0,1]", 256, 8, 4096)),
                    OptimizerParams.specs("adam", 0.01)),
            List.of(DEEP_LOSS, SHALLOW_LOSS, DEEP_PIECES, SHALLOW_PIECES, DEEP_PARAMS, SHALLOW_PARAMS, DEEP_LAYER_WIDTH,
                    SHALLOW_LAYER_WIDTH, TARGET_PIECES, X, TARGET, DEEP, SHALLOW, DATA_X, DATA_Y),
            1000, DepthSeparationExperiment::new);

    /**
     * The params of the target, the data and the init, read once ({@code optimizer} and {@code lr} are read where the
     * optimizers are built).
     *
     * @param construction init {@code construction} (the exact weights plus noise), else {@code random}
     */
    public record Config(int m, boolean construction, double noise, int samples) {
        public static Config of(Params p) {
            return new Config(p.integer("m"), p.choice("init").equals("construction"), p.real("noise"),
                    p.integer("samples"));
        }
    }

    private static final int DEEP_WIDTH = 3;

    private final int m;
    private final Learner deep;
    private final Learner shallow;
    private final INDArray dataX;
    private final INDArray dataY;
    private final double[] xs;
    private final double[] ys;
    private final double[] grid;
    private final double[] target;
    private long steps;

    private DepthSeparationExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Nd4jRuntime.init();
        Config given = Config.of(params);
        this.m = given.m();
        Rng rng = new Rng(seed);
        int n = given.samples();
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = rng.nextDouble();                                         // x_i ~ U[0, 1)
            ys[i] = ShallowApproxExperiment.sawtooth(xs[i], m);              // y_i = s_m(x_i)
        }
        dataX = Nd4j.create(xs.clone(), new long[] {1, n}, 'c');
        dataY = Nd4j.create(ys.clone(), new long[] {1, n}, 'c');
        grid = Nets.grid(0, 1, 1 << Math.max(m + 1, 9));
        target = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            target[i] = ShallowApproxExperiment.sawtooth(grid[i], m);
        }

        int deepParams = deepParams(m);
        int width = shallowWidth(m);
        boolean construction = given.construction();
        double noise = given.noise();
        Init init = Init.uniform(rng::nextDouble);
        Network deepNet = construction ? SawtoothNets.sawtooth(m, SawtoothNets.Tent.SLIDE)
                : Network.of(deepSizes(m), Activation.RELU, Activation.IDENTITY, init);
        Network shallowNet = construction ? interpolant(width)
                : Network.of(new int[] {1, width, 1}, Activation.RELU, Activation.IDENTITY, init);
        if (construction) {
            perturb(deepNet, noise, rng);
            perturb(shallowNet, noise, rng);
        }
        if (deepNet.parameterCount() != deepParams) {
            throw new IllegalStateException("deep net has " + deepNet.parameterCount() + " parameters, expected " + deepParams);
        }
        OptimizerConfig config = OptimizerConfig.from(params);
        deep = new Learner("deep", deepNet, config);
        shallow = new Learner("shallow", shallowNet, config);
    }

    /** Parameters of m ReLU layers of width 3 and a linear read-out: 6 + 12(m − 1) + 4. */
    static int deepParams(int m) {
        return 2 * DEEP_WIDTH + (m - 1) * (DEEP_WIDTH * DEEP_WIDTH + DEEP_WIDTH) + DEEP_WIDTH + 1;
    }

    /** The width w of 1 → w → 1 (3w + 1 parameters) closest to the deep net's count. */
    static int shallowWidth(int m) {
        return Math.max(1, (int) Math.round((deepParams(m) - 1) / 3.0));
    }

    private static int[] deepSizes(int m) {
        int[] sizes = new int[m + 2];
        java.util.Arrays.fill(sizes, DEEP_WIDTH);
        sizes[0] = 1;
        sizes[m + 1] = 1;
        return sizes;
    }

    /** The depth-2 interpolant of s_m at w equally spaced points of [0, 1]. */
    private Network interpolant(int width) {
        double[] px = Nets.grid(0, 1, Math.max(1, width - 1));
        double[] py = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            py[i] = ShallowApproxExperiment.sawtooth(px[i], m);
        }
        return ShallowInterpolant.through(px, py).network();
    }

    /** θ ← θ + σ·ξ, ξ ~ N(0, 1) from the run's Rng, layer by layer (W row-major, then b). */
    private static void perturb(Network net, double sigma, Rng rng) {
        double[][] theta = Flat.toArrays(net.parameters());
        for (double[] p : theta) {
            for (int i = 0; i < p.length; i++) {
                p[i] += sigma * rng.nextGaussian();
            }
        }
        Flat.copy(theta, net.parameters());
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        Frame.Builder b = Frame.builder(steps);
        b.scalar(DEEP_LOSS, deep.loss).scalar(SHALLOW_LOSS, shallow.loss);
        PiecewiseLinear deepFn = Breakpoints.of(deep.net, 0, 1);                 // the exact functions, from the weights
        PiecewiseLinear shallowFn = Breakpoints.of(shallow.net, 0, 1);
        b.scalar(DEEP_PIECES, deepFn.pieces()).scalar(SHALLOW_PIECES, shallowFn.pieces());
        b.scalar(DEEP_PARAMS, deep.net.parameterCount())
                .scalar(SHALLOW_PARAMS, shallow.net.parameterCount())
                .scalar(DEEP_LAYER_WIDTH, DEEP_WIDTH)
                .scalar(SHALLOW_LAYER_WIDTH, shallowWidth(m))
                .scalar(TARGET_PIECES, 1 << m);
        return b.series(X, grid)
                .series(TARGET, target)
                .series(DEEP, sample(deepFn))
                .series(SHALLOW, sample(shallowFn))
                .series(DATA_X, xs)
                .series(DATA_Y, ys)
                .build();
    }

    private double[] sample(PiecewiseLinear f) {
        double[] y = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            y[i] = f.at(grid[i]);
        }
        return y;
    }

    /** One full-batch step of each network: forward → loss and gradient → optimizer.step → frame. */
    @Override
    public Frame step() {
        Snapshot before = snapshot();
        deep.step();
        shallow.step();
        if (!Double.isFinite(deep.loss) || !Double.isFinite(shallow.loss)) {
            restore(before);
            throw new DivergedException("the loss stopped being finite at step " + (steps + 1) + "; lower lr");
        }
        steps++;
        return frame();
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps);
        for (Learner l : List.of(deep, shallow)) {
            for (int p = 0; p < l.theta.length; p++) {
                b.array(l.name + ".theta." + p, l.theta[p]);
            }
            b.put(l.name + ".opt", l.optimizer.state());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        for (Learner l : List.of(deep, shallow)) {
            for (int p = 0; p < l.theta.length; p++) {
                System.arraycopy(s.array(l.name + ".theta." + p), 0, l.theta[p], 0, l.theta[p].length);   // in place
            }
            Flat.copy(l.theta, l.net.parameters());
            l.optimizer.restore(s.under(l.name + ".opt"));
            l.loss = l.evaluate();
        }
    }

    /**
     * One network, its parameters θ and gradient ∇L as plain arrays (the optimizer's storage, one per layer array)
     * and its optimizer. The forward pass that gives the frame's loss at θ_k is kept and reused by the next step's
     * gradient at the same θ_k: with ND4J's per-op cost dominating these tiny networks, that saves a quarter of each
     * step.
     */
    private final class Learner {
        final String name;
        final Network net;
        final double[][] theta;
        final Optimizer optimizer;
        final Objective objective;
        double loss;
        private Network.Forward atTheta;   // forward pass on the data at the current θ, until θ changes

        Learner(String name, Network net, OptimizerConfig config) {
            this.name = name;
            this.net = net;
            this.theta = Flat.toArrays(net.parameters());
            double[][] grad = Flat.toArrays(net.parameters());
            double[][] point = Flat.toArrays(net.parameters());
            Vector thetaVector = Vector.join(theta);
            Vector pointVector = Vector.join(point);
            this.optimizer = config.create(thetaVector, Vector.join(grad));
            this.objective = (at, g) -> {
                Network.Forward f = atTheta;
                if (f == null || at != thetaVector) {                                    // e.g. Nesterov's look-ahead point
                    pointVector.copyFrom(at);
                    Flat.copy(point, net.parameters());
                    f = net.forward(dataX);
                }
                atTheta = null;                                                  // the optimizer is about to move θ
                double value = Loss.SQUARED.value(f.output(), dataY);           // L = (1/n) Σ ½(f(x_i) − y_i)²
                Flat.copy(net.backward(f, Loss.SQUARED.gradient(f.output(), dataY)), grad);   // into g
                return value;
            };
            this.loss = evaluate();
        }

        /** θ ← optimizer(θ, ∇L), then L at the new θ (the frame's loss is at the frame's weights). */
        void step() {
            optimizer.step(objective);
            Flat.copy(theta, net.parameters());
            loss = evaluate();
        }

        /** L at the network's current parameters (which must equal θ); keeps the forward pass for the next step. */
        double evaluate() {
            atTheta = net.forward(dataX);
            return Loss.SQUARED.value(atTheta.output(), dataY);
        }
    }
}
