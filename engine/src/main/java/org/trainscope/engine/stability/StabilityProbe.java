package org.trainscope.engine.stability;

import static org.trainscope.engine.stability.NoiseStabilityExperiment.CUSHION_EDGES;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.CUSHION_HIST;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.CUSHION_MEAN;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.CUSHION_MIN;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.CUSHION_RANDOM;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.NOISE;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.NOISE_CURVE;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.STABLE_RANK;
import static org.trainscope.engine.stability.NoiseStabilityExperiment.SV;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.javacpp.DoublePointer;
import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.Svd;
import org.trainscope.engine.nn.Mlp;

/**
 * The probes of Arora, Ge, Neyshabur &amp; Zhang (ICML 2018, "Stronger generalization bounds for deep nets via a
 * compression approach"; lecture 000, "noise stability", "layer cushion") on a fixed probe set, for each layer
 * i = 1…D of an {@link Mlp} with weights A_i:
 * <ul>
 *   <li>layer cushion μ_i(x) = ‖A_i φ(x_{i−1})‖ / (‖A_i‖_F ‖φ(x_{i−1})‖) per probe input: histogram, min (the
 *       paper's μ_i), mean, and the random-matrix value 1/√(fan-in);</li>
 *   <li>noise attenuation: η with ‖η‖ = ‖x_i‖ added at layer i's output (i = 0 is the input), propagated, and
 *       ‖x_j' − x_j‖/‖x_j‖ at every higher layer j, averaged over the probe set;</li>
 *   <li>the singular values of A_i and its stable rank ‖A_i‖_F²/‖A_i‖_2².</li>
 * </ul>
 * Runs on the experiment's worker thread; the results are plain numbers for a frame.
 */
public final class StabilityProbe {
    private final Mlp mlp;
    private final double[] inputs;
    private final int count;
    private final int bins;
    private final double[][] clean;
    private final DoublePointer[] svdWork;
    private final DoublePointer[] svdValues;
    private final DoublePointer[] svdSuperb;

    /**
     * @param inputs row-major probe inputs (count × d_0)
     * @param bins   histogram bins over [0, 1], where every cushion lies (‖A x‖ ≤ ‖A‖_2‖x‖ ≤ ‖A‖_F‖x‖)
     */
    public StabilityProbe(Mlp mlp, double[] inputs, int count, int bins) {
        if (count < 1 || count > mlp.capacity() || inputs.length < count * mlp.sizes()[0]) {
            throw new IllegalArgumentException("probe set of " + count + " does not fit the network's batch capacity "
                    + mlp.capacity() + " or the " + inputs.length + " input values");
        }
        this.mlp = mlp;
        this.inputs = inputs.clone();
        this.count = count;
        this.bins = bins;
        this.clean = new double[mlp.depth() + 1][];
        int[] sizes = mlp.sizes();
        for (int t = 0; t <= mlp.depth(); t++) {
            clean[t] = new double[sizes[t] * count];
        }
        svdWork = new DoublePointer[mlp.depth() + 1];
        svdValues = new DoublePointer[mlp.depth() + 1];
        svdSuperb = new DoublePointer[mlp.depth() + 1];
        for (int i = 1; i <= mlp.depth(); i++) {
            int k = Math.min(sizes[i], sizes[i - 1]);
            svdWork[i] = new DoublePointer((long) sizes[i] * sizes[i - 1]);
            svdValues[i] = new DoublePointer(k);
            svdSuperb[i] = new DoublePointer(Math.max(1, k - 1));
        }
    }

    /** Every probe value, named as in the frames (the outputs {@link NoiseStabilityExperiment} declares). */
    public record Result(Map<String, Double> scalars, Map<String, double[]> series) {
    }

