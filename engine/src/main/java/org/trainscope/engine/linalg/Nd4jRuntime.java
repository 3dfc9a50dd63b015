package org.trainscope.engine.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ND4J's process-wide settings, applied once before the first array is made: DOUBLE as the default type (ND4J's
 * own default is FLOAT) and one BLAS/OpenMP thread — on the 100×100-sized work of Trainscope, two threads were
 * slower and erratic here (shared/STACK.md), and the app's worker thread is one thread anyway.
 */
public final class Nd4jRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static volatile boolean ready;

    private Nd4jRuntime() {
    }

    /** Idempotent and thread-safe; the first call loads the native libraries (0.3 s, more on a machine's first run). */
    public static void init() {
        if (ready) {
            return;
        }
        synchronized (Nd4jRuntime.class) {
            if (ready) {
                return;
            }
            long t0 = System.nanoTime();
            Blas.load();              // the engine's own OpenBLAS first: it picks its kernels as it loads
            OpenBlasKernels.choose(); // then ND4J's copy's kernels, before it loads
            Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
            ready = true;
            LOG.info("ND4J ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
