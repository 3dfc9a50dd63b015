package org.trainscope.engine.generalization;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.engine.data.Table;
import org.trainscope.engine.experiment.AbstractExperiment;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * Lazy training (Jacot, Gabriel & Hongler 2018; Lee et al. 2019; Arora et al. 2019): depth-2 ReLU nets in the NTK
 * parameterization ({@link LazyNet}) of several widths, from seeded inits, trained side by side by full-batch gradient
 * descent on L = (1/2n) Σ (f(x_i) − y_i)². Inputs carry a constant 1 for the bias. Every frame measures, per width,
 * how far θ moved (‖θ_t − θ₀‖/‖θ₀‖), how far the empirical NTK on the training points moved
 * (‖Θ_t − Θ₀‖_F/‖Θ₀‖_F), and how far the net is from its linearization — the kernel-regression dynamics
 * f_t = f₀ − (η/n)·Θ₀(·, X)·Σ_{s<t} r_s with r_{s+1} = (I − (η/n)Θ₀(X, X)) r_s — as the sup over the plot points.
 * All three fall with the width like 1/√width. The dashed curve is the infinite-width limit's kernel regression
 * Θ∞(x, X) Θ∞(X, X)⁻¹ y with the analytic ReLU NTK.
 */
public final class NtkExperiment extends AbstractExperiment {
    public static final Output WIDTH = Output.scalar("w{k}.width", "hidden width m of net k", "units");
    public static final Output WEIGHT_CHANGE = Output.scalar("w{k}.weight_change", "‖θ_t − θ₀‖/‖θ₀‖ of net k");
    public static final Output KERNEL_CHANGE = Output.scalar("w{k}.kernel_change", "‖Θ_t − Θ₀‖_F/‖Θ₀‖_F of net k on the training points");
    public static final Output NET_VS_KERNEL = Output.scalar("w{k}.net_vs_kernel",
            "sup over the plot points of |f_net − f_NTK|, f_NTK the net's linearization trained alike");
    public static final Output LOSS = Output.scalar("w{k}.loss", "(1/2n) Σ (f(x_i) − y_i)² of net k");
    public static final Output X = Output.series("x", "plot points: x on [−1.2, 1.2] (curve), or the true target of held-out rows (diabetes)");
    public static final Output F = Output.series("f", "the widest net f_t at the plot points");
    public static final Output F_LIN = Output.series("f_lin", "its linearization f_NTK,t (kernel regression with Θ₀, trained alike)");
    public static final Output F_INF = Output.series("f_inf", "infinite-width kernel regression Θ∞(x, X) Θ∞(X, X)⁻¹ y");
    public static final Output TRAIN_X = Output.series("train_x", "training inputs (curve), or their true targets (diabetes)");
    public static final Output TRAIN_Y = Output.series("train_y", "training targets y_i");
    public static final Output KERNEL = Output.series("w{k}.kernel", "Θ₀(x₀, x) of net k at init, x₀ the first training point, at the plot points");
    public static final Output KERNEL_INF = Output.series("kernel_inf", "the analytic Θ∞(x₀, x) (arc-cosine formulas)");
    public static final Output TABLE = Output.scalar("table.{set}.{method}",
            "test accuracy on half of a UCI table (iris, wine, breast_cancer) of method ntk, net or gaussian");

    /** The UCI tables of the accuracy table, by the name their scalars carry. */
    public static final java.util.List<String> TABLES = List.of("iris", "wine", "breast_cancer");
    /** The methods compared, in the order of {@link KernelTable#accuracies}. */
    public static final java.util.List<String> METHODS = List.of("ntk", "net", "gaussian");

    public static final ExperimentDef TYPE = new ExperimentDef(
            "ntk",
            "Lazy training and the neural tangent kernel",
            new ExperimentDef.Explanation(
                    "The same small regression problem, fitted by depth-2 ReLU nets of widths 16 to 4096 with the "
                            + "same gradient descent. The wider the net, the less its weights move to fit — the "
                            + "relative change falls like 1/√width — and the less its tangent kernel "
                            + "Θ(x, x') = ⟨∇f(x), ∇f(x')⟩ changes: a very wide net trains like its linearization, "
                            + "kernel regression with Θ. Its kernel at init is already close to the infinite-width "
                            + "formula (dashed), and its trained function to kernel regression with it. The table "
                            + "below compares, on half of three small UCI tables, kernel regression with the "
                            + "infinite-width NTK, finite nets, and a Gaussian kernel: lecture 001's table in miniature.",
                    "f(x) = (1/√m) Σ_j a_j relu(w_jᵀx),  Θ(x, x') = ⟨∇_θ f(x), ∇_θ f(x')⟩\n"
                            + "Θ∞(x, x') = ‖x‖‖x'‖(sin φ + (π − φ)cos φ)/2π + xᵀx'(π − φ)/2π;   f∞(x) = Θ∞(x, X) Θ∞(X, X)⁻¹ y",
                    "Lecture 001, Vignette 1, \"Neural Tangent Kernels\" (Jacot et al. 2018; Arora et al. 2019); "
                            + "Lee et al. 2019 (wide nets evolve as linear models)."),
            List.of(
                    new ParamSpec.Choice("data", "A 1-D curve y = sin(πx) + x/2, or rows of the diabetes table", "curve",
                            List.of("curve", "diabetes")),
                    new ParamSpec.Int("n", "Training points", 12, 2, 30),
                    new ParamSpec.Numbers("widths", "Hidden widths compared", List.of(16.0, 64.0, 256.0, 1024.0, 4096.0),
                            1, 4096, true, 6),
                    new ParamSpec.Real("lr", "Learning rate η of gradient descent", 0.5, 1e-4, 4),
                    new ParamSpec.Int("every", "Gradient steps per frame", 10, 1, 10)),
            List.of(WIDTH, WEIGHT_CHANGE, KERNEL_CHANGE, NET_VS_KERNEL, LOSS, X, F, F_LIN, F_INF, TRAIN_X, TRAIN_Y,
                    KERNEL, KERNEL_INF, TABLE),
            200, NtkExperiment::new);

