package org.trainscope.engine.generalization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainscope.engine.nn.Activation;
import org.trainscope.engine.nn.DenseLayer;
import org.trainscope.engine.nn.Flat;
import org.trainscope.engine.nn.Init;
import org.trainscope.engine.nn.Loss;
import org.trainscope.engine.nn.Network;

/**
 * The playground's plain-Java net against two independent oracles: central finite differences of its own loss, and
 * {@code nn/Network} (ND4J, tested on its own) on the same θ and points.
 */
class SmallMlpTest {
    private static final int[] SIZES = {3, 5, 4, 3};   // three features, two hidden layers, three classes
    private static final int N = 6;
    /**
     * Central differences (f(θ + h) − f(θ − h))/2h err by h²/6·|f'''| ≈ 1e-13 and by round-off ε·|f|/h ≈ 1e-10 for
     * these O(1) losses; a wrong formula (a transpose, a missing σ' or 1/n) is off by O(1). Relative error
     * |g − ĝ| / max(1, |g|, |ĝ|), as in {@code nn/GradCheck}.
     */
    private static final double H = 1e-6;
    private static final double FD_TOLERANCE = 1e-6;
    /** ReLU pre-activations closer than this to 0 are redrawn: a ±h step then moves z by ≤ 6h, far from the kink. */
    private static final double KINK_MARGIN = 1e-3;
    /**
     * Against ND4J: both compute the same sums in double (in other orders), and this tanh is within ~3 ulp of 1 of
     * the true value (one exp, a subtraction that is exact when e^{−2|z|} ≥ ½, a division); through three layers of
     * weights ≤ 1 in size the differences stay near 1e-15, so 1e-12 leaves room while any wrong index fails by O(0.1).
     */
    private static final double ORACLE_TOLERANCE = 1e-12;

    /** A net, θ, a batch and labels, with every ReLU pre-activation away from the kink. */
    private record Problem(SmallMlp net, double[] theta, double[][] x, int[] labels, Network oracle, INDArray xArray) {
    }

    private static Problem draw(Activation sigma, long seed) {
        Random random = new Random(seed);
        SmallMlp net = new SmallMlp(SIZES, List.of(sigma, sigma));
        while (true) {
            double[] theta = net.initialParameters(Init.uniform(random::nextDouble));
            double[][] x = new double[SIZES[0]][N];
            double[] flat = new double[SIZES[0] * N];
            for (int f = 0; f < SIZES[0]; f++) {
                for (int j = 0; j < N; j++) {
                    x[f][j] = 6 * random.nextDouble() - 3;
                    flat[f * N + j] = x[f][j];
                }
            }
            int[] labels = new int[N];
            for (int j = 0; j < N; j++) {
                labels[j] = random.nextInt(SIZES[3]);
            }
            Network oracle = oracle(theta, sigma);
            INDArray xArray = Nd4j.create(flat, new long[] {SIZES[0], N}, 'c');
            boolean nearKink = oracle.forward(xArray).caches().stream().anyMatch(c ->
                    Arrays.stream(Flat.toArrays(List.of(c.preActivation()))[0]).anyMatch(z -> Math.abs(z) < KINK_MARGIN));
            if (sigma != Activation.RELU || !nearKink) {
                return new Problem(net, theta, x, labels, oracle, xArray);
            }
        }
    }

    /** The same θ as ND4J layers: W_t row-major d_t × d_{t−1}, then b_t. */
    private static Network oracle(double[] theta, Activation sigma) {
        List<DenseLayer> layers = new ArrayList<>();
        int off = 0;
        for (int t = 1; t < SIZES.length; t++) {
            int w = SIZES[t] * SIZES[t - 1];
            INDArray weights = Nd4j.create(Arrays.copyOfRange(theta, off, off + w), new long[] {SIZES[t], SIZES[t - 1]}, 'c');
            INDArray bias = Nd4j.createFromArray(Arrays.copyOfRange(theta, off + w, off + w + SIZES[t]));
            off += w + SIZES[t];
            layers.add(new DenseLayer(weights, bias, t < SIZES.length - 1 ? sigma : Activation.IDENTITY));
        }
        return new Network(layers);
    }

