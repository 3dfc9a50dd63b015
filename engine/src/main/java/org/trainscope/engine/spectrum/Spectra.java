package org.trainscope.engine.spectrum;

/** Summaries of a singular value spectrum. */
final class Spectra {
    private Spectra() {
    }

    /**
     * Effective rank exp(H(p)), p_i = σ_i / Σσ, H the Shannon entropy (Roy &amp; Vetterli 2007; Arora et al. 2019,
     * §5): 1 for a rank-one matrix, n for a multiple of an orthogonal one.
     */
    static double effectiveRank(double[] sigma) {
        double sum = 0;
        for (double s : sigma) {
            sum += s;
        }
        if (!(sum > 0)) {
            return 0;
        }
        double h = 0;
        for (double s : sigma) {
            double p = s / sum;
            if (p > 0) {
                h -= p * StrictMath.log(p);
            }
        }
        return StrictMath.exp(h);
    }
}
