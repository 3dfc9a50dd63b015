package org.trainscope.engine.generalization;

import org.trainscope.engine.data.Dataset;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.experiment.Snapshot;
import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.nn.Mlp;
import org.trainscope.engine.optim.Objective;
import org.trainscope.engine.optim.Optimizer;
import org.trainscope.engine.optim.OptimizerConfig;
import org.trainscope.engine.optim.Vector;

/**
 * One run of {@link RandomLabelsExperiment}: an MLP trained by minibatches on a training set of which a fraction ρ was
 * corrupted, scored on its own (corrupted) training labels and on the clean test set. Lifecycle: construct (θ drawn
 * from the seed), {@link #train} … , {@link #score}; {@link #snapshot}/{@link #restore} for exact rewinds.
 */
final class LabelNoiseRun {
    private final float[] trainX;
    private final int[] trainY;
    private final float[] testX;
    private final int[] testY;
    private final Mlp mlp;
    private final Optimizer optimizer;
    private final Objective objective;
    private final int[] labels;
    private final Rng order;
    private final int batch;
    private int[] perm;
    private int position;
    private int count;

    /**
     * @param trainX row-major training inputs (already corrupted if pixels are), FLOAT
     * @param trainY the training labels (already corrupted if labels are)
     * @param seed   θ and the minibatch order: the same for every run, so that runs differ only in their data
     */
    LabelNoiseRun(float[] trainX, int[] trainY, float[] testX, int[] testY, int[] sizes, int batch,
                  OptimizerConfig rule, long seed) {
        this.trainX = trainX;
        this.trainY = trainY;
        this.testX = testX;
        this.testY = testY;
        this.batch = Math.min(batch, trainY.length);
        this.mlp = new Mlp(sizes, Math.max(this.batch, 512));
        Rng rng = new Rng(seed);
        mlp.initialize(Init.uniform(rng::nextDouble));         // PyTorch's nn.Linear default, U(±1/√fan_in)
        this.order = new Rng(seed ^ 0x0DDE5L);
        this.perm = Dataset.permutation(trainY.length, order);
        this.labels = new int[this.batch];
        Vector theta = Vector.floats(mlp.parameterAddress(), mlp.parameterCount());
        Vector grad = Vector.floats(mlp.gradientAddress(), mlp.parameterCount());
        this.optimizer = rule.create(theta, grad);
        this.objective = Objective.atParameters(theta, grad, () -> {
            mlp.forward(count);
            double loss = mlp.backward(labels, 0, count);        // L = (1/B) Σ_k −log softmax(z_k)[y_k]
            if (!Double.isFinite(loss) || !Float.isFinite(Blas.cblas_snrm2(grad.length(), mlp.gradientAddress(), 1))) {
                throw new DivergedException("the loss is no longer finite; lower lr");
            }
            return loss;
        });
    }

    /** One minibatch step: gather → forward → loss and ∇L → optimizer.step; a new seeded order every epoch. */
    void train() {
        int n = trainY.length;
        count = Math.min(batch, n - position);
        mlp.gather(trainX, perm, position, count);
        for (int k = 0; k < count; k++) {
            labels[k] = trainY[perm[position + k]];
        }
        optimizer.step(objective);
        position += count;
        if (position >= n) {
            position = 0;
            perm = Dataset.permutation(n, order);
        }
    }

    /** {train loss, train accuracy, test accuracy}: mean cross-entropy and accuracies over the whole sets. */
    double[] score() {
        double[] train = score(trainX, trainY);
        double[] test = score(testX, testY);
        return new double[] {train[0], train[1], test[1]};
    }

    private double[] score(float[] x, int[] y) {
        double[] acc = new double[2];
        int n = y.length;
        for (int from = 0; from < n; from += mlp.capacity()) {
            int c = Math.min(mlp.capacity(), n - from);
            mlp.load(x, from, c);
            mlp.forward(c);
            mlp.score(y, from, c, acc);
        }
        return new double[] {acc[0] / n, acc[1] / n};
    }

    Snapshot snapshot() {
        Snapshot.Builder b = Snapshot.builder().longValue("position", position).longValue("order", order.state());
        b.array("perm", Indices.toDoubles(perm));
        double[][] theta = mlp.parameterArrays();
        for (int i = 0; i < theta.length; i++) {
            b.array("theta" + i, theta[i]);
        }
        return b.put("opt", optimizer.state()).build();
    }

    void restore(Snapshot s) {
        position = (int) s.longValue("position");
        order.setState(s.longValue("order"));
        Indices.copy(s.array("perm"), perm);
        double[][] theta = mlp.parameterArrays();
        for (int i = 0; i < theta.length; i++) {
            theta[i] = s.array("theta" + i);
        }
        mlp.setParameters(theta);
        optimizer.restore(s.under("opt"));
    }
}
