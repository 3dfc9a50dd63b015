package org.trainscope.engine.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.trainscope.engine.spectrum.DeepFactorization;
import org.trainscope.engine.spectrum.MatrixCompletion;
import org.trainscope.engine.spectrum.TheoremThree;
import org.trainscope.engine.experiment.Rng;
import org.trainscope.engine.linalg.Gesdd;
import org.trainscope.engine.linalg.TwoCores;
import org.trainscope.engine.optim.OptimizerConfig;

/**
 * W1 of shared/peers (w1_deep_mf.py) at its exact settings: n = 100, rank 5, ‖M‖_F = 100, |Ω| = 3000, depth 3,
 * each factor N(0, (1e-3)²) (our {@code init} = 1e-6), η = 4e-3, 5000-step runs, DOUBLE — in steps per second,
 * with the peers' float64 rates (1 and 2 threads) for the ratio. A step is the experiment's: gradient descent
 * through {@code optim/} ({@link DeepFactorization#step()}: gradients → update → forward), its products cut into
 * column halves on two cores. With an SVD every step, the steps go by pairs: W_t and W_{t+1} are copied as the steps
 * reach them, then decomposed at once, one on each core — the same decompositions as one after each step. (Running
 * the SVD of W_t beside the step to W_{t+1} instead was slower: the SVD, ~0.9 ms, is three times a step.)
 */
final class SpectrumWorkloads {
    static final int N = 100;
    static final int RANK = 5;
    static final int OBSERVED = 3000;
    static final int DEPTH = 3;
    static final double INIT = 1e-6; // factor std = init^{1/3}/√n = 1e-3, as the peers
    static final double LR = 4e-3;
    static final int RUN = 5000;
    static final int CHUNK = 100;

    private SpectrumWorkloads() {
    }

    /** What is done per step besides the gradient step. */
    enum Extra { NONE, SVD_VECTORS, SVD_VALUES, THEOREM3 }

    static List<BenchWorkload> workloads() {
        return List.of(
                new BenchWorkload("deep-mf W1 n=100 N=3 DOUBLE, GD step, no SVD", "steps", () -> loop(Extra.NONE), p -> peers(p, false)),
                new BenchWorkload("deep-mf W1 + full SVD (U,S,Vt; dgesdd) every step", "steps", () -> loop(Extra.SVD_VECTORS), p -> peers(p, true)),
                new BenchWorkload("deep-mf W1 + singular values (dgesdd) every step", "steps", () -> loop(Extra.SVD_VALUES), p -> peers(p, true)),
                new BenchWorkload("deep-mf W1 + Theorem-3 tracking (subspace it.)", "steps", () -> loop(Extra.THEOREM3), p -> peers(p, false)));
    }

    /** A timed action: {@value #CHUNK} steps of the W1 loop; a fresh start every {@value #RUN} steps, as the peers. */
    static LongSupplier loop(Extra extra) {
        return new LongSupplier() {
            private DeepFactorization model;
            private TheoremThree theory;
            private final Gesdd[] svd = {new Gesdd(N), new Gesdd(N)};
            private final double[][] sigma = new double[2][N];
            private int done = RUN;

            @Override
            public long getAsLong() {
                if (done >= RUN) {
                    Rng rng = new Rng(0);
                    MatrixCompletion problem = MatrixCompletion.generate(N, RANK, OBSERVED, rng);
                    model = new DeepFactorization(problem, DEPTH, INIT, rng, OptimizerConfig.of("gd", LR));
                    double[] start = new double[N * TheoremThree.blockSize(N, 10)];
                    for (int i = 0; i < start.length; i++) {
                        start[i] = rng.nextGaussian();
                    }
                    theory = new TheoremThree(N, 10, start);
                    done = 0;
                }
                for (int s = 0; s < CHUNK; s++) {
                    if (extra == Extra.THEOREM3) {
                        theory.observe(model.endToEnd(), model.residual(), DEPTH);
                    }
                    if (extra == Extra.SVD_VECTORS || extra == Extra.SVD_VALUES) {
                        // W_t and W_{t+1} copied as the steps reach them, then their two SVDs on two cores at once
                        boolean vectors = extra == Extra.SVD_VECTORS;
                        Runnable first = svd[0].later(model.endToEnd(), sigma[0], vectors);
                        model.step();
                        Runnable second = svd[1].later(model.endToEnd(), sigma[1], vectors);
                        model.step();
                        TwoCores.both(first, second);
                        s++;
                    } else {
                        model.step();
                    }
                    if (extra == Extra.THEOREM3) {
                        theory.advance(model.optimizer().stepSize());
                    }
                }
                done += CHUNK;
                return CHUNK;
            }
        };
    }

    private static Map<String, Double> peers(Path dir, boolean svdEveryStep) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String lib : List.of("numpy", "torch")) {
            List<JsonNode> r = PeerResults.results(dir.resolve("w1_deep_mf.json"), PeerResults.where("lib", lib)
                    .and(PeerResults.where("dtype", "float64")).and(PeerResults.where("svd_every_step", svdEveryStep)));
            PeerResults.putPerThreads(rates, lib, svdEveryStep ? ", SVD every step" : "", r,
                    n -> n.path("steps_per_sec_median").asDouble());
        }
        return rates;
    }
}
