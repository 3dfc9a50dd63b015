package org.trainscope.engine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.trainscope.engine.Experiments;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Failures;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;
import org.trainscope.engine.experiment.ParamException;
import org.trainscope.engine.experiment.ParamSpec;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Registry;
import org.trainscope.engine.session.AtomicFiles;
import org.trainscope.engine.session.FrameWriter;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trainscope list | describe <id> | run <id> [options] | bench [<id>…] | completion}, on picocli: {@code --help}
 * on every command, {@code --version}, "did you mean" for misspelled commands, options, experiment ids and param
 * names, and a generated bash completion script. Exit status: 0 success, 2 bad usage (one line on stderr naming
 * the problem), 3 the run diverged (frames before it were written), 1 an I/O failure.
 */
@Command(name = "trainscope", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        synopsisSubcommandLabel = "COMMAND", subcommands = CommandLine.HelpCommand.class,
        description = "Trainscope's engine without a window: list, describe and run the experiments, time them.",
        footer = {"", "Exit status: 0 success, 1 I/O failure, 2 bad usage, 3 the run diverged.",
                "Bash completion: source <(trainscope completion)"})
public final class Cli implements Runnable {
    static final int OK = 0;
    static final int IO_ERROR = 1;
    static final int USAGE = 2;
    static final int DIVERGED = 3;

    private final Registry registry;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

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

    /** Runs one command line and returns its exit status. */
    int run(String[] args) {
        CommandLine cl = new CommandLine(this);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((e, a) -> usage(e));
        cl.setExecutionExceptionHandler((e, line, parsed) -> failed(e));
        try {
            int status = cl.execute(args);
            cl.getOut().flush();
            return status;
        } catch (LinkageError e) {                       // a native library that would not load
            err.println("trainscope: " + Failures.message(e));
            return IO_ERROR;
        }
    }

