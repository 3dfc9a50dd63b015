package org.trainscope.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainscope.engine.experiment.Rng;

/** Datasets: the shipped digits, the seeded split, random labels, synthetic sets and the IDX loader. */
class DataTest {
    @TempDir
    Path dir;

    /** The known facts of the UCI/sklearn file: 1,797 rows, 178 zeros … 180 nines, first label 0, counts ≤ 16. */
    @Test
    void shippedDigitsAreTheUciSetWithItsLicence() throws IOException {
        Dataset d = Digits.load();
        assertEquals(1797, d.size());
        assertEquals(64, d.dim());
        int[] perClass = new int[10];
        for (int y : d.labels()) {
            perClass[y]++;
        }
        // class counts of load_digits(): np.bincount(load_digits().target)
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, perClass);
        assertEquals(0, d.label(0));
        assertEquals(5 / 16.0, d.input(0, 2), 0.0);      // first row starts 0,0,5,13,…
        for (double v : d.inputs()) {
            assertTrue(v >= 0 && v <= 1);
        }
        try (InputStream licence = Digits.class.getResourceAsStream("DIGITS-LICENSE.txt")) {
            String text = new String(licence.readAllBytes());
            assertTrue(text.contains("CC BY 4.0") && text.contains("Alpaydin"), text);
        }
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        Dataset d = Digits.load();
        Dataset.Split a = d.split(0.2, new Rng(0));
        Dataset.Split b = d.split(0.2, new Rng(0));
        Dataset.Split c = d.split(0.2, new Rng(1));
        assertEquals(360, a.test().size());
        assertEquals(1437, a.train().size());
        assertArrayEquals(a.test().inputs(), b.test().inputs());
        assertArrayEquals(a.train().labels(), b.train().labels());
        assertNotEquals(Arrays.hashCode(a.test().inputs()), Arrays.hashCode(c.test().inputs()));
        // disjoint and complete: the multiset of rows is preserved (rows are compared as lists)
        Set<java.util.List<Double>> rows = new HashSet<>();
        int duplicates = 0;
        for (Dataset part : new Dataset[] {a.train(), a.test()}) {
            for (int k = 0; k < part.size(); k++) {
                java.util.List<Double> row = new java.util.ArrayList<>();
                for (int j = 0; j < 64; j++) {
                    row.add(part.input(k, j));
                }
                row.add((double) part.label(k));
                if (!rows.add(row)) {
                    duplicates++;
                }
            }
        }
        Set<java.util.List<Double>> original = new HashSet<>();
        for (int k = 0; k < d.size(); k++) {
            java.util.List<Double> row = new java.util.ArrayList<>();
            for (int j = 0; j < 64; j++) {
                row.add(d.input(k, j));
            }
            row.add((double) d.label(k));
            original.add(row);
        }
        assertEquals(original, rows);
        assertEquals(d.size() - original.size(), duplicates);
    }

    @Test
    void randomLabelsKeepTheHistogramButNotTheLabels() {
        Dataset d = Digits.load();
        Dataset r = d.withRandomLabels(new Rng(7));
        int[] a = d.labels();
        int[] b = r.labels();
        assertArrayEquals(d.inputs(), r.inputs());
        int same = 0;
        for (int k = 0; k < a.length; k++) {
            same += a[k] == b[k] ? 1 : 0;
        }
        // a random permutation keeps ≈ n/10 labels by chance (binomial, sd ≈ 12.7): far from n
        assertTrue(same < 300, "unchanged labels: " + same);
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b);
    }

    @Test
    void syntheticSetsAreBalancedSeededAndNoisy() {
        for (String kind : Synthetic.NAMES) {
            Dataset s = Synthetic.of(kind, 300, 0.1, new Rng(3));
            assertEquals(300, s.size());
            assertEquals(2, s.dim());
            int[] count = new int[s.classes()];
            for (int y : s.labels()) {
                count[y]++;
            }
            for (int c : count) {
                assertEquals(300 / s.classes(), c, kind);
            }
            assertArrayEquals(s.inputs(), Synthetic.of(kind, 300, 0.1, new Rng(3)).inputs(), kind);
        }
        // without noise the circles lie exactly on radius 0.5 and 1 (tolerance: one rounding in cos/sin/hypot)
        Dataset circles = Synthetic.of("circles", 100, 0, new Rng(1));
        for (int k = 0; k < 100; k++) {
            double r = Math.hypot(circles.input(k, 0), circles.input(k, 1));
            assertEquals(circles.label(k) == 0 ? 0.5 : 1.0, r, 1e-15);
        }
        // xor without noise: the label is exactly [x₁x₂ < 0]
        Dataset xor = Synthetic.of("xor", 100, 0, new Rng(2));
        for (int k = 0; k < 100; k++) {
            assertEquals(xor.input(k, 0) * xor.input(k, 1) < 0 ? 1 : 0, xor.label(k));
        }
        assertThrows(IllegalArgumentException.class, () -> Synthetic.of("moons", 10, 0, new Rng(0)));
    }

    private Path idx(String name, int magic, int[] dims, int dataBytes, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(bytes) : bytes)) {
            out.writeInt(magic);
            for (int v : dims) {
                out.writeInt(v);
            }
            for (int i = 0; i < dataBytes; i++) {
                out.writeByte(magic == 0x803 && i % 10 == 0 ? 255 : i % 10);
            }
        }
        Path p = dir.resolve(name);
        Files.write(p, bytes.toByteArray());
        return p;
    }

    @Test
    void idxReadsImagesAndLabelsPlainOrGzipped() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path images = idx("img" + gz, 0x803, new int[] {3, 2, 2}, 12, gz);
            Path labels = idx("lab" + gz, 0x801, new int[] {3}, 3, gz);
            Dataset d = Idx.read(images, labels);
            assertEquals(3, d.size());
            assertEquals(4, d.dim());
            assertEquals(1.0, d.input(0, 0), 0.0);         // byte 255 → 1, exactly
            assertEquals(3 / 255.0, d.input(0, 3), 0.0);
            assertArrayEquals(new int[] {0, 1, 2}, new int[] {d.label(0), d.label(1), d.label(2)});
        }
    }

    @Test
    void idxRefusesBadFilesWithAClearMessage() throws IOException {
        Path labels = idx("labels", 0x801, new int[] {3}, 3, false);
        Path truncated = idx("short", 0x803, new int[] {3, 2, 2}, 11, false);
        assertTrue(assertThrows(IOException.class, () -> Idx.read(truncated, labels)).getMessage().contains("truncated: 11 of 12"));
        Path headerOnly = dir.resolve("head");
        Files.write(headerOnly, new byte[] {0, 0, 8, 3, 0, 0});
        assertTrue(assertThrows(IOException.class, () -> Idx.read(headerOnly, labels)).getMessage().contains("truncated"));
        Path notIdx = dir.resolve("text");
        Files.writeString(notIdx, "hello, world");
        assertTrue(assertThrows(IOException.class, () -> Idx.read(notIdx, labels)).getMessage().contains("not an IDX file"));
        Path floats = idx("floats", 0x00000D03, new int[] {3, 2, 2}, 48, false);
        assertTrue(assertThrows(IOException.class, () -> Idx.read(floats, labels)).getMessage().contains("expected 0x00000803"));
        Path images = idx("images", 0x803, new int[] {3, 2, 2}, 12, false);
        Path fewLabels = idx("few", 0x801, new int[] {2}, 2, false);
        assertTrue(assertThrows(IOException.class, () -> Idx.read(images, fewLabels)).getMessage().contains("2 labels for 3 images"));
        Path swapped = labels;
        assertTrue(assertThrows(IOException.class, () -> Idx.read(swapped, images)).getMessage().contains("expected 0x00000803"));
        assertTrue(assertThrows(IOException.class, () -> Idx.read(dir.resolve("none"), labels)).getMessage().contains("no such file"));
        Path trailing = idx("long", 0x803, new int[] {3, 2, 2}, 13, false);
        assertTrue(assertThrows(IOException.class, () -> Idx.read(trailing, labels)).getMessage().contains("trailing"));
    }

    @Test
    void theNoiseStabilityExperimentTrainsOnTheUsersIdxFilesAndRefusesBadOnesAtTheParam() throws IOException {
        // 60 images of 2×2: the idx() helper writes byte 255 at every 10th position, i % 10 elsewhere
        Path images = idx("mnist-images", 0x803, new int[] {60, 2, 2}, 240, true);
        Path labels = idx("mnist-labels", 0x801, new int[] {60}, 60, true);
        var type = org.trainscope.engine.stability.NoiseStabilityExperiment.TYPE;
        var params = type.defaults().with("data", "idx").with("idx_images", images.toString())
                .with("idx_labels", labels.toString()).with("depth", "1").with("width", "8").with("probe_every", "2");
        var e = type.create(params, 0);
        var f = e.step();
        f = e.step();
        assertEquals(2, f.step());
        assertTrue(Double.isFinite(f.scalar("train.loss")), "it trains on the 60 images");

        var missing = type.defaults().with("data", "idx");
        org.trainscope.engine.experiment.ParamException noFile = assertThrows(
                org.trainscope.engine.experiment.ParamException.class, () -> type.create(missing, 0));
        assertEquals("idx_images", noFile.param());
        assertTrue(noFile.getMessage().contains("needs the path"), noFile.getMessage());

        var typo = assertThrows(org.trainscope.engine.experiment.ParamException.class,
                () -> type.defaults().with("idx_images", dir.resolve("nope.gz").toString()));
        assertTrue(typo.getMessage().startsWith("idx_images: no readable file"), typo.getMessage());

        Path truncated = idx("cut-images", 0x803, new int[] {60, 2, 2}, 200, false);
        var bad = params.with("idx_images", truncated.toString());
        var refused = assertThrows(org.trainscope.engine.experiment.ParamException.class, () -> type.create(bad, 0));
        assertTrue(refused.getMessage().contains("truncated"), refused.getMessage());
    }

    @Test
    void digitsParserRefusesATruncatedFile() {
        byte[] twoRows = ("0,".repeat(64) + "1\n" + "0,".repeat(64) + "2\n").getBytes();
        IOException e = assertThrows(IOException.class, () -> Digits.parse(new java.io.ByteArrayInputStream(twoRows), "cut"));
        assertTrue(e.getMessage().contains("2 rows, expected 1797"), e.getMessage());
    }
}
