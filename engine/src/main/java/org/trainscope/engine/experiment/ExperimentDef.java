package org.trainscope.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The definition of an experiment: everything a user picks from a list, a CLI describes, a view reads and a session
 * names. A new experiment is its {@code *Experiment} class holding {@code TYPE = new ExperimentDef(...)}, plus one line
 * in {@link org.trainscope.engine.Experiments}.
 *
 * @param id           stable identifier used by the CLI, the registry and saved files, e.g. {@code landscape}
 * @param title        short human title
 * @param explanation  what you are seeing, the formula, and the slide or paper it comes from
 * @param params       every param with its default and range
 * @param outputs      every scalar and series of its frames (a test checks each frame against them)
 * @param defaultSteps steps that tell the whole story at the defaults
 * @param factory      creates the experiment in its initial state (step 0)
 */
public record ExperimentDef(String id, String title, Explanation explanation, List<ParamSpec> params,
                            List<Output> outputs, int defaultSteps, Factory factory) {

    /** Creates a running experiment from validated params and a seed. */
    @FunctionalInterface
    public interface Factory {
        /** @throws ParamException if a combination of values is not allowed (message names the params) */
        Experiment create(Params params, long seed);
    }

    /**
     * What the explanation panel shows: the text, the formula as plain text, the source, and optionally the formula
     * as LaTeX {@code equations} with live numbers: {@code \val{key}} stands for the frame's scalar or series
     * {@code key} ({@code \val{key[i]}} for one entry of a series), filled in by {@link #equations(Frame)} from the
     * frame shown. An explanation without equations shows its plain formula, as before.
     */
    public record Explanation(String whatYouSee, String formula, String source, List<String> equations) {
        private static final java.util.regex.Pattern VALUE =
                java.util.regex.Pattern.compile("\\\\val\\{((?:[A-Za-z0-9_.]|\\{[a-z_]+})+)(?:\\[(\\d+)])?}");
        /** {@code \member{racer}}: the name of the member a placeholder is bound to. */
        private static final java.util.regex.Pattern MEMBER = java.util.regex.Pattern.compile("\\\\member\\{([a-z_]+)}");
        private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([a-z_]+)}");
        /** A series longer than this is shown by its first entries and an ellipsis. */
        private static final int SHOWN_ENTRIES = 6;

        public Explanation {
            equations = List.copyOf(equations);
        }

        /** An explanation without LaTeX equations. */
        public Explanation(String whatYouSee, String formula, String source) {
            this(whatYouSee, formula, source, List.of());
        }

        /** This explanation with its formula also written as LaTeX equations (with {@code \val{key}} live numbers). */
        public Explanation withEquations(String... tex) {
            return new Explanation(whatYouSee, formula, source, List.of(tex));
        }

        /** The equations with the numbers of {@code frame} in place of {@code \val{…}}; without a frame, "?". */
        public List<String> equations(Frame frame) {
            return equations(frame, java.util.Map.of());
        }

        /**
         * As {@link #equations(Frame)}, with each placeholder named in {@code members} bound to that member (e.g.
         * racer → adam, the racer the user selected) when the frame holds it; else to the first, as always.
         */
        public List<String> equations(Frame frame, java.util.Map<String, String> members) {
            return equations.stream().map(tex -> fill(tex, frame, members)).toList();
        }

        /**
         * For each equation, whether the frame holds at least one of its values (or it has none to show): an equation
         * whose every value is absent from the frame (e.g. written for a mode the run is not in) is not shown, rather
         * than shown as dashes. Without a frame, all are.
         */
        public List<Boolean> observed(Frame frame, java.util.Map<String, String> members) {
            return equations.stream().map(tex -> {
                if (frame == null) {
                    return true;
                }
                java.util.regex.Matcher m = VALUE.matcher(bind(tex, frame, members));
                boolean any = false;
                while (m.find()) {
                    any = true;
                    if (frame.hasScalar(m.group(1)) || frame.hasSeries(m.group(1))) {
                        return true;
                    }
                }
                return !any;
            }).toList();
        }

        /**
         * {@code tex} with each {@code \val{key}} replaced by the frame's value as LaTeX: a scalar to three
         * significant digits (1.23\times10^{-5}), a series as [a,\ b,\ …], a value the frame lacks or has not
         * computed (NaN, or a series of NaN) as a dash.
         */
        public static String fill(String tex, Frame frame) {
            return fill(tex, frame, java.util.Map.of());
        }

        /** As {@link #fill(String, Frame)}, binding the placeholders named in {@code members} to those members. */
        public static String fill(String tex, Frame frame, java.util.Map<String, String> members) {
            java.util.regex.Matcher m = VALUE.matcher(bind(tex, frame, members));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String value;
                if (frame == null) {
                    value = "?";
                } else if (m.group(2) != null) {
                    double[] s = frame.hasSeries(key) ? frame.series(key) : new double[0];
                    int i = Integer.parseInt(m.group(2));
                    value = i < s.length ? number(s[i]) : DASH;
                } else if (frame.hasScalar(key)) {
                    value = number(frame.scalar(key));
                } else if (frame.hasSeries(key)) {
                    value = vector(frame.series(key));
                } else {
                    value = DASH;
                }
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private static final String DASH = "\\text{--}";

        /**
         * Binds each placeholder of an indexed key, {@code \val{{racer}.loss}}, to the first member the frame holds
         * (the first racer of the run) or to the one {@code members} names if the frame holds it, in every key that
         * uses it and in {@code \member{racer}} (its name). Without a frame or a member, the placeholder stays and
         * its values show as dashes.
         */
        private static String bind(String tex, Frame frame, java.util.Map<String, String> members) {
            java.util.Map<String, String> bound = new java.util.LinkedHashMap<>();
            java.util.regex.Matcher m = VALUE.matcher(tex);
            while (m.find() && frame != null) {
                java.util.regex.Matcher p = PLACEHOLDER.matcher(m.group(1));
                if (!p.find() || bound.containsKey(p.group(1))) {
                    continue;
                }
                String wanted = members.get(p.group(1));
                String chosen = wanted == null ? null
                        : m.group(1).substring(0, p.start()) + wanted + m.group(1).substring(p.end());
                if (chosen != null && (frame.hasScalar(chosen) || frame.hasSeries(chosen))) {
                    bound.put(p.group(1), wanted);
                    continue;
                }
                java.util.regex.Pattern key = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                        m.group(1).substring(0, p.start())) + "([^.]+)" + java.util.regex.Pattern.quote(m.group(1).substring(p.end())));
                List<String> keys = new ArrayList<>(frame.scalarNames());
                keys.addAll(frame.seriesNames());
                for (String k : keys) {
                    java.util.regex.Matcher km = key.matcher(k);
                    if (km.matches()) {
                        bound.put(p.group(1), km.group(1));
                        break;
                    }
                }
            }
            String out = tex;
            for (java.util.Map.Entry<String, String> b : bound.entrySet()) {
                out = out.replace("{" + b.getKey() + "}", b.getValue())
                        .replace("\\member" + b.getValue(), "\\text{" + b.getValue() + "}");
            }
            return MEMBER.matcher(out).replaceAll(java.util.regex.Matcher.quoteReplacement(DASH));
        }

        /** A number as LaTeX: a whole number as it is, else three significant digits, a power of ten outside [10⁻³, 10⁴). */
        public static String number(double v) {
            if (Double.isNaN(v)) {
                return DASH;
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "\\infty" : "-\\infty";
            }
            double a = Math.abs(v);
            if (v == Math.rint(v) && a < 1e6) {
                return String.valueOf((long) v);                           // a count: k = 8192
            }
            if (a != 0 && (a < 1e-3 || a >= 1e4)) {
                String[] parts = String.format(java.util.Locale.ROOT, "%.2e", v).split("e");
                return parts[0] + "\\times10^{" + Integer.parseInt(parts[1]) + "}";
            }
            if (a >= 100) {
                return String.format(java.util.Locale.ROOT, "%.0f", v);    // %g would switch to 1.23e+03 here
            }
            return String.format(java.util.Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }

        private static String vector(double[] s) {
            if (java.util.Arrays.stream(s).allMatch(Double::isNaN)) {
                return DASH;                                                // not computed yet, as a whole
            }
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < Math.min(s.length, SHOWN_ENTRIES); i++) {
                b.append(i == 0 ? "" : ",\\ ").append(number(s[i]));
            }
            return b.append(s.length > SHOWN_ENTRIES ? ",\\ \\ldots]" : "]").toString();
        }
    }

    public ExperimentDef {
        Objects.requireNonNull(id);
        Objects.requireNonNull(factory);
        params = List.copyOf(params);
        outputs = List.copyOf(outputs);
        if (defaultSteps < 1) {
            throw new IllegalArgumentException(id + ": defaultSteps must be ≥ 1");
        }
        List<String> names = new ArrayList<>();
        for (Output o : outputs) {
            String name = o.kind() + " " + o.name();   // a scalar and a series may share a name (scalar and series "observed")
            if (names.contains(name)) {
                throw new IllegalArgumentException(id + ": output '" + o.name() + "' declared twice");
            }
            names.add(name);
        }
    }

    /**
     * Creates the experiment in its initial state (step 0).
     *
     * @throws ParamException if a combination of values is not allowed (message names the param)
     */
    public Experiment create(Params params, long seed) {
        return factory.create(params, seed);
    }

    /** The default params. */
    public Params defaults() {
        return Params.defaults(params);
    }

    /** The declared output a frame key belongs to, or null if none declares it. */
    public Output outputFor(String key, Output.Kind kind) {
        for (Output o : outputs) {
            if (o.kind() == kind && o.matches(key)) {
                return o;
            }
        }
        return null;
    }

    /**
     * What is wrong with a frame against the declared outputs: keys no output declares, and outputs the frame lacks
     * (an indexed output needs at least one member). Empty if the frame is exactly as declared.
     */
    public List<String> mismatches(Frame frame) {
        List<String> out = new ArrayList<>();
        for (String k : frame.scalarNames()) {
            if (outputFor(k, Output.Kind.SCALAR) == null) {
                out.add("undeclared scalar '" + k + "'");
            }
        }
        for (String k : frame.seriesNames()) {
            if (outputFor(k, Output.Kind.SERIES) == null) {
                out.add("undeclared series '" + k + "'");
            }
        }
        for (Output o : outputs) {
            if (!o.onlyWhen().isEmpty()) {
                continue; // a mode's output: present or not, by the run's params
            }
            List<String> keys = o.kind() == Output.Kind.SCALAR ? frame.scalarNames() : frame.seriesNames();
            if (keys.stream().noneMatch(o::matches)) {
                out.add("missing " + o.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + o.name() + "'");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return id;
    }
}
