package org.trainscope.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The 8×8 handwritten digits: 1,797 images of 64 pixel counts 0..16, labels 0..9. UCI Machine Learning Repository,
 * "Optical Recognition of Handwritten Digits", E. Alpaydin and C. Kaynak, 1998, CC BY 4.0 — the copy scikit-learn
 * distributes, shipped as the resource {@code digits.csv.gz} with its attribution in {@code DIGITS-LICENSE.txt}.
 * Pixels are divided by 16 into [0, 1], as in the peers' W2 workload.
 */
public final class Digits {
    /** Examples in the shipped file. */
    public static final int SIZE = 1797;
    /** Pixels per image. */
    public static final int DIM = 64;
    /** Attribution to show wherever the data is shown. */
    public static final String ATTRIBUTION = "Digits: UCI \"Optical Recognition of Handwritten Digits\" "
            + "(Alpaydin & Kaynak 1998), CC BY 4.0";

    private static volatile Dataset cached;

    private Digits() {
    }

    /** The whole set, parsed once per JVM. */
    public static Dataset load() {
        Dataset d = cached;
        if (d == null) {
            try (InputStream in = Digits.class.getResourceAsStream("digits.csv.gz")) {
                if (in == null) {
                    throw new IllegalStateException("resource digits.csv.gz is missing from the engine jar");
                }
                d = parse(new GZIPInputStream(in), "digits");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped digits: " + e.getMessage(), e);
            }
            cached = d;
        }
        return d;
    }

    /** Parses the CSV layout (64 counts 0..16, then the label 0..9 per line); refuses anything else by line. */
    static Dataset parse(InputStream csv, String name) throws IOException {
        double[] x = new double[SIZE * DIM];
        int[] y = new int[SIZE];
        BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.US_ASCII));
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            if (n == SIZE) {
                throw new IOException(name + ": more than " + SIZE + " rows");
            }
            String[] f = line.split(",");
            if (f.length != DIM + 1) {
                throw new IOException(name + ": row " + (n + 1) + " has " + f.length + " fields, expected " + (DIM + 1));
            }
            for (int j = 0; j <= DIM; j++) {
                int v;
                try {
                    v = (int) Double.parseDouble(f[j].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(name + ": row " + (n + 1) + ", field " + (j + 1) + " is not a number: " + f[j]);
                }
                if (j < DIM) {
                    x[n * DIM + j] = v / 16.0;   // counts 0..16 → [0, 1]
                } else {
                    y[n] = v;
                }
            }
            n++;
        }
        if (n != SIZE) {
            throw new IOException(name + ": " + n + " rows, expected " + SIZE + " (truncated?)");
        }
        return new Dataset(name, x, y, DIM, 10);
    }
}