    /** The params, read once. */
    public record Config(boolean curve, int n, int[] widths, double lr, int every) {
        @SuppressWarnings("unchecked")
        public static Config of(Params p) {
            List<Double> ws = (List<Double>) p.get("widths");
            if (ws.isEmpty()) {
                throw new org.trainscope.engine.experiment.ParamException("widths", "widths: the list is empty; "
                        + "expected " + p.spec("widths").allowed());
            }
            return new Config(p.choice("data").equals("curve"), p.integer("n"),
                    ws.stream().mapToInt(Double::intValue).toArray(), p.real("lr"), p.integer("every"));
        }
    }

    /** One width's net, its optimizer, and its linearization's state. */
    private final class Run {
        final LazyNet net;
        final double[] theta0;
        final double norm0;
        final double[] kernel0;           // Θ₀(X, X), n × n
        final double[] gridKernel0;       // Θ₀(grid, X)
        final double[] f0Grid;
        final double[] linResidual;       // f_lin(X) − y
        final double[] linSum;            // Σ_s r_s
        final double[] gw;
        final double[] ga;
        final Optimizer optimizer;
        final Objective objective;
        double loss;

        Run(int width, Rng rng) {
            net = new LazyNet(width, dim, rng);
            theta0 = concat(net.w, net.a);
            norm0 = Math.sqrt(net.normSquared());
            kernel0 = net.kernel(trainX, trainX);
            gridKernel0 = net.kernel(gridX, trainX);
            f0Grid = net.f(gridX);
            double[] f0 = net.f(trainX);
            linResidual = new double[n];
            for (int i = 0; i < n; i++) {
                linResidual[i] = f0[i] - trainY[i];
            }
            linSum = new double[n];
            gw = new double[net.w.length];
            ga = new double[net.a.length];
            Vector x = Vector.join(net.w, net.a);
            Vector g = Vector.join(gw, ga);
            optimizer = OptimizerConfig.of("gd", config.lr()).create(x, g);
            objective = Objective.atParameters(x, g, this::lossAndGradient);
            loss = lossOf(f0);
        }

        /** L = (1/2n) Σ r_i², ∇L = (1/n) Σ r_i ∇f(x_i). */
        double lossAndGradient() {
            java.util.Arrays.fill(gw, 0);
            java.util.Arrays.fill(ga, 0);
            double[] f = net.f(trainX);
            for (int i = 0; i < n; i++) {
                net.addGradient(trainX, i * dim, (f[i] - trainY[i]) / n, gw, ga);
            }
            double value = lossOf(f);
            if (!Double.isFinite(value)) {
                throw new DivergedException("width " + net.m + ": the loss is no longer finite; lower lr");
            }
            return value;
        }

