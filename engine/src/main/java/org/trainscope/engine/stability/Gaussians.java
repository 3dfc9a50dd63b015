package org.trainscope.engine.stability;

import org.trainscope.engine.experiment.Rng;

/**
 * Standard normal numbers in bulk for the noise the probes inject, drawn from an {@link Rng} so that a seed fixes
 * them: the ziggurat method with its tables built once, in StrictMath, at class load.
 */
final class Gaussians {
    /** Ziggurat layers (Doornik 2005, ZIGNOR): 256 boxes of equal area V; R is where the base strip's tail begins. */
    private static final int ZIG_LAYERS = 256;
    private static final double ZIG_R = 3.6541528853610088;
    private static final double ZIG_V = 4.92867323399e-3;
    private static final double[] ZIG_X = new double[ZIG_LAYERS + 1];     // layer i spans |x| < ZIG_X[i]
    private static final double[] ZIG_F = new double[ZIG_LAYERS + 1];     // f(ZIG_X[i]), f(x) = e^{−x²/2}
    private static final double[] ZIG_RATIO = new double[ZIG_LAYERS];     // ZIG_X[i+1]/ZIG_X[i]: wholly under f

    static {
        double f = StrictMath.exp(-0.5 * ZIG_R * ZIG_R);
        ZIG_X[0] = ZIG_V / f;                                   // the base strip: V/f(R), its tail beyond R
        ZIG_X[1] = ZIG_R;
        for (int i = 2; i < ZIG_LAYERS; i++) {
            ZIG_X[i] = StrictMath.sqrt(-2 * StrictMath.log(ZIG_V / ZIG_X[i - 1] + f));   // x_i = f⁻¹(f(x_{i−1}) + V/x_{i−1})
            f = StrictMath.exp(-0.5 * ZIG_X[i] * ZIG_X[i]);
        }
        for (int i = 0; i <= ZIG_LAYERS; i++) {
            ZIG_F[i] = StrictMath.exp(-0.5 * ZIG_X[i] * ZIG_X[i]);
        }
        for (int i = 0; i < ZIG_LAYERS; i++) {
            ZIG_RATIO[i] = ZIG_X[i + 1] / ZIG_X[i];
        }
    }

    /**
     * Fills {@code out[0 … len−1]} with independent N(0, 1) by the ziggurat method (Marsaglia &amp; Tsang 2000, in
     * Doornik's 2005 form, ZIGNOR, 256 layers): a uniform layer i and u ∈ [−1, 1) from one 64-bit draw, accepted
     * at once as x = u·x_i when |u| &lt; x_{i+1}/x_i (about 99% of draws: one multiplication); else the wedge
     * under f(x) = e^{−x²/2} (one exp) or the tail beyond R (logs). About 5× cheaper than the polar method with its
     * logarithm per pair, which matters for the 160,000 normals of one {@link StabilityProbe}. StrictMath keeps
     * the numbers identical on every machine.
     */
    static void fill(Rng rng, double[] out, int len) {
        for (int r = 0; r < len; r++) {
            out[r] = ziggurat(rng);
        }
    }

    private static double ziggurat(Rng rng) {
        while (true) {
            long bits = rng.nextLong();
            double u = 2 * ((bits >>> 11) * 0x1.0p-53) - 1;                   // 53 high bits: u ∈ [−1, 1)
            int i = (int) (bits & (ZIG_LAYERS - 1));                             // 8 low bits: the layer
            if (Math.abs(u) < ZIG_RATIO[i]) {
                return u * ZIG_X[i];                                             // inside the box under f
            }
            if (i == 0) {
                return tail(rng, u < 0);
            }
            double x = u * ZIG_X[i];
            double y = ZIG_F[i] + rng.nextDouble() * (ZIG_F[i + 1] - ZIG_F[i]);   // uniform over the layer's height
            if (y < StrictMath.exp(-0.5 * x * x)) {
                return x;                                                        // under f(x) in the wedge
            }
        }
    }

    /** A normal conditioned on |x| &gt; R, by Marsaglia's exponential rejection (1964). */
    private static double tail(Rng rng, boolean negative) {
        double x;
        double y;
        do {
            x = StrictMath.log(1 - rng.nextDouble()) / ZIG_R;                   // log of a uniform in (0, 1]
            y = StrictMath.log(1 - rng.nextDouble());
        } while (-2 * y < x * x);
        return negative ? x - ZIG_R : ZIG_R - x;
    }

    private Gaussians() {
    }
}