    /** Runs all probes; {@code noise} draws the injected Gaussians. */
    public Result run(Rng noise) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, double[]> series = new LinkedHashMap<>();
        int depth = mlp.depth();
        int[] sizes = mlp.sizes();
        mlp.load(inputs, 0, count);
        mlp.forward(count);
        for (int t = 0; t <= depth; t++) {
            mlp.copyOutput(t, clean[t], 0, clean[t].length);
        }
        double[][] params = mlp.parameterArrays();
        double[] edges = new double[bins + 1];
        for (int e = 0; e <= bins; e++) {
            edges[e] = (double) e / bins;
        }
        for (int i = 1; i <= depth; i++) {
            double frobenius = norm(params[2 * i - 2], 0, params[2 * i - 2].length);          // ‖A_i‖_F
            double[] mu = cushions(mlp.linear(i, count), clean[i - 1], sizes[i], sizes[i - 1], count, frobenius);
            double[] hist = new double[bins];
            double min = Double.POSITIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (double m : mu) {
                if (Double.isNaN(m)) {
                    continue;                                    // φ(x_{i−1}) = 0: the ratio is undefined
                }
                hist[Math.min(bins - 1, (int) (m * bins))] += 1;
                min = Math.min(min, m);
                sum += m;
                n++;
            }
            for (int b = 0; b < bins; b++) {
                hist[b] /= Math.max(1, n);                       // fraction of the probe set per bin
            }
            series.put(CUSHION_HIST.of(i), hist);
            series.put(CUSHION_EDGES.of(i), edges);
            scalars.put(CUSHION_MIN.of(i), n == 0 ? Double.NaN : min);
            scalars.put(CUSHION_MEAN.of(i), n == 0 ? Double.NaN : sum / n);
            scalars.put(CUSHION_RANDOM.of(i), 1 / Math.sqrt(sizes[i - 1]));        // E‖Ax‖²/‖x‖² = ‖A‖_F²/n
        }
        for (int i = 0; i < depth; i++) {
            double[] ratios = noiseAttenuation(i, noise);
            double[] curve = new double[depth - i];
            for (int j = i + 1; j <= depth; j++) {
                scalars.put(NOISE.of(i, j), ratios[j]);
                curve[j - i - 1] = ratios[j];
            }
            series.put(NOISE_CURVE.of(i), curve);
        }
        for (int i = 1; i <= depth; i++) {
            double[] sigma = singularValues(i, params[2 * i - 2], sizes[i], sizes[i - 1]);
            series.put(SV.of(i), sigma);
            scalars.put(STABLE_RANK.of(i), Svd.stableRank(sigma));                    // ‖A‖_F²/‖A‖_2²
        }
        return new Result(scalars, series);
    }

    /**
     * σ₁ ≥ … ≥ σ_min(m,n) of the row-major m×n A by LAPACK's gesvd, values only, on buffers preallocated per layer
     * (the same routine as {@link Svd}, without its ND4J copies). Row-major A is column-major Aᵀ, which has the
     * same singular values, so no transposition is needed.
     */
    private double[] singularValues(int layer, double[] a, int m, int n) {
        DoublePointer work = svdWork[layer];
        work.put(a, 0, a.length);                                    // gesvd overwrites its input
        int info = Blas.LAPACKE_dgesvd(Blas.COL_MAJOR, (byte) 'N', (byte) 'N', n, m, Blas.address(work), n,
                Blas.address(svdValues[layer]), 0, 1, 0, 1, Blas.address(svdSuperb[layer]));
        if (info != 0) {
            throw new IllegalStateException("LAPACK gesvd failed for layer " + layer + " (info " + info + ")");
        }
        double[] sigma = new double[Math.min(m, n)];
        svdValues[layer].get(sigma);
        return sigma;
    }

    /**
     * μ(x) = ‖A x‖ / (‖A‖_F ‖x‖) for each column x of {@code x} (d_in × B), given A·x in {@code ax} (d_out × B);
     * NaN where x = 0.
     */
    static double[] cushions(FloatBuffer ax, double[] x, int out, int in, int batch, double frobenius) {
        double[] mu = new double[batch];
        for (int k = 0; k < batch; k++) {
            double axNorm = 0;
            for (int r = 0; r < out; r++) {
                double v = ax.get(k * out + r);
                axNorm += v * v;
            }
            double xNorm = norm(x, k * in, in);
            mu[k] = xNorm == 0 ? Double.NaN : Math.sqrt(axNorm) / (frobenius * xNorm);  // μ = ‖Ax‖/(‖A‖_F‖x‖)
        }
        return mu;
    }

    /** Mean over the probe set of ‖x_j' − x_j‖/‖x_j‖ for j = i+1 … D (index j of the result), noise at layer i. */
    private double[] noiseAttenuation(int i, Rng rng) {
        int depth = mlp.depth();
        int[] sizes = mlp.sizes();
        int d = sizes[i];
        double[] noisy = new double[d * count];
        double[] eta = new double[d];
        for (int k = 0; k < count; k++) {
            scaledNoise(clean[i], k * d, d, rng, eta);          // ‖η‖ = ‖x_i‖
            for (int r = 0; r < d; r++) {
                noisy[k * d + r] = clean[i][k * d + r] + eta[r];  // x_i' = x_i + η
            }
        }
        mlp.setOutput(i, noisy);
        mlp.forwardFrom(i, count);
        double[] mean = new double[depth + 1];
        for (int j = i + 1; j <= depth; j++) {
            FloatBuffer xj = mlp.output(j);
            int dj = sizes[j];
            double sum = 0;
            int n = 0;
            for (int k = 0; k < count; k++) {
                double diff = 0;
                double ref = 0;
                for (int r = 0; r < dj; r++) {
                    double c = clean[j][k * dj + r];
                    double e = xj.get(k * dj + r) - c;
                    diff += e * e;
                    ref += c * c;
                }
                if (ref > 0) {
                    sum += Math.sqrt(diff / ref);                 // ‖x_j' − x_j‖/‖x_j‖
                    n++;
                }
            }
            mean[j] = n == 0 ? Double.NaN : sum / n;
        }
        return mean;
    }

    /**
     * Writes into {@code eta} a Gaussian direction scaled to the norm of {@code x[off … off+len−1]}:
     * η = g·‖x‖/‖g‖, g ~ N(0, I), so ‖η‖ = ‖x‖ (up to rounding).
     */
    public static void scaledNoise(double[] x, int off, int len, Rng rng, double[] eta) {
        gaussians(rng, eta, len);
        double gNorm = norm(eta, 0, len);
        double scale = norm(x, off, len) / gNorm;
        for (int r = 0; r < len; r++) {
            eta[r] *= scale;                                         // η = g·‖x‖/‖g‖
        }
    }

    /**
     * Fills {@code out[0 … len−1]} with independent N(0, 1) by Marsaglia's polar method, two per accepted pair
     * (u, v) uniform in the unit disc: z = u·√(−2 ln s / s), v·√(−2 ln s / s), s = u² + v². No trigonometry and
     * both values used: about 3× cheaper than {@link Rng#nextGaussian()}, which matters for the 160,000 normals of
     * one probe. StrictMath keeps the numbers identical on every machine.
     */
    static void gaussians(Rng rng, double[] out, int len) {
        for (int r = 0; r < len; r += 2) {
            double u;
            double v;
            double s;
            do {
                u = 2 * rng.nextDouble() - 1;
                v = 2 * rng.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = Math.sqrt(-2 * StrictMath.log(s) / s);
            out[r] = u * f;
            if (r + 1 < len) {
                out[r + 1] = v * f;
            }
        }
    }

    static double norm(double[] v, int off, int len) {
        double s = 0;
        for (int r = off; r < off + len; r++) {
            s += v[r] * v[r];
        }
        return Math.sqrt(s);
    }
}
