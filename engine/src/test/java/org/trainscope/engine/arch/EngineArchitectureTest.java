package org.trainscope.engine.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STYLE principles 1 and 12, checked on the source text: the engine never sees the UI (no {@code javafx.}
 * anywhere in engine/src/main), and only the CLI prints ({@code System.out}/{@code System.err} nowhere outside
 * {@code cli/}). Comments and string literals are stripped first, so a Javadoc that mentions JavaFX is fine.
 * Maven runs tests with the module directory as working directory, so the sources are at src/main/java.
 */
class EngineArchitectureTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path CLI = SOURCES.resolve(Path.of("org", "trainscope", "engine", "cli"));
    private static final Pattern JAVAFX = Pattern.compile("\\bjavafx\\s*\\.");
    private static final Pattern CONSOLE = Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b");

    private static List<Path> files;

    @BeforeAll
    static void collectSources() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the engine module directory; no " + SOURCES.toAbsolutePath());
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "found only " + files.size() + " sources under " + SOURCES.toAbsolutePath());
        assertTrue(files.stream().anyMatch(p -> p.startsWith(CLI)), "the cli package is among the sources");
    }

    @Test
    void noEngineSourceUsesJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path p : files) {
            if (JAVAFX.matcher(code(Files.readString(p))).find()) {
                offenders.add(p.toString());
            }
        }
        assertEquals(List.of(), offenders, "engine sources that refer to javafx");
    }

    @Test
    void onlyTheCliPrintsToTheConsole() throws IOException {
        List<String> offenders = new ArrayList<>();
        boolean cliPrints = false;
        for (Path p : files) {
            boolean prints = CONSOLE.matcher(code(Files.readString(p))).find();
            if (p.startsWith(CLI)) {
                cliPrints |= prints;
            } else if (prints) {
                offenders.add(p.toString());
            }
        }
        assertEquals(List.of(), offenders, "engine sources outside cli/ that use System.out or System.err");
        assertTrue(cliPrints, "the scan sees Cli.main's System.out, so it would see others");
    }

    @Test
    void theStripperKeepsCodeAndDropsCommentsAndStrings() {
        String src = "import javafx.scene.Node; // javafx.x\n/* System.out */ String s = \"System.err \\\" javafx.\"; "
                + "char c = '\"'; System . out.println();";
        String code = code(src);
        assertTrue(JAVAFX.matcher(code).find());
        assertTrue(CONSOLE.matcher(code).find());
        assertEquals(1, JAVAFX.matcher(code).results().count());
        assertTrue(!CONSOLE.matcher(code(" /** System.out */ \"System.err\" ")).find());
    }

    /** The source with comments, string/char literals and text blocks blanked out. */
    static String code(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j + 1, n);
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
