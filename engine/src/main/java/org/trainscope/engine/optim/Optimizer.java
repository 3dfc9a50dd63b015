package org.trainscope.engine.optim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.trainscope.engine.experiment.Snapshot;

/**
 * An update rule x ← rule(x, ∇f) applied in place to a list of parameter arrays.
 *
 * <p>This class keeps what every rule shares — the step counter t, the schedule η_t, ℓ2 weight decay, and the
 * rule's state buffers (velocities, second moments…) with their snapshot — so that each subclass is only its
 * formula. Buffers are allocated on the first step, shaped like x.
 */
public abstract sealed class Optimizer permits GradientDescent, HeavyBall, Nesterov, AdaGrad, RmsProp, Adam, GradientFlow {
    protected final OptimizerConfig config;
    private final Map<String, double[][]> buffers = new LinkedHashMap<>();
    private final Map<String, double[][]> scratch = new LinkedHashMap<>();
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private long t;

    protected Optimizer(OptimizerConfig config) {
        this.config = config;
    }

    public OptimizerConfig config() {
        return config;
    }

    /** Steps taken. */
    public long t() {
        return t;
    }

    /**
     * One step: updates x in place.
     *
     * @return the objective (with weight decay) at the point where this step took its gradient
     */
    public final double step(double[][] x, Objective f) {
        double value = update(x, f.withWeightDecay(config.weightDecay()), config.lr().at(t));
        t++;
        return value;
    }

    /** The rule: update x in place with learning rate η = η_t; return f where the gradient was taken. */
    protected abstract double update(double[][] x, Objective f, double eta);

    /** The named state buffer, zero-initialized and shaped like x on first use. */
    protected final double[][] buffer(String name, double[][] like) {
        return buffers.computeIfAbsent(name, k -> zerosLike(like));
    }

    /** A named work array shaped like x: not state, so not snapshotted (e.g. the gradient). */
    protected final double[][] scratch(String name, double[][] like) {
        return scratch.computeIfAbsent(name, k -> zerosLike(like));
    }

    /** True once the named buffer exists. */
    protected final boolean hasBuffer(String name) {
        return buffers.containsKey(name);
    }

    /** A named scalar of the rule's state (e.g. an adaptive step size), or the fallback if unset. */
    protected final double scalar(String name, double fallback) {
        return scalars.getOrDefault(name, fallback);
    }

    protected final void setScalar(String name, double value) {
        scalars.put(name, value);
    }

    /** Writes t and every buffer into the snapshot under {@code prefix}. */
    public void saveTo(Snapshot.Builder b, String prefix) {
        b.longValue(prefix + ".t", t);
        for (Map.Entry<String, double[][]> e : buffers.entrySet()) {
            double[][] buf = e.getValue();
            for (int p = 0; p < buf.length; p++) {
                b.array(prefix + ".buf." + e.getKey() + "." + p, buf[p]);
            }
        }
        for (Map.Entry<String, Double> e : scalars.entrySet()) {
            b.longValue(prefix + ".scalar." + e.getKey(), Double.doubleToRawLongBits(e.getValue()));
        }
    }

    /** Reinstates t and the buffers saved by {@link #saveTo} (shapes from {@code like}). */
    public void restoreFrom(Snapshot s, String prefix, double[][] like) {
        t = s.longValue(prefix + ".t");
        buffers.clear();
        scalars.clear();
        String bufferPrefix = prefix + ".buf.";
        for (String name : s.arrayNames()) {
            if (name.startsWith(bufferPrefix) && name.endsWith(".0")) {
                String key = name.substring(bufferPrefix.length(), name.length() - 2);
                double[][] buf = new double[like.length][];
                for (int p = 0; p < like.length; p++) {
                    buf[p] = s.array(bufferPrefix + key + "." + p);
                }
                buffers.put(key, buf);
            }
        }
        String scalarPrefix = prefix + ".scalar.";
        for (Map.Entry<String, Long> e : s.longs().entrySet()) {
            if (e.getKey().startsWith(scalarPrefix)) {
                scalars.put(e.getKey().substring(scalarPrefix.length()), Double.longBitsToDouble(e.getValue()));
            }
        }
    }

    static double[][] zerosLike(double[][] x) {
        double[][] z = new double[x.length][];
        for (int p = 0; p < x.length; p++) {
            z[p] = new double[x[p].length];
        }
        return z;
    }

    static double[][] copyOf(double[][] x) {
        double[][] c = new double[x.length][];
        for (int p = 0; p < x.length; p++) {
            c[p] = x[p].clone();
        }
        return c;
    }
}
