package org.trainscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/**
 * Any allowed params, on every registered experiment: a run is created (or refused with a message naming a param),
 * takes a few steps (or ends with a message: diverged, end of run), the same seed gives the same frames bit for bit,
 * and a snapshot restored into a fresh experiment reproduces the next frames. Values are drawn at the boundaries of
 * each range as often as inside it (and log-uniformly across ranges that span decades).
 *
 * <p>CI size: {@code jqwik.tries.default} in {@code junit-platform.properties} (a fixed seed, so CI sees the same
 * cases every run). The fuzz profile ({@code mvn -Pfuzz verify}) runs 10,000 and prints its figures.
 */
class EveryExperimentPropertyTest {
    private static final int STEPS = 2;
    /** The columns of {@link #OUTCOMES}. */
    private static final List<String> KINDS = List.of("ran", "refused", "diverged", "ended");
    private static final int RAN = 0;
    private static final int REFUSED = 1;
    private static final int DIVERGED = 2;
    private static final int ENDED = 3;
    /** A word followed by ':' or '=' in a refusal: a param it names, as in "observed: 2000 … (n = 16)". */
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("\\b([a-z][a-z0-9_]*)\\s?[:=]");
    private static final Map<String, int[]> OUTCOMES = new java.util.TreeMap<>();   // id → a count per KINDS
    private static final Map<String, Long> SLOWEST = new java.util.TreeMap<>();     // id → slowest step, ns
    private static final Map<String, String> SLOWEST_CASE = new java.util.TreeMap<>(); // id → its params off default
    private static Case current;
    private static final Map<String, Long> TIME = new java.util.TreeMap<>();        // id → time of all its cases, ns
    /** A fuzz run on both cores: {@code -Dfuzz.parts=2 -Dfuzz.part=0} (and 1) take every other experiment each. */
    private static final int PARTS = Math.max(1, Integer.getInteger("fuzz.parts", 1));
    private static final int PART = Integer.getInteger("fuzz.part", 0);
    /** The report is rewritten every this many cases, so that a run stopped early still leaves its figures. */
    private static final int REPORT_EVERY = 250;
    private static int cases;

