package org.trainscope.engine.spectrum;

import java.nio.DoubleBuffer;
import java.util.List;

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
import org.trainscope.engine.linalg.DenseMatrix;
import org.trainscope.engine.linalg.Gesdd;

/**
 * The convex baseline of Arora et al. (2019): nuclear-norm minimization by soft-impute (Mazumder, Hastie &amp;
 * Tibshirani 2010) — singular value thresholding of the observed entries filled in with the current guess —
 * on the same M and Ω as {@link DeepMatrixFactorizationExperiment} (same n, rank, observed and seed). λ starts at
 * σ₁(P_Ω(M)) and shrinks geometrically to {@code lambda_min}, warm-starting each solve from the last: the path
 * ends near the minimum-nuclear-norm matrix that fits the observations. One step = one thresholded SVD.
 * Frame: the outputs it shares with {@link DeepMatrixFactorizationExperiment} (same view) and its own two below.
 */
public final class NuclearNormExperiment extends AbstractExperiment {
    public static final Output NUCLEAR_NORM = Output.scalar("nuclear_norm", "‖W‖_*: the sum of W's singular values");
    public static final Output LAMBDA = Output.scalar("lambda", "threshold of the next step: max(λ_min, λ₀·decay^t)");

    // defaultSteps: 400 steps: λ reaches λ_min = 1e-3 after ~300 and the fit settles.
    public static final ExperimentDef TYPE = new ExperimentDef(
            "nuclear-norm",
            "Matrix completion by nuclear-norm minimization (soft-impute)",
            new ExperimentDef.Explanation(
                    "The convex baseline for the same matrix and the same observed entries as deep matrix "
                            + "factorization: fill the unobserved entries with the current guess, take the SVD, shrink "
                            + "every singular value by λ. As λ shrinks the fit to the observations becomes exact; the "
                            + "result is (close to) the matrix of least nuclear norm that fits them. With few "
                            + "observations its test error stays well above depth 3's: depth is not just a nuclear norm.",
                    "min ‖W‖_* subject to W_ij = M_ij on Ω\n"
                            + "Z ← U (Σ − λ)_+ Vᵀ,  U Σ Vᵀ = P_Ω(M) + P_Ωᶜ(Z)",
                    "Arora, Cohen, Hu & Luo (NeurIPS 2019), §2 and Fig. 1; Mazumder, Hastie & Tibshirani, \"Spectral "
                            + "regularization algorithms\", JMLR 2010; lecture 001.")
                    .withEquations(
                            "\\min \\|W\\|_* \\ \\text{ s.t. } W_{ij} = M_{ij} \\text{ on } \\Omega:\\quad \\|W\\|_* = \\val{nuclear_norm}",
                            "Z \\leftarrow U(\\Sigma - \\lambda)_+ V^{\\top},\\quad \\lambda = \\val{lambda},\\qquad \\text{test error } \\val{test_error}"),
            List.of(
                    new ParamSpec.Int("n", "Size of the n×n matrix", 100, 4, 400),
                    new ParamSpec.Int("rank", "Rank r of the ground truth M", 5, 1, 400),
                    new ParamSpec.Int("observed", "Number of observed entries |Ω|", 2000, 1, 160_000),
                    new ParamSpec.Real("lambda_min", "Final threshold λ of the path", 1e-3, 1e-9, 1e3),
                    new ParamSpec.Real("decay", "λ shrinks by this factor per step", 0.97, 0.5, 0.9999),
                    new ParamSpec.Int("k", "Singular values shown (sv.1 … sv.k)", 10, 1, 50)),
            List.of(DeepMatrixFactorizationExperiment.LOSS, DeepMatrixFactorizationExperiment.TEST_ERROR,
                    DeepMatrixFactorizationExperiment.MSE, DeepMatrixFactorizationExperiment.EFFECTIVE_RANK, NUCLEAR_NORM,
                    LAMBDA, DeepMatrixFactorizationExperiment.SV, DeepMatrixFactorizationExperiment.SPECTRUM),
            400, NuclearNormExperiment::new);

    /** The params, read once. */
    public record Config(int n, int rank, int observed, double lambdaMin, double decay, int k) {
        public static Config of(Params p) {
            return new Config(p.integer("n"), p.integer("rank"), p.integer("observed"), p.real("lambda_min"),
                    p.real("decay"), p.integer("k"));
        }

