package org.trainscope.engine.optimization;

import java.util.stream.IntStream;

/**
 * The loss on the plane θ* + αδ + βη through a trained net (Li, Xu, Taylor, Studer &amp; Goldstein, NeurIPS 2018):
 * the two directions — filter-normalized random ones, or the top two principal directions of the recorded
 * trajectory — the trajectory's coordinates in that plane, and rows of the loss grid.
 */
final class LossSlice {
    private LossSlice() {
    }

    /**
     * A random direction d ~ N(0, I) with each unit's incoming weights rescaled to the norm of θ*'s (the unit's row of
     * W_l: ‖d_row‖ = ‖θ*_row‖) and the biases' entries set to 0, as Li et al. do for biases.
     */
    static double[] filterNormalized(TanhMlp net, double[] center, org.trainscope.engine.experiment.Rng rng) {
        double[] d = new double[center.length];
        for (int l = 1; l <= net.layers(); l++) {
            int in = net.size(l - 1);
            int w = net.offset(l);
            for (int i = 0; i < net.size(l); i++) {
                double dn = 0;
                double cn = 0;
                for (int j = 0; j < in; j++) {
                    d[w + i * in + j] = rng.nextGaussian();
                    dn += d[w + i * in + j] * d[w + i * in + j];
                    cn += center[w + i * in + j] * center[w + i * in + j];
                }
                double scale = Math.sqrt(cn / dn);
                for (int j = 0; j < in; j++) {
                    d[w + i * in + j] *= scale;                 // d_row ← d_row·‖θ*_row‖/‖d_row‖
                }
            }
        }
        return d;
    }

    /**
     * The top two principal directions of the points p_t − θ* (uncentred, as Li et al.): the leading eigenvectors u
     * of the Gram matrix G = PPᵀ give the directions Pᵀu/‖Pᵀu‖, orthonormal.
     */
    static double[][] principal(double[][] points, double[] center) {
        int m = points.length;
        double[][] diff = new double[m][center.length];
        for (int t = 0; t < m; t++) {
            for (int i = 0; i < center.length; i++) {
                diff[t][i] = points[t][i] - center[i];
            }
        }
        double[][] gram = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                gram[a][b] = Lanczos.dot(diff[a], diff[b]);
                gram[b][a] = gram[a][b];
            }
        }
        double[][] vectors = new double[m][m];
        double[] values = Lanczos.jacobi(gram, vectors);
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[][] out = new double[2][center.length];
        for (int c = 0; c < 2; c++) {
            for (int t = 0; t < m; t++) {
                double u = vectors[t][order[c]];
                for (int i = 0; i < center.length; i++) {
                    out[c][i] += u * diff[t][i];
                }
            }
            double norm = Lanczos.norm(out[c]);
            for (int i = 0; i < center.length; i++) {
                out[c][i] /= norm;
            }
        }
        return out;
    }

    /** (α, β) minimizing ‖p − θ* − αδ − βη‖: the 2×2 normal equations (δ and η need not be orthogonal). */
    static double[] project(double[] p, double[] center, double[] delta, double[] eta) {
        double dd = Lanczos.dot(delta, delta);
        double de = Lanczos.dot(delta, eta);
        double ee = Lanczos.dot(eta, eta);
        double pd = 0;
        double pe = 0;
        for (int i = 0; i < p.length; i++) {
            double r = p[i] - center[i];
            pd += r * delta[i];
            pe += r * eta[i];
        }
        double det = dd * ee - de * de;
        return new double[] {(pd * ee - pe * de) / det, (pe * dd - pd * de) / det};
    }

    /**
     * Rows [from, to) of the grid L(θ* + α_iδ + β_jη), row-major with α along a row: grid[row·n + col] =
     * L(θ* + α_col·δ + β_row·η). Rows run in parallel, each on its own copy of the net, so the numbers do not depend
     * on the number of cores.
     */
    static void rows(java.util.function.Supplier<TanhMlp> nets, double[] center, double[] delta, double[] eta,
                     double[] alphas, double[] betas, int from, int to, double[] grid) {
        int n = alphas.length;
        IntStream.range(from, to).parallel().forEach(row -> {
            TanhMlp net = nets.get();
            double[] theta = new double[center.length];
            for (int col = 0; col < n; col++) {
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = center[i] + alphas[col] * delta[i] + betas[row] * eta[i];   // θ* + αδ + βη
                }
                grid[row * n + col] = net.loss(theta, null);
            }
        });
    }
}