    private static double[][] scores(Problem p, double[] theta) {
        double[][][] o = p.net.buffers(N);
        o[0] = p.x;
        p.net.forward(theta, o, 0, N);
        return o[p.net.depth()];
    }

    /** ∇θ of the mean loss by forward, loss gradient and back-propagation. */
    private static double[] analytic(Problem p, ClassLoss loss) {
        double[][][] o = p.net.buffers(N);
        o[0] = p.x;
        p.net.forward(p.theta, o, 0, N);
        double[][] delta = new double[SIZES[3]][N];
        loss.mean(o[p.net.depth()], p.labels, delta);
        double[] grad = new double[p.theta.length];
        p.net.backward(p.theta, o, delta, grad);
        return grad;
    }

    private static double relativeError(double[] g, double[] gHat) {
        double worst = 0;
        for (int i = 0; i < g.length; i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(g[i]), Math.abs(gHat[i])));
            worst = Math.max(worst, Math.abs(g[i] - gHat[i]) / scale);
        }
        return worst;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU", "SIGMOID", "IDENTITY"})
    void gradientMatchesCentralDifferences(Activation sigma) {
        for (ClassLoss loss : ClassLoss.values()) {
            Problem p = draw(sigma, 11 + sigma.ordinal());
            double[] g = analytic(p, loss);
            double[] numeric = new double[g.length];
            double[] theta = p.theta.clone();
            for (int i = 0; i < theta.length; i++) {
                theta[i] = p.theta[i] + H;
                double plus = loss.mean(scores(p, theta), p.labels, null);
                theta[i] = p.theta[i] - H;
                double minus = loss.mean(scores(p, theta), p.labels, null);
                theta[i] = p.theta[i];
                numeric[i] = (plus - minus) / (2 * H);
            }
            double error = relativeError(g, numeric);
            assertTrue(error < FD_TOLERANCE, sigma + ", " + loss + ": error " + error);
            assertTrue(Arrays.stream(numeric).map(Math::abs).sum() > 0.1, sigma + ", " + loss + ": a vacuous check");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU", "SIGMOID", "IDENTITY"})
    void agreesWithTheNd4jNetwork(Activation sigma) {
        for (ClassLoss loss : ClassLoss.values()) {
            Problem p = draw(sigma, 23 + sigma.ordinal());
            Network.Forward fw = p.oracle.forward(p.xArray);
            double[] expected = Flat.toArrays(List.of(fw.output()))[0];
            double[] actual = Arrays.stream(scores(p, p.theta)).flatMapToDouble(Arrays::stream).toArray();
            assertTrue(relativeError(expected, actual) < ORACLE_TOLERANCE, sigma + ": scores differ");

            double[] oneHot = new double[SIZES[3] * N];
            for (int j = 0; j < N; j++) {
                oneHot[p.labels[j] * N + j] = 1;
            }
            INDArray y = Nd4j.create(oneHot, new long[] {SIZES[3], N}, 'c');
            Loss same = loss == ClassLoss.CROSS_ENTROPY ? Loss.SOFTMAX_CROSS_ENTROPY : Loss.SQUARED;
            double[] oracleGrad = Arrays.stream(Flat.toArrays(p.oracle.backward(fw, same.gradient(fw.output(), y))))
                    .flatMapToDouble(Arrays::stream).toArray();
            double error = relativeError(oracleGrad, analytic(p, loss));
            assertTrue(error < ORACLE_TOLERANCE, sigma + ", " + loss + ": gradients differ by " + error);
            double value = loss.mean(scores(p, p.theta), p.labels, null);
            assertTrue(Math.abs(value - same.value(fw.output(), y)) < ORACLE_TOLERANCE, loss + ": values differ");
        }
    }

    /** The exp form of tanh against the JDK's fdlibm tanh, over [−20, 20]; the bound is argued at the top. */
    @Test
    void tanhIsTanh() {
        double worst = 0;
        for (int i = -20_000; i <= 20_000; i++) {
            double z = i * 1e-3 + 1e-7;
            worst = Math.max(worst, Math.abs(SmallMlp.tanh(z) - StrictMath.tanh(z)));
        }
        assertTrue(worst < 1e-15, "off by " + worst);
    }
}
