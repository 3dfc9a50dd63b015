package org.trainscope.engine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Failures;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.session.AtomicFiles;
import org.trainscope.engine.session.FrameWriter;

/**
 * {@code java -jar trainscope-engine.jar list | describe <id> | run <id> [options] | bench [<id>…]}.
 * Exit status: 0 success, 2 bad usage (one line on stderr naming the problem), 3 the run diverged (frames before
 * it were written), 1 an I/O failure.
 */
public final class Cli {
    static final int OK = 0;
    static final int IO_ERROR = 1;
    static final int USAGE = 2;
    static final int DIVERGED = 3;

    private static final String USAGE_TEXT = """
            usage: trainscope-engine <command>
              list                          the experiments
              describe <id>                 an experiment's params (defaults, ranges) and outputs
              run <id> [--seed S] [--steps N] [--every K] [--set name=value]... [--format csv|jsonl] [--out FILE]
                                            frame 0, then every K-th step, to stdout or FILE
              bench [<id>...] [--peers DIR] engine speed at the defaults (not a test)""";

    private static final List<String> RUN_OPTIONS = List.of("--seed", "--steps", "--every", "--format", "--out", "--set");

    private final Registry registry;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Registry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new Cli(Experiments.standard(), System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command and returns its exit status. */
    int run(String[] args) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command given\n" + USAGE_TEXT);
            }
            List<String> rest = List.of(args).subList(1, args.length);
            return switch (args[0]) {
                case "list" -> list();
                case "describe" -> describe(rest);
                case "run" -> runExperiment(rest);
                case "bench" -> new Bench(registry, out).run(rest);
                case "help", "--help", "-h" -> {
                    out.println(USAGE_TEXT);
                    yield OK;
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'; expected list, describe, run or bench");
            };
        } catch (UsageException | ParamException e) {
            err.println("trainscope: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("trainscope: " + e.getMessage());
            return IO_ERROR;
        } catch (LinkageError e) {                       // a native library that would not load
            err.println("trainscope: " + Failures.message(e));
            return IO_ERROR;
        }
    }

    private int list() {
        for (ExperimentDef t : registry.types()) {
            out.printf("%-20s %s%n", t.id(), t.title());
        }
        return OK;
    }

    private int describe(List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("describe takes one experiment id");
        }
        ExperimentDef t = type(args.get(0));
        out.println(t.id() + " — " + t.title());
        out.println(t.explanation().whatYouSee());
        out.println("formula: " + t.explanation().formula());
        out.println("source:  " + t.explanation().source());
        out.println("default run length: " + t.defaultSteps() + " steps");
        out.println("params:");
        for (ParamSpec p : t.params()) {
            out.printf("  %-14s = %-12s %s; %s%n", p.name(), p.format(p.defaultValue()), p.description(), p.allowed());
        }
        for (Output.Kind kind : Output.Kind.values()) {
            out.println(kind == Output.Kind.SCALAR ? "scalars (per frame):" : "series (per frame):");
            for (Output o : t.outputs()) {
                if (o.kind() == kind) {
                    out.printf("  %-22s %s%s%n", o.name(), o.meaning(), o.unit().isEmpty() ? "" : " [" + o.unit() + "]");
                }
            }
        }
        return OK;
    }

    private int runExperiment(List<String> args) throws IOException {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new UsageException("run needs an experiment id");
        }
        ExperimentDef type = type(args.get(0));
        long seed = 0;
        long steps = type.defaultSteps();
        long every = 1;
        String format = "csv";
        String outFile = null;
        Map<String, String> sets = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String flag = args.get(i);
            if (!RUN_OPTIONS.contains(flag)) {
                throw new UsageException("unknown option '" + flag + "'"); // before "needs a value": say what is wrong
            }
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null) {
                throw new UsageException(flag + " needs a value");
            }
            i++;
            switch (flag) {
                case "--seed" -> seed = parseLong(flag, value, Long.MIN_VALUE);
                case "--steps" -> steps = parseLong(flag, value, 0);
                case "--every" -> every = parseLong(flag, value, 1);
                case "--format" -> {
                    if (!value.equals("csv") && !value.equals("jsonl")) {
                        throw new UsageException("--format: '" + value + "' is not csv or jsonl");
                    }
                    format = value;
                }
                case "--out" -> outFile = value;
                case "--set" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--set: '" + value + "' is not name=value");
                    }
                    sets.put(value.substring(0, eq).trim(), value.substring(eq + 1));
                }
                default -> throw new UsageException("unknown option '" + flag + "'");
            }
        }
        Params params = type.defaults().withAll(sets);
        Experiment experiment = type.create(params, seed);
        if (outFile == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            int status = record(experiment, steps, every, new FrameWriter(w, format));
            w.flush();
            return status;
        }
        int[] status = new int[1];
        String fmt = format;
        long n = steps;
        long k = every;
        AtomicFiles.write(Path.of(outFile), stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            status[0] = record(experiment, n, k, new FrameWriter(w, fmt));
            w.flush();
        });
        return status[0];
    }

    private int record(Experiment experiment, long steps, long every, FrameWriter writer) throws IOException {
        writer.write(experiment.frame());
        for (long s = 1; s <= steps; s++) {
            Frame f;
            try {
                f = experiment.step();
            } catch (DivergedException e) {
                err.println("trainscope: diverged at step " + s + ": " + e.getMessage());
                return DIVERGED;
            } catch (EndOfRunException e) {
                err.println("trainscope: the run ends at step " + (s - 1) + ": " + e.getMessage());
                return OK;
            }
            if (s % every == 0) {
                writer.write(f);
            }
        }
        return OK;
    }

    private ExperimentDef type(String id) {
        return registry.find(id).orElseThrow(() -> new UsageException("unknown experiment '" + id + "'; known: "
                + String.join(", ", registry.types().stream().map(ExperimentDef::id).toList())));
    }

    private static long parseLong(String flag, String value, long min) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < min) {
                throw new UsageException(flag + ": " + value + " must be at least " + min);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + ": '" + value + "' is not a whole number");
        }
    }

    /** A command line that cannot be carried out; the message names the problem. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