        double lossOf(double[] f) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += (f[i] - trainY[i]) * (f[i] - trainY[i]);
            }
            return s / (2.0 * n);
        }

        /** One GD step of the net, and of its linearization: r ← r − (η/n) Θ₀ r. */
        void step() {
            loss = optimizer.step(objective);
            double eta = config.lr() / n;
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += kernel0[i * n + j] * linResidual[j];
                }
                next[i] = linResidual[i] - eta * s;
            }
            for (int i = 0; i < n; i++) {
                linSum[i] += linResidual[i];
                linResidual[i] = next[i];
            }
        }

        /** f_lin(x) = f₀(x) − (η/n) Θ₀(x, X) Σ_s r_s at the plot points. */
        double[] linearGrid() {
            double eta = config.lr() / n;
            double[] out = new double[gridY];
            for (int g = 0; g < gridY; g++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += gridKernel0[g * n + i] * linSum[i];
                }
                out[g] = f0Grid[g] - eta * s;
            }
            return out;
        }

        double weightChange() {
            double[] now = concat(net.w, net.a);
            double s = 0;
            for (int i = 0; i < now.length; i++) {
                s += (now[i] - theta0[i]) * (now[i] - theta0[i]);
            }
            return Math.sqrt(s) / norm0;
        }

        double kernelChange() {
            double[] now = net.kernel(trainX, trainX);
            double diff = 0;
            double base = 0;
            for (int i = 0; i < now.length; i++) {
                diff += (now[i] - kernel0[i]) * (now[i] - kernel0[i]);
                base += kernel0[i] * kernel0[i];
            }
            return Math.sqrt(diff / base);
        }
    }

    private final Config config;
    private final int dim;
    private final int n;
    private final double[] trainX;       // n × dim, last coordinate 1
    private final double[] trainY;
    private final double[] trainAxis;
    private final double[] gridX;
    private final double[] gridAxis;
    private final int gridY;
    private final double[] fInf;
    private final double[] kernelInf;
    private final List<Run> runs = new ArrayList<>();
    private final double[][] table = new double[TABLES.size()][];
    private long steps;
    private Frame frame;

    private NtkExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        config = Config.of(params);
        n = config.n();
        NtkProblem problem = NtkProblem.of(config.curve(), n, new Rng(seed));
        dim = problem.dim();
        trainX = problem.trainX();
        trainY = problem.trainY();
        trainAxis = problem.trainAxis();
        gridX = problem.gridX();
        gridAxis = problem.gridAxis();
        gridY = gridAxis.length;
        fInf = problem.fInf();
        kernelInf = problem.kernelInf();
        for (int k = 0; k < config.widths().length; k++) {
            runs.add(new Run(config.widths()[k], new Rng(seed * 0x9E3779B97F4A7C15L + k + 1)));
        }
        Table[] tables = {Table.iris(), Table.wine(), Table.breastCancer()};
        for (int t = 0; t < tables.length; t++) {
            table[t] = KernelTable.accuracies(tables[t], new Rng(seed + 0x7AB1EL + t));
        }
        frame = combine();
    }

    private static double[] concat(double[] u, double[] v) {
        double[] out = java.util.Arrays.copyOf(u, u.length + v.length);
        System.arraycopy(v, 0, out, u.length, v.length);
        return out;
    }

    private Frame combine() {
        Frame.Builder b = Frame.builder(steps);
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            double[] net = r.net.f(gridX);
            double[] lin = r.linearGrid();
            double sup = 0;
            for (int g = 0; g < gridY; g++) {
                sup = Math.max(sup, Math.abs(net[g] - lin[g]));
            }
            b.scalar(WIDTH.of(k), r.net.m).scalar(WEIGHT_CHANGE.of(k), r.weightChange())
                    .scalar(KERNEL_CHANGE.of(k), r.kernelChange()).scalar(NET_VS_KERNEL.of(k), sup)
                    .scalar(LOSS.of(k), r.lossOf(r.net.f(trainX)));
        }
        Run widest = runs.get(0);
        for (Run r : runs) {
            widest = r.net.m > widest.net.m ? r : widest;
        }
        b.series(X, gridAxis).series(F, widest.net.f(gridX)).series(F_LIN, widest.linearGrid()).series(F_INF, fInf)
                .series(TRAIN_X, trainAxis).series(TRAIN_Y, trainY);
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            double[] slice = new double[gridY];
            for (int g = 0; g < gridY; g++) {
                slice[g] = r.gridKernel0[g * n];                                   // Θ₀(x_g, x₀)
            }
            b.series(KERNEL.of(k), slice);
        }
        for (int t = 0; t < TABLES.size(); t++) {
            for (int m = 0; m < METHODS.size(); m++) {
                b.scalar(TABLE.of(TABLES.get(t), METHODS.get(m)), table[t][m]);
            }
        }
        return b.series(KERNEL_INF, kernelInf).build();
    }

    /** {@code every} gradient steps of every net; if one diverges, all stay at the last frame. */
    @Override
    public Frame step() {
        Atomic.run(this, () -> {
            for (int s = 0; s < config.every(); s++) {
                for (Run r : runs) {
                    r.step();
                }
            }
        });
        steps++;
        frame = combine();
        return frame;
    }

    @Override
    public Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("steps", steps);
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            b.array("w" + k, r.net.w).array("a" + k, r.net.a).array("res" + k, r.linResidual)
                    .array("sum" + k, r.linSum).array("loss" + k, new double[] {r.loss})
                    .put("opt" + k, r.optimizer.state());
        }
        return b.build();
    }

    @Override
    public void restore(Snapshot s) {
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            System.arraycopy(s.array("w" + k), 0, r.net.w, 0, r.net.w.length);
            System.arraycopy(s.array("a" + k), 0, r.net.a, 0, r.net.a.length);
            System.arraycopy(s.array("res" + k), 0, r.linResidual, 0, n);
            System.arraycopy(s.array("sum" + k), 0, r.linSum, 0, n);
            r.loss = s.array("loss" + k)[0];
            r.optimizer.restore(s.under("opt" + k));
        }
        steps = s.longValue("steps");
        frame = combine();
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
