package org.trainscope.engine.optim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.trainscope.engine.experiment.Snapshot;

/**
 * An update rule x ← rule(x, ∇f) applied in place to a parameter {@link Vector}.
 *
 * <p>Lifecycle: {@link OptimizerConfig#create(Vector, Vector)} binds the rule to the model's storage — the
 * parameters x and the vector the objective writes ∇f into — and allocates the rule's state shaped like x (zeros);
 * then {@link #step(Objective)} … (x updated in place, no allocation); {@link #state()} / {@link #restore(Snapshot)}
 * to fork a run exactly.
 *
 * <p>This class keeps what every rule shares — the step counter t, the schedule η_t, ℓ2 weight decay, and the
 * rule's named state vectors with their snapshot — so that each subclass is only its formula.
 */
public abstract sealed class Optimizer
        permits GradientDescent, HeavyBall, SgdMomentum, Nesterov, AdaGrad, RmsProp, Adam, NormalizedGradient,
        GradientFlow {
    protected final OptimizerConfig config;
    /** The parameters, updated in place. */
    protected final Vector x;
    /** Where the objective writes ∇f; the rules read it after {@link #gradientAt}. */
    protected final Vector g;
    private final Map<String, Vector> state = new LinkedHashMap<>();
    private Objective objective;
    private long t;
    private double stepSize = Double.NaN;

    protected Optimizer(OptimizerConfig config, Vector x, Vector g) {
        if (!x.sameLayout(g)) {
            throw x.layoutMismatch(g);
        }
        this.config = config;
        this.x = x;
        this.g = g;
    }

    public OptimizerConfig config() {
        return config;
    }

    /** Steps taken. */
    public long t() {
        return t;
    }

    /** The parameters this optimizer updates. */
    public Vector parameters() {
        return x;
    }

    /** The vector the objective writes ∇f into. */
    public Vector gradient() {
        return g;
    }

    /**
     * One step: updates x in place with η = η_t. If the objective throws, x, the state and t stay as they were.
     *
     * @return the objective (with weight decay) at the point where this step took its gradient
     */
    public final double step(Objective f) {
        objective = f;
        stepSize = Double.NaN;
        double value = update(config.lr().at(t));
        t++;
        return value;
    }

    /**
     * The s of the last step if it was x ← x − s·∇f̃(x) — gd: η_t; normalized: η_t/(√v + ε) — else NaN: momentum,
     * Nesterov and the per-coordinate rules do not move along the gradient just taken by one scalar (nor does the
     * flow). For a model that relates its own dynamics to the step size (Theorem 3 integrates dσ/dt over it). Not
     * state: meaningful right after {@link #step}.
     */
    public double stepSize() {
        return stepSize;
    }

    /** Records that this step was x ← x − s·∇f̃(x) (see {@link #stepSize()}). */
    protected final void steppedAlongTheGradient(double s) {
        stepSize = s;
    }

    /** The rule: update x in place with learning rate η = η_t; return f where the gradient was taken. */
    protected abstract double update(double eta);

    /**
     * f̃(at) with ∇f̃(at) in g, where f̃ = f + (λ/2)‖x‖², so ∇f̃ = ∇f + λx: ℓ2 weight decay as a change of objective,
     * the same for every rule (torch.optim adds λx to the gradient alike).
     */
    protected final double gradientAt(Vector at) {
        double value = objective.evaluate(at, g);
        double lambda = config.weightDecay();
        if (lambda != 0.0) {
            g.axpy(lambda, at);                          // ∇f̃ = ∇f + λx
            value += 0.5 * lambda * at.dot(at);          // f̃ = f + (λ/2)‖x‖²
        }
        return value;
    }

    /** A state vector of the rule, zeros shaped like x, saved and restored with the optimizer under {@code name}. */
    protected final Vector buffer(String name) {
        return buffer(name, x.zerosLike());
    }

    /** Registers {@code storage} as state under {@code name} (e.g. a rule's scalar as a one-element vector). */
    protected final Vector buffer(String name, Vector storage) {
        if (state.put(name, storage) != null) {
            throw new IllegalStateException("state '" + name + "' registered twice");
        }
        return storage;
    }

    /** A work vector shaped like x: not state, so not saved (e.g. the look-ahead point). */
    protected final Vector scratch() {
        return x.zerosLike();
    }

    /** t and every state vector, by name: {@code b.put(prefix, optimizer.state())}. */
    public Snapshot state() {
        Snapshot.Builder b = Snapshot.builder().longValue("t", t);
        state.forEach((name, v) -> b.array(name, v.toArray()));
        return b.build();
    }

    /** Reinstates what {@link #state()} saved: {@code optimizer.restore(snapshot.under(prefix))}. */
    public void restore(Snapshot s) {
        for (Map.Entry<String, Vector> e : state.entrySet()) {
            double[] saved = s.array(e.getKey());
            if (saved.length != e.getValue().length()) {
                throw new IllegalStateException("state '" + e.getKey() + "' has " + saved.length + " values, the "
                        + "parameters " + e.getValue().length());
            }
        }
        state.forEach((name, v) -> v.set(s.array(name)));
        t = s.longValue("t");
    }
}
