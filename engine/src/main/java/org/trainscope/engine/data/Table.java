package org.trainscope.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A small numeric table: n rows of d features and one target (a real number, or a class index 0..k−1). Read from
 * CSV (comma, semicolon, tab or space separated, optionally gzipped) — from a path the user gives, or from the
 * tables the engine ships (see {@code TABLES-LICENSE.txt}): {@link #diabetes()}, {@link #iris()}, {@link #wine()},
 * {@link #breastCancer()}. The target is the last column. Immutable: arrays are copied in and out.
 */
public final class Table {
    /** Attribution to show wherever a shipped table is shown. */
    public static final String ATTRIBUTION = "Diabetes: Efron, Hastie, Johnstone & Tibshirani 2004 (BSD-3-Clause, "
            + "via scikit-learn); iris, wine, breast cancer: UCI Machine Learning Repository, CC BY 4.0";

    private static final Map<String, Table> SHIPPED = new ConcurrentHashMap<>();

    private final String name;
    private final double[] x;
    private final double[] y;
    private final int dim;
    private final List<String> classNames;

    /**
     * @param x          row-major n×d features
     * @param y          n targets
     * @param classNames the class names when the target is a class index, else empty
     */
    public Table(String name, double[] x, double[] y, int dim, List<String> classNames) {
        if (dim < 1 || y.length == 0 || x.length != (long) y.length * dim) {
            throw new IllegalArgumentException(name + ": need n·d features for n targets (n ≥ 1, d ≥ 1), got "
                    + x.length + " features, " + y.length + " targets, d = " + dim);
        }
        this.name = name;
        this.x = x.clone();
        this.y = y.clone();
        this.dim = dim;
        this.classNames = List.copyOf(classNames);
    }

    /** The diabetes regression table: 442 × 10 baseline variables in raw units, target = progression after a year. */
    public static Table diabetes() {
        return SHIPPED.computeIfAbsent("diabetes", k -> {
            Rows features = shippedRows("diabetes_data_raw.csv.gz", "diabetes features");
            Rows target = shippedRows("diabetes_target.csv.gz", "diabetes target");
            if (target.width() != 1 || target.rows().size() != features.rows().size()) {
                throw new IllegalStateException("diabetes: " + features.rows().size() + " rows but "
                        + target.rows().size() + " targets");
            }
            int n = features.rows().size();
            int d = features.width();
            double[] x = new double[n * d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(features.rows().get(i), 0, x, i * d, d);
                y[i] = target.rows().get(i)[0];
            }
            return new Table("diabetes", x, y, d, List.of());
        });
    }

    /** Fisher's iris: 150 × 4, three classes. */
    public static Table iris() {
        return SHIPPED.computeIfAbsent("iris", k -> shipped("iris.csv.gz", "iris"));
    }

    /** UCI wine: 178 × 13, three classes. */
    public static Table wine() {
        return SHIPPED.computeIfAbsent("wine", k -> shipped("wine.csv.gz", "wine"));
    }

    /** UCI breast cancer (diagnostic): 569 × 30, two classes (0 = malignant). */
    public static Table breastCancer() {
        return SHIPPED.computeIfAbsent("breast_cancer", k -> shipped("breast_cancer.csv.gz", "breast cancer"));
    }

    /** Reads a table from a file (gzipped if its name ends in .gz); a malformed file is refused naming its line. */
    public static Table read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream body = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return parse(body, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Table shipped(String resource, String name) {
        return shippedRows(resource, name).toTable(name);
    }

    private static Rows shippedRows(String resource, String name) {
        try (InputStream in = Table.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the engine jar");
            }
            return Rows.parse(new GZIPInputStream(in), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped table " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses rows of numbers, the last one the target; see {@link Rows#parse}. */
    static Table parse(InputStream csv, String name) throws IOException {
        return Rows.parse(csv, name).toTable(name);
    }

    /** Equal-width rows of numbers, and the class names a header gave. */
    private record Rows(List<double[]> rows, int width, List<String> classNames) {
        /**
         * A first line that is not all numbers is a header: in scikit-learn's layout ({@code rows,columns,class
         * names…}) the names after the second field become the class names; any other header is skipped. Every row
         * must have as many fields as the first.
         */
        static Rows parse(InputStream csv, String name) throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            List<String> classNames = List.of();
            int width = -1;
            int lineNo = 0;
            boolean first = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s*[,;\\t]\\s*|\\s+");
                double[] v = numbers(f);
                if (v == null) {
                    if (!first) {
                        throw new IOException(name + ": line " + lineNo + " is not a row of numbers: " + abbreviate(line));
                    }
                    if (f.length > 3 && numbers(new String[] {f[0], f[1]}) != null) {
                        classNames = List.of(java.util.Arrays.copyOfRange(f, 2, f.length));   // scikit-learn header
                    }
                    first = false;
                    continue;
                }
                first = false;
                if (width < 0) {
                    width = v.length;
                } else if (v.length != width) {
                    throw new IOException(name + ": line " + lineNo + " has " + v.length + " fields, expected " + width);
                }
                rows.add(v);
            }
            if (rows.isEmpty()) {
                throw new IOException(name + ": no rows of numbers");
            }
            return new Rows(rows, width, classNames);
        }

        Table toTable(String name) {
            if (width < 2) {
                throw new IllegalArgumentException(name + ": a table needs at least one feature and a target per row");
            }
            int d = width - 1;
            double[] x = new double[rows.size() * d];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double[] row = rows.get(i);
                System.arraycopy(row, 0, x, i * d, d);
                y[i] = row[d];
                if (!classNames.isEmpty() && (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= classNames.size())) {
                    throw new IllegalArgumentException(name + ": row " + (i + 1) + " has class " + y[i]
                            + ", expected 0.." + (classNames.size() - 1));
                }
            }
            return new Table(name, x, y, d, classNames);
        }
    }

    private static double[] numbers(String[] fields) {
        double[] v = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                v[i] = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(v[i])) {
                return null;
            }
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    public String name() {
        return name;
    }

    /** Rows n. */
    public int size() {
        return y.length;
    }

    /** Features d. */
    public int dim() {
        return dim;
    }

    /** Class names when the target is a class index; empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    public double feature(int row, int j) {
        return x[row * dim + j];
    }

    public double target(int row) {
        return y[row];
    }

    /** A copy of the row-major n×d features. */
    public double[] features() {
        return x.clone();
    }

    /** A copy of the n targets. */
    public double[] targets() {
        return y.clone();
    }

    /** The same table with every feature standardized to mean 0 and (population) standard deviation 1. */
    public Table standardized() {
        int n = size();
        double[] z = x.clone();
        for (int j = 0; j < dim; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * dim + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double c = x[i * dim + j] - mean;
                var += c * c;
            }
            double sd = Math.sqrt(var / n);
            for (int i = 0; i < n; i++) {
                z[i * dim + j] = sd > 0 ? (x[i * dim + j] - mean) / sd : 0;   // z = (x − mean) / sd
            }
        }
        return new Table(name, z, y, dim, classNames);
    }

    /** The classification set of this table (targets must be class indices). */
    public Dataset toDataset() {
        if (classNames.isEmpty()) {
            throw new IllegalStateException(name + " is a regression table: it has no classes");
        }
        int[] labels = new int[size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) y[i];
        }
        return new Dataset(name, x, labels, dim, classNames.size());
    }
}