        /** These values as params of this experiment (validated: each must lie in its param's range). */
        public Params params() {
            return TYPE.defaults().withValue("n", n).withValue("rank", rank).withValue("observed", observed)
                    .withValue("lambda_min", lambdaMin).withValue("decay", decay).withValue("k", k);
        }
    }

    private final MatrixCompletion problem;
    private final DenseMatrix z;
    private final DenseMatrix filled;
    private final Gesdd svd;
    private final double lambda0;
    private final double lambdaMin;
    private final double decay;
    private final int k;
    private final double[] sigma;
    private long steps;
    private Frame frame;

    private NuclearNormExperiment(Params params, long seed) {
        super(TYPE, params, seed);
        Config c = Config.of(params);
        int n = c.n();
        DeepMatrixFactorizationExperiment.check(n, c.rank(), c.observed(), c.k());
        this.problem = MatrixCompletion.generate(n, c.rank(), c.observed(), new Rng(seed));
        this.z = new DenseMatrix(n, n);
        this.filled = new DenseMatrix(n, n);
        this.svd = new Gesdd(n);
        this.lambdaMin = c.lambdaMin();
        this.decay = c.decay();
        this.k = c.k();
        this.sigma = new double[n];
        fill();
        svd.singularValues(filled, sigma);
        this.lambda0 = sigma[0]; // σ₁(P_Ω(M)): the smallest λ at which Z = 0 is the solution
        this.frame = measure();
    }

    /** λ_t = max(λ_min, λ₀·γ^t). */
    double lambda(long t) {
        return Math.max(lambdaMin, lambda0 * StrictMath.pow(decay, t));
    }

    MatrixCompletion problem() {
        return problem;
    }

    /** X = P_Ω(M) + P_Ωᶜ(Z). */
    private void fill() {
        filled.copyFrom(z);
        DoubleBuffer b = filled.buffer();
        for (int idx : problem.observed()) {
            b.put(idx, problem.truth(idx));
        }
    }

    @Override
    public Frame step() {
        double lam = lambda(steps);
        fill();
        svd.decompose(filled, sigma);
        // Z ← U · max(Σ − λ, 0) · Vᵀ   (singular value thresholding, Cai, Candès & Shen 2010)
        int n = problem.n();
        DoubleBuffer u = svd.u().buffer();
        for (int r = 0; r < n; r++) {
            double s = Math.max(0, sigma[r] - lam);
            for (int i = 0; i < n; i++) {
                u.put(i + r * n, u.get(i + r * n) * s);
            }
        }
        DenseMatrix.gemm(false, false, 1, svd.u(), svd.vt(), 0, z);
        if (!Double.isFinite(z.frobeniusSquared())) {
            throw new DivergedException("soft-impute produced a non-finite matrix at step " + (steps + 1));
        }
        steps++;
        frame = measure();
        return frame;
    }

    private Frame measure() {
        double[] w = z.toArray();
        svd.singularValues(z, sigma);
        double nuclear = 0;
        for (double s : sigma) {
            nuclear += s;
        }
        Frame.Builder b = Frame.builder(steps)
                .scalar(DeepMatrixFactorizationExperiment.LOSS, problem.loss(w))
                .scalar(DeepMatrixFactorizationExperiment.TEST_ERROR, problem.testError(w))
                .scalar(DeepMatrixFactorizationExperiment.MSE, problem.mse(w))
                .scalar(DeepMatrixFactorizationExperiment.EFFECTIVE_RANK, Spectra.effectiveRank(sigma))
                .scalar(NUCLEAR_NORM, nuclear)
                .scalar(LAMBDA, lambda(steps));
        for (int r = 0; r < k; r++) {
            b.scalar(DeepMatrixFactorizationExperiment.SV.of(r + 1), sigma[r]);
        }
        return b.series(DeepMatrixFactorizationExperiment.SPECTRUM, sigma).build();
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public Frame frame() {
        return frame;
    }

    @Override
    public Snapshot snapshot() {
        return Snapshot.builder().longValue("steps", steps).array("Z", z.toArray()).build();
    }

    @Override
    public void restore(Snapshot s) {
        steps = s.longValue("steps");
        z.copyFrom(s.array("Z"));
        frame = measure();
    }
}
