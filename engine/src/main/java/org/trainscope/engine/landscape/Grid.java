package org.trainscope.engine.landscape;

/**
 * f sampled on an nx×ny lattice over [x1min, x1max]×[x2min, x2max], both end points included:
 * {@code values[j·nx + i] = f(x1min + i·Δ₁, x2min + j·Δ₂)} (row j = 0 is the bottom, x₂ = x2min).
 * Evaluated as a plain Java loop: 1024² of {@code valley} in about a millisecond, several times faster than a
 * chain of ND4J elementwise kernels (shared/STACK.md).
 */
public record Grid(double x1min, double x1max, double x2min, double x2max, int nx, int ny, double[] values) {

    /** Evaluates the surface on the lattice. */
    public static Grid evaluate(Surface f, double x1min, double x1max, double x2min, double x2max, int nx, int ny) {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("grid needs at least 2×2 points");
        }
        double[] values = new double[nx * ny];
        double[] x1 = new double[nx];
        for (int i = 0; i < nx; i++) {
            x1[i] = lattice(x1min, x1max, nx, i);
        }
        for (int j = 0; j < ny; j++) {
            double x2 = lattice(x2min, x2max, ny, j);
            int row = j * nx;
            for (int i = 0; i < nx; i++) {
                values[row + i] = f.value(x1[i], x2);
            }
        }
        return new Grid(x1min, x1max, x2min, x2max, nx, ny, values);
    }

    /** The i-th coordinate along x₁, the very number {@link #evaluate} used: at(i, j) = f(x1(i), x2(j)). */
    public double x1(int i) {
        return lattice(x1min, x1max, nx, i);
    }

    /** The j-th coordinate along x₂, the very number {@link #evaluate} used. */
    public double x2(int j) {
        return lattice(x2min, x2max, ny, j);
    }

    /** min + i·Δ with Δ = (max − min)/(n − 1), and exactly max at i = n − 1 (as NumPy's linspace). */
    private static double lattice(double min, double max, int n, int i) {
        return i == n - 1 ? max : min + i * ((max - min) / (n - 1));
    }

    public double at(int i, int j) {
        return values[j * nx + i];
    }

    /** {min, max} over the finite values. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }
}