    /** No command: the usage, and status 2. */
    @Override
    public void run() {
        throw new UsageException("no command given; usage: trainscope [list | describe | run | bench | completion]"
                + " (trainscope --help says more)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The experiments: id and title.")
    int list() {
        for (ExperimentDef t : registry.types()) {
            out.printf("%-22s %s%n", t.id(), t.title());
        }
        return OK;
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "An experiment's explanation, params (defaults, allowed values) and outputs.")
    int describe(@Parameters(paramLabel = "<experiment id>", completionCandidates = Ids.class,
            description = "one of: ${COMPLETION-CANDIDATES}") String id) {
        ExperimentDef t = type(id);
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
                    out.printf("  %-22s %s%s%s%n", o.name(), o.meaning(), o.unit().isEmpty() ? "" : " [" + o.unit() + "]",
                            o.onlyWhen().isEmpty() ? "" : " (only with " + o.onlyWhen() + ")");
                }
            }
        }
        return OK;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Frame 0, then every K-th step, as CSV (a header, then one row per frame) or JSON lines.")
    int runExperiment(
            @Parameters(paramLabel = "<experiment id>", completionCandidates = Ids.class,
                    description = "one of: ${COMPLETION-CANDIDATES}") String id,
            @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "random seed (default 0)")
            long seed,
            @Option(names = "--steps", paramLabel = "N", description = "steps to take (default: the experiment's run length)")
            Long steps,
            @Option(names = "--every", paramLabel = "K", defaultValue = "1", description = "write every K-th step (default 1)")
            long every,
            @Option(names = "--set", paramLabel = "name=value", description = "a param (repeatable); see describe")
            List<String> sets,
            @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv",
                    completionCandidates = Formats.class, description = "csv (default) or jsonl") String format,
            @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (atomically) instead of stdout")
            Path outFile) throws IOException {
        ExperimentDef type = type(id);
        long n = steps == null ? type.defaultSteps() : steps;
        atLeast("--steps", n, 0);
        atLeast("--every", every, 1);
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new UsageException("--format: '" + format + "' is not csv or jsonl");
        }
        Params params = type.defaults().withAll(settings(type, sets == null ? List.of() : sets));
        Experiment experiment = type.create(params, seed);
        if (outFile == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            int status = record(experiment, n, every, new FrameWriter(w, format));
            w.flush();
            return status;
        }
        int[] status = new int[1];
        AtomicFiles.write(outFile, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            status[0] = record(experiment, n, every, new FrameWriter(w, format));
            w.flush();
        });
        return status[0];
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Engine speed at the defaults and on the peers' workloads, with ratios to the peers measured"
                    + " on this machine (a benchmark, not a test).")
    int bench(@Parameters(paramLabel = "<experiment id>", arity = "0..*", completionCandidates = Ids.class,
                      description = "experiments to time (default: all)") List<String> ids,
              @Option(names = "--peers", paramLabel = "DIR",
                      description = "the peers' results (default ../shared/peers/results)") Path peers) {
        List<ExperimentDef> types = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            types.add(type(id));
        }
        return new Bench(registry, out).run(types, peers == null ? Path.of("..", "shared", "peers", "results") : peers);
    }

    @Command(name = "completion", mixinStandardHelpOptions = true,
            description = "Prints a bash completion script for trainscope: source <(trainscope completion)")
    int completion() {
        out.print(AutoComplete.bash("trainscope", spec.root().commandLine()));
        return OK;
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

    /** The --set pairs in order; a name the experiment does not have is refused with the names near it. */
    private static Map<String, String> settings(ExperimentDef type, List<String> sets) {
        List<String> names = type.params().stream().map(ParamSpec::name).toList();
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set: '" + s + "' is not name=value");
            }
            String name = s.substring(0, eq).trim();
            if (!names.contains(name)) {
                throw new UsageException("--set: " + type.id() + " has no param '" + name + "'"
                        + Suggest.didYouMean(name, names) + " (its params: " + String.join(", ", names) + ")");
            }
            out.put(name, s.substring(eq + 1));
        }
        return out;
    }

    private ExperimentDef type(String id) {
        List<String> ids = registry.types().stream().map(ExperimentDef::id).toList();
        return registry.find(id).orElseThrow(() -> new UsageException("unknown experiment '" + id + "'"
                + Suggest.didYouMean(id, ids) + " (known: " + String.join(", ", ids) + ")"));
    }

    private static void atLeast(String flag, long value, long min) {
        if (value < min) {
            throw new UsageException(flag + ": " + value + " must be at least " + min);
        }
    }

    /** A bad command line: one line naming the problem (and what was meant, if a known word is near), status 2. */
    private int usage(CommandLine.ParameterException e) {
        String message;
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            CommandSpec where = u.getCommandLine().getCommandSpec();
            boolean command = where == spec && !arg.startsWith("-");
            List<String> words = command ? List.copyOf(spec.subcommands().keySet())
                    : where.options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList();
            message = (command ? "unknown command '" + arg + "'; expected list, describe, run, bench or completion"
                    : arg.startsWith("-") ? "unknown option '" + arg + "'" : "unexpected argument '" + arg + "'")
                    + (arg.startsWith("-") || command ? Suggest.didYouMean(arg, words) : "");
        } else if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
            message = o.longestName() + " needs a value";
        } else {
            message = e.getMessage().replace("Missing required parameter: ", "missing ");
        }
        err.println("trainscope: " + message);
        return USAGE;
    }

    /** What a command threw: a usage or param problem is status 2, an I/O failure 1, each one line on stderr. */
    private int failed(Exception e) throws Exception {
        if (e instanceof UsageException || e instanceof ParamException) {
            err.println("trainscope: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof IOException) {
            err.println("trainscope: " + e.getMessage());
            return IO_ERROR;
        }
        throw e;
    }

    /** The experiment ids, for completion and help. */
    static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Experiments.standard().types().stream().map(ExperimentDef::id).iterator();
        }
    }

    /** The output formats, for completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("csv", "jsonl").iterator();
        }
    }

    /** "trainscope 0.1.0": the version Maven filtered into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"trainscope " + p.getProperty("version", "(unknown version)")};
        }
    }

    /** A command line that cannot be carried out; the message names the problem. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
