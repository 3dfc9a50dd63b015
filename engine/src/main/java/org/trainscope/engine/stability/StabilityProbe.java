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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.DoublePointer;
import org.trainscope.engine.linalg.Blas;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.Svd;
import org.trainscope.engine.linalg.TwoCores;
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
 * Runs on the experiment's worker thread, the probe set cut into two halves of inputs, the second on the second
 * core ({@link TwoCores}); each half draws its noise from a stream of its own (seeded from the caller's), and the
 * per-input values are summed in input order afterwards, so the numbers are the same bits on one core or two. The
 * results are plain numbers for a frame.
 */
public final class StabilityProbe {
    private final Mlp mlp;
    private final double[] inputs;
    private final int count;
    private final int bins;
    private final boolean spectra;
    private final double[][] clean;        // [t]: o_t of the clean forward pass, column-major d_t × count
    private final double[][] mu;           // [i]: μ_i(x) per probe input
    private final double[][][] ratio;      // [i][j]: ‖x_j' − x_j‖/‖x_j‖ per probe input, noise at layer i (NaN: x_j = 0)
    private final double[][] eta;          // [half]: one input's noise
    private final double[] frobenius;      // [i]: ‖A_i‖_F of the run
    private final DoublePointer[] svdWork;
    private final DoublePointer[] svdValues;
    private final DoublePointer[] svdSuperb;

    /**
     * @param inputs row-major probe inputs (count × d_0)
     * @param bins   histogram bins over [0, 1], where every cushion lies (‖A x‖ ≤ ‖A‖_2‖x‖ ≤ ‖A‖_F‖x‖)
     */
    public StabilityProbe(Mlp mlp, double[] inputs, int count, int bins) {
        this(mlp, inputs, count, bins, true);
    }

    /** As the 4-argument constructor; without {@code spectra} the singular values and stable ranks are skipped. */
    public StabilityProbe(Mlp mlp, double[] inputs, int count, int bins, boolean spectra) {
        if (count < 1 || count > mlp.capacity() || inputs.length < count * mlp.sizes()[0]) {
            throw new IllegalArgumentException("probe set of " + count + " does not fit the network's batch capacity "
                    + mlp.capacity() + " or the " + inputs.length + " input values");
        }
        this.mlp = mlp;
        this.inputs = inputs.clone();
        this.count = count;
        this.bins = bins;
        this.spectra = spectra;
        int depth = mlp.depth();
        int[] sizes = mlp.sizes();
        this.clean = new double[depth + 1][];
        this.mu = new double[depth + 1][count];
        this.ratio = new double[depth][depth + 1][count];
        this.eta = new double[2][Arrays.stream(sizes).max().orElse(0)];
        this.frobenius = new double[depth + 1];
        for (int t = 0; t <= depth; t++) {
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

    /** Runs all probes; {@code noise} seeds the two halves' streams of injected Gaussians. */
    public Result run(Rng noise) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, double[]> series = new LinkedHashMap<>();
        int depth = mlp.depth();
        int[] sizes = mlp.sizes();
        List<FloatBuffer> params = mlp.parameters();
        for (int i = 1; i <= depth; i++) {
            FloatBuffer a = params.get(2 * i - 2);
            double sum = 0;
            for (int e = 0; e < a.capacity(); e++) {
                sum += (double) a.get(e) * a.get(e);
            }
            frobenius[i] = Math.sqrt(sum);                                                   // ‖A_i‖_F
        }
        Rng[] streams = {new Rng(noise.nextLong()), new Rng(noise.nextLong())};
        mlp.load(inputs, 0, count);
        TwoCores.halves(count, (half, c0, c1) -> probeInputs(streams[half], eta[half], c0, c1));
        double[] edges = new double[bins + 1];
        for (int e = 0; e <= bins; e++) {
            edges[e] = (double) e / bins;
        }
        for (int i = 1; i <= depth; i++) {
            double[] hist = new double[bins];
            double min = Double.POSITIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (double m : mu[i]) {
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
            double[] curve = new double[depth - i];
            for (int j = i + 1; j <= depth; j++) {
                double mean = meanOfDefined(ratio[i][j]);
                scalars.put(NOISE.of(i, j), mean);
                curve[j - i - 1] = mean;
            }
            series.put(NOISE_CURVE.of(i), curve);
        }
        double[][] weights = spectra ? mlp.parameterArrays() : null;
        for (int i = 1; spectra && i <= depth; i++) {
            double[] sigma = singularValues(i, weights[2 * i - 2], sizes[i], sizes[i - 1]);
            series.put(SV.of(i), sigma);
            scalars.put(STABLE_RANK.of(i), Svd.stableRank(sigma));                    // ‖A‖_F²/‖A‖_2²
        }
        return new Result(scalars, series);
    }

    /**
     * The per-input probes of inputs c0 … c1−1 (loaded): the clean forward pass, each layer's cushions, then noise
     * at each layer i (drawn from {@code rng}, one input at a time) propagated to the top. Touches only these
     * inputs' columns, so two disjoint ranges run on two cores at once.
     */
    private void probeInputs(Rng rng, double[] noise, int c0, int c1) {
        int depth = mlp.depth();
        int[] sizes = mlp.sizes();
        for (int t = 0; t <= depth; t++) {                     // the clean pass, layer by layer, with the cushions
            FloatBuffer o = mlp.output(t);
            for (int e = c0 * sizes[t], end = c1 * sizes[t]; e < end; e++) {
                clean[t][e] = o.get(e);
            }
            if (t < depth) {
                FloatBuffer ax = mlp.linear(t + 1, c0, c1);                           // A_{t+1}·x_t
                cushions(ax, clean[t], sizes[t + 1], sizes[t], c0, c1, frobenius[t + 1], mu[t + 1]);
                mlp.activate(t + 1, c0, c1);                                           // x_{t+1}
            }
        }
        for (int i = 0; i < depth; i++) {
            int d = sizes[i];
            FloatBuffer xi = mlp.output(i);
            for (int k = c0; k < c1; k++) {
                scaledNoise(clean[i], k * d, d, rng, noise);                            // ‖η‖ = ‖x_i‖
                for (int r = 0; r < d; r++) {
                    xi.put(k * d + r, (float) (clean[i][k * d + r] + noise[r]));       // x_i' = x_i + η
                }
            }
            mlp.forwardColumns(i, c0, c1);
            for (int j = i + 1; j <= depth; j++) {
                relativeChange(mlp.output(j), clean[j], sizes[j], c0, c1, ratio[i][j]);
            }
        }
    }

    /**
     * out[k] = ‖x_k' − x_k‖/‖x_k‖ for columns k = c0 … c1−1 of width d, NaN where x_k = 0; each sum in two
     * interleaved halves (twice the speed of one chain).
     */
    private static void relativeChange(FloatBuffer noisy, double[] clean, int d, int c0, int c1, double[] out) {
        for (int k = c0; k < c1; k++) {
            double diff0 = 0;
            double diff1 = 0;
            double ref0 = 0;
            double ref1 = 0;
            int r = k * d;
            int end = r + d;
            for (; r + 1 < end; r += 2) {
                double a = clean[r];
                double b = clean[r + 1];
                double ea = noisy.get(r) - a;
                double eb = noisy.get(r + 1) - b;
                diff0 += ea * ea;
                diff1 += eb * eb;
                ref0 += a * a;
                ref1 += b * b;
            }
            if (r < end) {
                double e = noisy.get(r) - clean[r];
                diff0 += e * e;
                ref0 += clean[r] * clean[r];
            }
            double ref = ref0 + ref1;
            out[k] = ref > 0 ? Math.sqrt((diff0 + diff1) / ref) : Double.NaN;        // ‖x_j' − x_j‖/‖x_j‖
        }
    }

    /** The mean of the values that are not NaN, in index order; NaN if there are none. */
    private static double meanOfDefined(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
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
        cushions(ax, x, out, in, 0, batch, frobenius, mu);
        return mu;
    }

    /** {@link #cushions(FloatBuffer, double[], int, int, int, double)} of columns c0 … c1−1 into mu[c0 … c1−1]. */
    static void cushions(FloatBuffer ax, double[] x, int out, int in, int c0, int c1, double frobenius, double[] mu) {
        for (int k = c0; k < c1; k++) {
            double ax0 = 0;
            double ax1 = 0;
            int r = k * out;
            int end = r + out;
            for (; r + 1 < end; r += 2) {
                double a = ax.get(r);
                double b = ax.get(r + 1);
                ax0 += a * a;
                ax1 += b * b;
            }
            if (r < end) {
                ax0 += (double) ax.get(r) * ax.get(r);
            }
            double axNorm = ax0 + ax1;
            double xNorm = norm(x, k * in, in);
            mu[k] = xNorm == 0 ? Double.NaN : Math.sqrt(axNorm) / (frobenius * xNorm);  // μ = ‖Ax‖/(‖A‖_F‖x‖)
        }
    }

    /**
     * Writes into {@code eta} a Gaussian direction scaled to the norm of {@code x[off … off+len−1]}:
     * η = g·‖x‖/‖g‖, g ~ N(0, I), so ‖η‖ = ‖x‖ (up to rounding).
     */
    public static void scaledNoise(double[] x, int off, int len, Rng rng, double[] eta) {
        Gaussians.fill(rng, eta, len);
        double gNorm = norm(eta, 0, len);
        double scale = norm(x, off, len) / gNorm;
        for (int r = 0; r < len; r++) {
            eta[r] *= scale;                                         // η = g·‖x‖/‖g‖
        }
    }

    /** ‖v[off … off+len−1]‖₂, summed in four interleaved partial sums (four times the speed of one chain). */
    static double norm(double[] v, int off, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int end = off + len;
        int r = off;
        for (; r + 3 < end; r += 4) {
            s0 += v[r] * v[r];
            s1 += v[r + 1] * v[r + 1];
            s2 += v[r + 2] * v[r + 2];
            s3 += v[r + 3] * v[r + 3];
        }
        for (; r < end; r++) {
            s0 += v[r] * v[r];
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }
}