    /** One experiment and the text of every param, as a user would type it. */
    record Case(ExperimentDef type, Map<String, String> params, long seed) {
        @Override
        public String toString() {
            return type.id() + " " + params + " seed " + seed;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        List<ExperimentDef> all = Experiments.standard().types();
        List<ExperimentDef> types = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % PARTS == PART)
                .mapToObj(all::get).toList();
        // every experiment in turn, so that any number of tries covers them evenly
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return Arbitraries.create(() -> types.get(next.getAndIncrement() % types.size())).flatMap(t -> {
            List<Arbitrary<String>> values = new ArrayList<>();
            for (ParamSpec p : t.params()) {
                values.add(value(p));
            }
            return Combinators.combine(values).as(texts -> {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < texts.size(); i++) {
                    m.put(t.params().get(i).name(), texts.get(i));
                }
                return m;
            }).flatMap(m -> Arbitraries.longs().between(0, 1000).map(seed -> new Case(t, m, seed)));
        });
    }

    /** Typed text for an allowed value of {@code p}: its ends, its default, or a value drawn inside. */
    private static Arbitrary<String> value(ParamSpec p) {
        if (p instanceof ParamSpec.Real r) {
            return Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(r.min())),
                    Tuple.of(1, Arbitraries.just(r.max())),
                    Tuple.of(1, Arbitraries.just(r.defaultValue())),
                    Tuple.of(3, inside(r.min(), r.max()))).map(EveryExperimentPropertyTest::plain);
        }
        if (p instanceof ParamSpec.Int i) {
            return Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(i.min())),
                    Tuple.of(1, Arbitraries.just(i.max())),
                    Tuple.of(1, Arbitraries.just(i.defaultValue())),
                    Tuple.of(3, Arbitraries.integers().between(i.min(), i.max()))).map(String::valueOf);
        }
        if (p instanceof ParamSpec.Choice c) {
            return Arbitraries.of(c.options());
        }
        if (p instanceof ParamSpec.Subset s) {
            return Arbitraries.subsetOf(s.options()).ofMinSize(1)
                    .map(set -> String.join(",", s.options().stream().filter(set::contains).toList()));
        }
        if (p instanceof ParamSpec.Numbers n) {
            // its default as often as a random list: a list with a structure (the playground's drawn x1,x2,label
            // triples) is almost never valid at random, and would have every case of its experiment refused
            return Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(p.format(p.defaultValue()))),
                    Tuple.of(1, inside(n.min(), n.max()).map(v -> n.whole() ? (double) Math.round(v) : v)
                            .list().ofMaxSize(n.maxCount()).map(n::format)));
        }
        // free text and files: the default (a formula that parses; no file): fuzzing text is the parsers' tests' job
        return Arbitraries.just(p.format(p.defaultValue()));
    }

    /** Uniform in [lo, hi], or log-uniform where the range is positive and spans more than two decades. */
    private static Arbitrary<Double> inside(double lo, double hi) {
        Arbitrary<Double> u = Arbitraries.doubles().between(0, 1).ofScale(6);
        if (lo > 0 && hi / lo > 100) {
            return u.map(t -> Math.min(hi, Math.max(lo, lo * Math.exp(t * Math.log(hi / lo)))));
        }
        return u.map(t -> Math.min(hi, Math.max(lo, lo + t * (hi - lo))));
    }

    /** As a user types it: at most six significant digits, never outside the range the spec allows. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    @Property(seed = "20261130", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)   // edge cases would skip turns
    void anyAllowedParamsRunDeterministicallyOrAreRefusedWithAMessage(@ForAll("cases") Case c) {
        long t0 = System.nanoTime();
        current = c;
        try {
            check(c);
        } finally {
            TIME.merge(c.type().id(), System.nanoTime() - t0, Long::sum);
            if (++cases % REPORT_EVERY == 0) {
                report();
            }
        }
    }

    private static void check(Case c) {
        Params params = c.type().defaults().withAll(c.params());   // every value is allowed: no refusal here
        int[] outcome = OUTCOMES.computeIfAbsent(c.type().id(), k -> new int[KINDS.size()]);
        Experiment first;
        try {
            first = c.type().create(params, c.seed());
        } catch (ParamException e) {
            assertNamesTheParamsInvolved(c.type(), params, e);
            outcome[REFUSED]++;
            return;
        }
        List<Frame> frames = run(first, STEPS, c.type().id());
        outcome[frames.size() == STEPS + 1 ? RAN : ENDS.get()]++;

        Experiment second = c.type().create(params, c.seed());
        Snapshot s = second.snapshot();                               // the state of frame 0
        List<Frame> again = run(second, STEPS, c.type().id());
        assertEquals(frames, again, c + ": the same params and seed give the same frames");

        if (frames.size() >= 2) {
            // the state of frame 0, restored into a fresh experiment, goes on exactly as the run did
            Experiment restored = c.type().create(params, c.seed());
            restored.restore(s);
            List<Frame> next = new ArrayList<>();
            for (int k = 1; k < frames.size(); k++) {
                next.add(step(restored));
            }
            assertEquals(frames.subList(1, frames.size()), next, c + ": a restored snapshot reproduces the next frames");
        }
    }

    /**
     * A combination of allowed values that does not fit together is refused naming the params involved: the param
     * it blames ({@link ParamException#param()}) starts the message; every name the message writes as "name:" or
     * "name =" is a param of the experiment; and since the defaults fit together, at least one param set away from
     * its default is named (else the message blames only values the user never touched).
     */
    private static void assertNamesTheParamsInvolved(ExperimentDef type, Params params, ParamException e) {
        String m = e.getMessage();
        java.util.Set<String> names = new java.util.HashSet<>(type.params().stream().map(ParamSpec::name).toList());
        assertTrue(names.contains(e.param()) && m.startsWith(e.param() + ":"), type.id() + ": starts with its param: " + m);
        java.util.regex.Matcher named = NAMED.matcher(m);
        java.util.Set<String> mentioned = new java.util.HashSet<>();
        while (named.find()) {
            assertTrue(names.contains(named.group(1)), type.id() + ": '" + named.group(1) + "' is not a param: " + m);
            mentioned.add(named.group(1));
        }
        Params defaults = type.defaults();
        List<String> changed = type.params().stream().map(ParamSpec::name)
                .filter(n -> !params.get(n).equals(defaults.get(n))).toList();
        assertTrue(changed.isEmpty() || changed.stream().anyMatch(mentioned::contains),
                type.id() + ": names a param the user changed " + changed + ": " + m);
    }

    /** How the last {@link #step} ended early: {@link #DIVERGED} or {@link #ENDED}. */
    private static final ThreadLocal<Integer> ENDS = ThreadLocal.withInitial(() -> ENDED);

    /** Frame 0 and up to {@code steps} steps; a run that diverges or ends stops there (a message, not a failure). */
    private static List<Frame> run(Experiment e, int steps, String id) {
        List<Frame> out = new ArrayList<>();
        out.add(e.frame());
        for (int k = 0; k < steps; k++) {
            long t0 = System.nanoTime();
            Frame f = step(e);
            long took = System.nanoTime() - t0;
            if (took > SLOWEST.getOrDefault(id, -1L)) {
                SLOWEST.put(id, took);
                SLOWEST_CASE.put(id, changed(current));
            }
            if (f == null) {
                break;
            }
            out.add(f);
        }
        return out;
    }

    private static Frame step(Experiment e) {
        try {
            return e.step();
        } catch (DivergedException | EndOfRunException end) {
            assertTrue(end.getMessage() != null && !end.getMessage().isBlank(), "an end says why");
            ENDS.set(end instanceof DivergedException ? DIVERGED : ENDED);
            return null;
        } catch (RuntimeException bug) {
            fail("a step threw " + bug, bug);
            return null;
        }
    }

    /**
     * The figures, printed and written to {@code target/fuzz-report.md}: per experiment the cases, how they came out
     * (ran {@value #STEPS} steps, refused, diverged, ended) and the slowest step.
     */
    @AfterContainer
    static void figures() throws java.io.IOException {
        System.out.print(report());
    }

    /** The case's params that differ from the defaults, and its seed: enough to replay its slowest step. */
    private static String changed(Case c) {
        Map<String, String> defaults = c.type().defaults().asText();
        StringBuilder sb = new StringBuilder();
        c.params().forEach((k, v) -> {
            if (!v.equals(defaults.get(k))) {
                sb.append(sb.length() == 0 ? "" : " ").append("--set ").append(k).append('=').append(v);
            }
        });
        return sb.append(" --seed ").append(c.seed()).toString().trim();
    }

    /** Writes the figures so far to the report file, and returns them. */
    private static String report() {
        StringBuilder md = new StringBuilder("# Property cases per experiment\n\n")
                .append("| experiment | cases | ran | refused | diverged | ended | slowest step (ms) | time (s) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        int[] total = new int[KINDS.size()];
        OUTCOMES.forEach((id, o) -> {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.1f |%n", id,
                    java.util.Arrays.stream(o).sum(), o[RAN], o[REFUSED], o[DIVERGED], o[ENDED],
                    SLOWEST.getOrDefault(id, 0L) / 1e6, TIME.getOrDefault(id, 0L) / 1e9));
            java.util.Arrays.setAll(total, i -> total[i] + o[i]);
        });
        md.append(String.format(Locale.ROOT, "| all | %d | %d | %d | %d | %d | %.1f | %.1f |%n", java.util.Arrays.stream(total).sum(),
                total[RAN], total[REFUSED], total[DIVERGED], total[ENDED],
                SLOWEST.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
                TIME.values().stream().mapToLong(Long::longValue).sum() / 1e9));
        md.append("\n## The slowest step's case, per experiment (replay: trainscope run <id> … --steps 3)\n\n");
        SLOWEST_CASE.forEach((id, params) -> md.append(String.format(Locale.ROOT, "- %s (%.1f ms): %s%n", id,
                SLOWEST.get(id) / 1e6, params.isEmpty() ? "defaults" : params)));
        java.nio.file.Path report = java.nio.file.Path.of("target", PARTS == 1 ? "fuzz-report.md"
                : "fuzz-report-part" + PART + "-of-" + PARTS + ".md");
        try {
            java.nio.file.Files.createDirectories(report.getParent());
            java.nio.file.Files.writeString(report, md);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return md.toString();
    }
}
