package org.trainscope.engine.linalg;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks OpenBLAS's kernel set before the library loads. The OpenBLAS 0.3.19 bundled with ND4J does not know this
 * machine's AMD EPYC (family 26) and falls back to its "Zen" kernels: a 100×100 DOUBLE GEMM took 48 µs against
 * 43 µs with the "Haswell" kernels (the set the peers' reference runs were forced onto, shared/peers/README.md).
 * The AVX-512 "SkylakeX" set was faster still (35 µs) but is wrong in 0.3.19 here: dgesdd with vectors returned
 * U, Vᵀ with reconstruction errors of 10² at n ≥ 40 (measured), so it is not used. OpenBLAS reads
 * {@code OPENBLAS_CORETYPE} once, when it loads, so the variable is set in the process environment (libc
 * {@code setenv} through JNA, already on ND4J's classpath) before ND4J's first call. An explicit
 * {@code OPENBLAS_CORETYPE} from the user always wins; on a CPU without AVX2 nothing is changed.
 *
 * <p>This is for ND4J's copy only, which now runs ND4J's own ops and nothing else: the engine's hot loops and all
 * its LAPACK calls go to {@link Blas}, a newer OpenBLAS whose AVX-512 kernels are right, and which
 * {@link Nd4jRuntime#init()} loads before this variable is set.
 */
public final class OpenBlasKernels {
    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasKernels.class);
    private static boolean done;

    private OpenBlasKernels() {
    }

    /** The libc function we need. */
    public interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Idempotent; must run before ND4J loads its native libraries to have an effect. */
    public static synchronized void choose() {
        if (done) {
            return;
        }
        done = true;
        if (System.getenv("OPENBLAS_CORETYPE") != null || !Cpu.here().flags().contains("avx2")) {
            return;
        }
        try {
            LibC c = Native.loadLibrary("c", LibC.class);
            c.setenv("OPENBLAS_CORETYPE", "Haswell", 0);
            LOG.info("OpenBLAS kernels: Haswell (AVX2) chosen; set OPENBLAS_CORETYPE to override");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.info("OpenBLAS kernels left to autodetection ({})", e.getMessage());
        }
    }
}
