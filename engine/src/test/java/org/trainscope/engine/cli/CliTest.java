package org.trainscope.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.landscape.LandscapeExperiment;

/** The headless command line, run in-process with captured stdout and stderr. */
class CliTest {
    /** Defaults of the landscape experiment that the closed form below uses: η = 0.01, a = 1, x₁(0) = −1.5. */
    private static final double ETA = 0.01;
    private static final double A = 1.0;
    private static final double X0 = -1.5;

    private record Result(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = new Cli(Experiments.standard(), o, e).run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * The "done when": 101 frames, steps 0…100, gd.x1 = (1−2ηa)^t x₁(0) to 1e-12 relative (a few roundings
     * per step plus Math.pow's t·ε ≈ 1e-13; CSV numbers are written with Double.toString, which round-trips exactly).
     */
    @Test
    void runQuadraticPrintsHeaderAnd101RowsFollowingTheClosedForm() {
        Result r = cli("run", "landscape", "--set", "function=quadratic", "--steps", "100");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.lines();
        assertEquals(102, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals("step", header.get(0));
        for (String opt : List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "flow")) {
            assertTrue(header.containsAll(List.of(opt + ".x1", opt + ".x2", opt + ".loss", opt + ".gradnorm",
                    opt + ".m1", opt + ".m2", opt + ".acc1", opt + ".acc2")), opt);
        }
        int col = header.indexOf("gd.x1");
        for (int t = 0; t <= 100; t++) {
            String[] row = lines.get(t + 1).split(",");
            assertEquals(header.size(), row.length);
            assertEquals(t, Long.parseLong(row[0]));
            double expected = Math.pow(1 - 2 * ETA * A, t) * X0;
            assertEquals(expected, Double.parseDouble(row[col]), 1e-12 * Math.abs(expected), "gd.x1 at step " + t);
        }
    }

    @Test
    void everyKPrintsFrameZeroAndEveryKthStep() {
        Result r = cli("run", "landscape", "--set", "function=quadratic", "--steps", "100", "--every", "10");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.lines();
        assertEquals(12, lines.size());
        for (int k = 0; k <= 10; k++) {
            assertTrue(lines.get(k + 1).startsWith(10 * k + ","), lines.get(k + 1));
        }
    }

    @Test
    void withoutStepsRunsTheDefaultLength() {
        Result r = cli("run", "landscape", "--every", "100");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.lines();
        int length = LandscapeExperiment.TYPE.defaultSteps();
        assertTrue(lines.get(lines.size() - 1).startsWith(length + ","), lines.get(lines.size() - 1));
    }

    @Test
    void jsonlWritesOneWellFormedObjectPerFrame() {
        Result csv = cli("run", "landscape", "--set", "function=quadratic", "--steps", "20");
        Result r = cli("run", "landscape", "--set", "function=quadratic", "--steps", "20", "--format", "jsonl");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.lines();
        assertEquals(21, lines.size());
        Pattern shape = Pattern.compile("\\{\"step\":(\\d+),\"scalars\":\\{(\"[^\"]+\":(-?[0-9.E-]+|null),?)+\\},\"series\":\\{.*\\}\\}");
        Pattern gdX1 = Pattern.compile("\"gd\\.x1\":([^,}]+)");
        int col = List.of(csv.lines().get(0).split(",")).indexOf("gd.x1");
        for (int t = 0; t <= 20; t++) {
            String line = lines.get(t);
            Matcher m = shape.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(t, Integer.parseInt(m.group(1)));
            assertEquals(count(line, '{'), count(line, '}'), "balanced braces");
            Matcher x = gdX1.matcher(line);
            assertTrue(x.find());
            assertEquals(csv.lines().get(t + 1).split(",")[col], x.group(1), "same number as the CSV");
        }
    }

    @Test
    void outWritesTheFileAndNothingToStdout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.csv");
        Result r = cli("run", "landscape", "--steps", "30", "--every", "3", "--out", file.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + 11, lines.size());
        assertTrue(lines.get(0).startsWith("step,"));
        assertEquals(cli("run", "landscape", "--steps", "30", "--every", "3").lines(), lines, "same as stdout");
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
    }

    @Test
    void sameSeedGivesTheSameOutput() {
        String[] args = {"run", "landscape", "--seed", "17", "--steps", "50", "--format", "jsonl"};
        assertEquals(cli(args).out(), cli(args).out());
    }

    @Test
    void usageErrorsExitWithStatusTwoAndOneLineNamingTheProblem() {
        String[][] cases = {
                {"nosuch", "run", "nosuch"},
                {"bogus", "run", "landscape", "--set", "bogus=1"},
                {"lr", "run", "landscape", "--set", "lr=100"},
                {"lr", "run", "landscape", "--set", "lr=fast"},
                {"function", "run", "landscape", "--set", "function=parabola"},
                {"optimizers", "run", "landscape", "--set", "optimizers=gd,sgd"},
                {"unknown option '--bogus'", "run", "landscape", "--bogus", "1"},
                {"unknown option '--bogus'", "run", "landscape", "--bogus"},
                {"unexpected argument '100'", "run", "landscape", "100"},
                {"--steps needs a value", "run", "landscape", "--steps"},
                {"--set needs a value", "run", "landscape", "--steps", "5", "--set"},
                {"--steps", "run", "landscape", "--steps", "ten"},
                {"--steps", "run", "landscape", "--steps", "-1"},
                {"--every", "run", "landscape", "--every", "0"},
                {"--format", "run", "landscape", "--format", "xml"},
                {"--set", "run", "landscape", "--set", "lr"},
                {"experiment id", "run"},
                {"nosuch", "describe", "nosuch"},
                {"frobnicate", "frobnicate"},
        };
        for (String[] c : cases) {
            String[] args = Arrays.copyOfRange(c, 1, c.length);
            Result r = cli(args);
            String what = String.join(" ", args);
            assertEquals(2, r.status(), what);
            assertEquals("", r.out(), what + ": nothing on stdout");
            assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
                    what + ": one line on stderr, got: " + r.err());
            assertTrue(r.err().startsWith("trainscope: "), r.err());
            assertTrue(r.err().contains(c[0]), what + ": message should name '" + c[0] + "': " + r.err());
        }
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        Result r = cli();
        assertEquals(2, r.status());
        assertTrue(r.err().contains("usage"), r.err());
    }

