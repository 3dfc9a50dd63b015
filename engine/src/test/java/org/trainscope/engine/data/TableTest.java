package org.trainscope.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped tables against the figures scikit-learn reports for the same files, and the parser's refusals. */
class TableTest {
    @Test
    void diabetesIsScikitLearnsRawTable() {
        Table t = Table.diabetes();
        assertEquals(442, t.size());
        assertEquals(10, t.dim());
        assertEquals(List.of(), t.classNames());
        // first row of load_diabetes(scaled=False): 59 2 32.1 101 157 93.2 38 4 4.8598 87, target 151
        assertEquals(59, t.feature(0, 0));
        assertEquals(4.8598, t.feature(0, 8));
        assertEquals(87, t.feature(0, 9));
        assertEquals(151, t.target(0));
        double sum = 0;
        for (double y : t.targets()) {
            sum += y;
        }
        // sklearn: load_diabetes().target.sum() = 67243 (mean 152.133…); the targets are integers, so exact
        assertEquals(67243, sum);
    }

    @Test
    void uciTablesHaveTheirShapesAndClasses() {
        assertEquals(List.of("setosa", "versicolor", "virginica"), Table.iris().classNames());
        assertEquals(150, Table.iris().size());
        assertEquals(4, Table.iris().dim());
        assertEquals(178, Table.wine().size());
        assertEquals(13, Table.wine().dim());
        assertEquals(569, Table.breastCancer().size());
        assertEquals(30, Table.breastCancer().dim());
        Dataset iris = Table.iris().toDataset();
        assertEquals(3, iris.classes());
        int[] counts = new int[3];
        for (int y : iris.labels()) {
            counts[y]++;
        }
        assertEquals(List.of(50, 50, 50), List.of(counts[0], counts[1], counts[2]));
    }

    @Test
    void standardizedFeaturesHaveMeanZeroAndUnitDeviation() {
        Table z = Table.diabetes().standardized();
        for (int j = 0; j < z.dim(); j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < z.size(); i++) {
                mean += z.feature(i, j);
                sq += z.feature(i, j) * z.feature(i, j);
            }
            mean /= z.size();
            // 442 terms of size ≤ 5 summed in double: rounding ≤ 442·5·2⁻⁵³ ≈ 3e-13
            assertEquals(0, mean, 1e-12);
            assertEquals(1, sq / z.size() - mean * mean, 1e-12);
        }
    }

    @Test
    void readsAFileAndRefusesARaggedOne(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("points.csv");
        Files.writeString(ok, "x1,x2,label\n0.5,1,0\n-1,2.5,1\n");
        Table t = Table.read(ok);
        assertEquals(2, t.size());
        assertEquals(2.5, t.feature(1, 1));
        assertEquals(1, t.target(1));

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2,0\n3,1\n");
        IOException e = assertThrows(IOException.class, () -> Table.read(ragged));
        assertTrue(e.getMessage().contains("line 2 has 2 fields, expected 3"), e.getMessage());

        IOException words = assertThrows(IOException.class, () -> Table.parse(
                new ByteArrayInputStream("1,2,0\n3,x,1\n".getBytes(StandardCharsets.UTF_8)), "words"));
        assertTrue(words.getMessage().contains("line 2 is not a row of numbers"), words.getMessage());
    }
}
