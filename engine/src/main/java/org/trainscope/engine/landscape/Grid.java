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
        double d1 = (x1max - x1min) / (nx - 1);
        double d2 = (x2max - x2min) / (ny - 1);
        double[] x1 = new double[nx];
        for (int i = 0; i < nx; i++) {
            x1[i] = x1min + i * d1;
        }
        for (int j = 0; j < ny; j++) {
            double x2 = x2min + j * d2;
            int row = j * nx;
            for (int i = 0; i < nx; i++) {
                values[row + i] = f.value(x1[i], x2);
            }
        }
        return new Grid(x1min, x1max, x2min, x2max, nx, ny, values);
    }

    public double x1(int i) {
        return x1min + i * (x1max - x1min) / (nx - 1);
    }

    public double x2(int j) {
        return x2min + j * (x2max - x2min) / (ny - 1);
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