    @Test
    void divergedRunExitsThreeAfterWritingTheFramesBeforeIt() {
        Result r = cli("run", "landscape", "--set", "function=quadratic", "--set", "optimizers=gd", "--set", "lr=2",
                "--steps", "1000");
        assertEquals(3, r.status());
        assertTrue(r.err().contains("diverged"), r.err());
        List<String> lines = r.lines();
        assertTrue(lines.size() > 10 && lines.size() < 1001, "rows up to the divergence: " + lines.size());
        int col = List.of(lines.get(0).split(",")).indexOf("gd.diverged");
        assertEquals("1.0", lines.get(lines.size() - 1).split(",")[col], "the last row marks gd diverged");
        assertEquals("0.0", lines.get(1).split(",")[col], "frame 0 does not");
    }

    @Test
    void listAndDescribeShowTheIdAndParams() {
        Result list = cli("list");
        assertEquals(0, list.status());
        assertTrue(list.out().startsWith("landscape"), list.out());
        assertTrue(list.out().contains(LandscapeExperiment.TYPE.title()));

        Result describe = cli("describe", "landscape");
        assertEquals(0, describe.status(), describe.err());
        assertTrue(describe.out().startsWith("landscape"), describe.out());
        for (ParamSpec p : LandscapeExperiment.TYPE.params()) {
            assertTrue(describe.out().contains("  " + p.name() + " "), "describe lists " + p.name());
            assertTrue(describe.out().contains(p.allowed()), "describe says what " + p.name() + " allows");
        }
        assertTrue(describe.out().contains(String.valueOf(LandscapeExperiment.TYPE.defaultSteps())));
        assertFalse(describe.out().isBlank());
        assertEquals(0, cli("help").status());
    }

    @Test
    void everyCommandHasHelpAndTheToolItsVersion() {
        for (String command : List.of("list", "describe", "run", "bench", "completion")) {
            Result r = cli(command, "--help");
            assertEquals(0, r.status(), command + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: trainscope " + command), command + ": " + r.out());
        }
        Result top = cli("--help");
        assertEquals(0, top.status());
        for (String command : List.of("list", "describe", "run", "bench", "completion")) {
            assertTrue(top.out().contains("  " + command + " "), "the top help lists " + command + ": " + top.out());
        }
        Result run = cli("run", "--help");
        for (String option : List.of("--seed", "--steps", "--every", "--set", "--format", "--out")) {
            assertTrue(run.out().contains(option), "run --help explains " + option);
        }
        assertTrue(run.out().contains("landscape"), "and lists the experiment ids");
        Result version = cli("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().matches("trainscope \\d+\\.\\d+\\.\\d+.*\\n"), version.out());
    }

    @Test
    void misspellingsAreAnsweredWithWhatWasMeant() {
        String[][] cases = {
                {"did you mean run?", "rnu", "landscape"},
                {"did you mean landscape?", "describe", "landscap"},
                {"did you mean sawtooth?", "run", "sawtoth"},
                {"did you mean --steps?", "run", "landscape", "--step", "3"},
                {"did you mean optimizers?", "run", "landscape", "--set", "optimizer=gd"},
                {"did you mean lr?", "run", "landscape", "--set", "rl=0.1"},
        };
        for (String[] c : cases) {
            Result r = cli(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, r.status(), String.join(" ", c));
            assertTrue(r.err().contains(c[0]), "expected '" + c[0] + "' in: " + r.err());
            assertEquals(1, count(r.err(), '\n'), "one line: " + r.err());
        }
    }

    @Test
    void theCompletionScriptCompletesCommandsOptionsAndIds() {
        Result r = cli("completion");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().substring(0, 40));
        assertTrue(r.out().contains("complete -F _complete_trainscope"), "registers the function for trainscope");
        for (String word : List.of("list", "describe", "run", "bench", "--steps", "--format", "jsonl", "landscape",
                "deep-matrix-factorization")) {
            assertTrue(r.out().contains(word), "completes " + word);
        }
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
