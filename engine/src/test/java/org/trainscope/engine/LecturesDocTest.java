package org.trainscope.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.experiment.ExperimentDef;

/** docs/lectures.md keeps up with the registry: every experiment has its row, every cited key its reference. */
class LecturesDocTest {
    private static String doc() throws IOException {
        return Files.readString(Path.of("..", "docs", "lectures.md"));
    }

    @Test
    void everyExperimentHasItsRowOfSlidesAndPapers() throws IOException {
        String doc = doc();
        for (ExperimentDef t : Experiments.standard().types()) {
            assertTrue(doc.contains("| `" + t.id() + "` |"), "docs/lectures.md lists " + t.id());
        }
    }

    @Test
    void everyCitedKeyHasAFullReference() throws IOException {
        String doc = doc();
        Matcher m = Pattern.compile("\\[([A-Z][a-z]+ \\d{4}[a-z]?)]").matcher(doc);
        while (m.find()) {
            assertTrue(doc.contains("- [" + m.group(1) + "] "), "a reference for [" + m.group(1) + "]");
        }
    }
}
