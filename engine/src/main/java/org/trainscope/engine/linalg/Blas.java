package org.trainscope.engine.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BLAS and LAPACK routines the engine's hot loops call, from an OpenBLAS bundled in the engine jar (0.3.28,
 * unpacked at build time from {@code org.bytedeco:openblas}; see engine/pom.xml), not from the 0.3.19 that ND4J
 * loads. Why a second copy: 0.3.19 does not know AMD Zen 4/5 CPUs and its AVX-512 ("SkylakeX") kernels are wrong
 * here — {@code dgesdd} with vectors returned U, Vᵀ with reconstruction errors of 10² at n ≥ 50 (measured) — so
 * ND4J's copy has to run AVX2 kernels. 0.3.28 picks its AVX-512 "Cooperlake" kernels on this machine, as the
 * NumPy/PyTorch peers' OpenBLAS 0.3.21 does, and they are right: a 100×100 DOUBLE GEMM takes ~36 µs instead of
 * ~43–55 µs, FLOAT ~20 µs. An {@code OPENBLAS_CORETYPE} set by the user applies to both copies.
 *
 * <p>The library is loaded privately ({@code RTLD_LOCAL}, by its full path), so its symbols never mix with ND4J's
 * copy, and called through JNA direct mapping. Pointers are passed as raw addresses: use {@link #address} on a
 * JavaCPP pointer (ND4J buffers, {@link DenseMatrix#pointer()}). One BLAS thread, like ND4J's (Nd4jRuntime): the
 * engine's matrices are ≤ a few hundred wide, and the app's other core draws.
 */
public final class Blas {
    private static final Logger LOG = LoggerFactory.getLogger(Blas.class);

    /** The bundled build; the resource folder the engine's pom unpacks it into. */
    public static final String BUNDLED = "openblas-0.3.28-1.5.11";
    private static final String RESOURCES = "/trainscope-native/" + BUNDLED + "/org/bytedeco/openblas/linux-x86_64/";
    private static final List<String> FILES = List.of("libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5",
            "libopenblas.so.0");
    private static final int RTLD_LAZY = 0x1;   // and not RTLD_GLOBAL (0x100): private symbols

    public static final int COL_MAJOR = 102;
    public static final int NO_TRANS = 111;
    public static final int TRANS = 112;

    private static final String CORE;
    private static final String CONFIG;

    static {
        NativeLibrary lib;
        try {
            lib = NativeLibrary.getInstance(extract().resolve("libopenblas.so.0").toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("Trainscope's OpenBLAS (" + BUNDLED + ") could not be loaded: "
                    + e.getMessage(), e);
        }
        Native.register(Blas.class, lib);
        openblas_set_num_threads(1);
        CORE = openblas_get_corename();
        CONFIG = openblas_get_config();
        LOG.info("{} loaded (kernels: {})", CONFIG, CORE);
    }

    private Blas() {
    }

    /** Loads the library now (idempotent); throws if it cannot be loaded. */
    public static void load() {
        // the static initializer has run when this returns
    }

    /** The kernel set OpenBLAS chose for this CPU, e.g. "Cooperlake" or "Haswell". */
    public static String kernels() {
        return CORE;
    }

    /** OpenBLAS's build description, starting with its version, e.g. "OpenBLAS 0.3.28 DYNAMIC_ARCH …". */
    public static String config() {
        return CONFIG;
    }

    /** The address of element {@code position()} of a JavaCPP pointer (an ND4J buffer, a DoublePointer, …). */
    public static long address(Pointer p) {
        return p.address() + p.position() * p.sizeof();
    }

    // ---- the native routines (JNA direct mapping; pointers as addresses) ----

    private static native void openblas_set_num_threads(int n);

    private static native String openblas_get_corename();

    private static native String openblas_get_config();

    /** C ← α·op(A)·op(B) + β·C (DOUBLE). */
    public static native void cblas_dgemm(int order, int transA, int transB, int m, int n, int k, double alpha, long a,
                                          int lda, long b, int ldb, double beta, long c, int ldc);

    /** C ← α·op(A)·op(B) + β·C (FLOAT). */
    public static native void cblas_sgemm(int order, int transA, int transB, int m, int n, int k, float alpha, long a,
                                          int lda, long b, int ldb, float beta, long c, int ldc);

    /** A ← α·x·yᵀ + A (FLOAT), a rank-one update. */
    public static native void cblas_sger(int order, int m, int n, float alpha, long x, int incx, long y, int incy,
                                         long a, int lda);

    /** y ← α·op(A)·x + β·y (FLOAT). */
    public static native void cblas_sgemv(int order, int trans, int m, int n, float alpha, long a, int lda, long x,
                                          int incx, float beta, long y, int incy);

    /** y ← y + α·x (FLOAT). */
    public static native void cblas_saxpy(int n, float alpha, long x, int incx, long y, int incy);

    /** x ← α·x (FLOAT). */
    public static native void cblas_sscal(int n, float alpha, long x, int incx);

    /** ‖x‖₂ (FLOAT); not finite if an entry is not. */
    public static native float cblas_snrm2(int n, long x, int incx);

    /** y ← x (FLOAT). */
    public static native void cblas_scopy(int n, long x, int incx, long y, int incy);

    /** xᵀy of FLOAT vectors, accumulated in DOUBLE. */
    public static native double cblas_dsdot(int n, long x, int incx, long y, int incy);

    /** x ← α·x. */
    public static native void cblas_dscal(int n, double alpha, long x, int incx);

    /** y ← x. */
    public static native void cblas_dcopy(int n, long x, int incx, long y, int incy);

    /** y ← y + α·x. */
    public static native void cblas_daxpy(int n, double alpha, long x, int incx, long y, int incy);

    /** xᵀy. */
    public static native double cblas_ddot(int n, long x, int incx, long y, int incy);

    /** A = U·diag(s)·Vᵀ by divide and conquer; job 'N' (values), 'S' or 'A'. Overwrites A. */
    public static native int LAPACKE_dgesdd(int layout, byte job, int m, int n, long a, int lda, long s, long u,
                                            int ldu, long vt, int ldvt);

    /**
     * {@link #LAPACKE_dgesdd} with caller-provided workspace (work: lwork doubles, iwork: 8·min(m, n) ints), so no
     * allocation per call; lwork = −1 writes the optimal size to work[0] instead.
     */
    public static native int LAPACKE_dgesdd_work(int layout, byte job, int m, int n, long a, int lda, long s, long u,
                                                 int ldu, long vt, int ldvt, long work, int lwork, long iwork);

    /** A = U·diag(s)·Vᵀ by QR iteration; jobs 'N', 'S', 'A'. Overwrites A. */
    public static native int LAPACKE_dgesvd(int layout, byte jobu, byte jobvt, int m, int n, long a, int lda, long s,
                                            long u, int ldu, long vt, int ldvt, long superb);

    /** Eigen-decomposition of a symmetric matrix: values ascending into w, vectors over A if job 'V'. */
    public static native int LAPACKE_dsyev(int layout, byte job, byte uplo, int n, long a, int lda, long w);

    /** QR factorization A = QR, Householder form. */
    public static native int LAPACKE_dgeqrf(int layout, int m, int n, long a, int lda, long tau);

    /** The first n columns of Q from {@link #LAPACKE_dgeqrf}. */
    public static native int LAPACKE_dorgqr(int layout, int m, int n, int k, long a, int lda, long tau);

    // ---- unpacking the bundled files ----

    /**
     * The folder holding the bundled libraries: ~/.cache/trainscope/BUNDLED (or under java.io.tmpdir when the home
     * is not writable), filled once. A partial folder is never used: the files go to a fresh folder that is then
     * renamed into place, so two processes starting together do not see each other's half-written files.
     */
    private static Path extract() {
        Path home = Path.of(System.getProperty("user.home", "."), ".cache", "trainscope");
        try {
            return extractInto(home);
        } catch (IOException | UncheckedIOException e) {
            Path temp = Path.of(System.getProperty("java.io.tmpdir"), "trainscope-" + System.getProperty("user.name"));
            try {
                return extractInto(temp);
            } catch (IOException second) {
                second.addSuppressed(e);
                throw new UncheckedIOException("cannot unpack it into " + home + " nor " + temp + " ("
                        + second + ")", second);
            }
        }
    }

    private static Path extractInto(Path parent) throws IOException {
        Path target = parent.resolve(BUNDLED);
        if (complete(target)) {
            return target;
        }
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, BUNDLED + ".part");
        try {
            for (String f : FILES) {
                try (InputStream in = Blas.class.getResourceAsStream(RESOURCES + f)) {
                    if (in == null) {
                        throw new IllegalStateException("the engine jar lacks " + RESOURCES + f
                                + " (built without the bundle-openblas step?)");
                    }
                    Files.copy(in, temp.resolve(f));
                }
            }
            Files.writeString(temp.resolve("COMPLETE"), BUNDLED);
            if (Files.exists(target) && !complete(target)) {
                deleteTree(target);   // left by an older, non-atomic unpacking: only whole folders are moved in
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
                if (!complete(target)) {
                    throw e;
                }
            }
        } finally {
            deleteTree(temp);
        }
        return target;
    }

    private static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve("COMPLETE"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
