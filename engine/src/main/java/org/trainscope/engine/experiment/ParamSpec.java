package org.trainscope.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed experiment parameter: name, description, default and allowed range. {@link #parse} turns typed text
 * into a value or throws a {@link ParamException} whose message names the parameter and the allowed values.
 */
public sealed interface ParamSpec {
    /** The specs of several lists, in order: an experiment's own params, then a shared set (e.g. the optimizer's). */
    @SafeVarargs
    static List<ParamSpec> join(List<? extends ParamSpec>... lists) {
        List<ParamSpec> out = new java.util.ArrayList<>();
        for (List<? extends ParamSpec> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }

    /**
     * The trimmed items of a comma list: none for blank text, else every one, and an empty item ("4,,2", "4,") is
     * refused, naming the param: it is a typing slip, not a value.
     */
    private static List<String> items(String name, String text, String allowed) {
        if (text.isBlank()) {
            return List.of();
        }
        String[] parts = text.split(",", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new ParamException(name, name + ": item " + (i + 1) + " of '" + text.trim() + "' is empty; expected "
                        + allowed);
            }
            out.add(parts[i].trim());
        }
        return out;
    }

    /** A plain decimal number as people type it: 0.01, -3, 1e-3, .5 (not Java's 1f, 0x1p3, NaN). */
    java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    String name();

    String description();

    Object defaultValue();

    /** Parses and validates typed text. */
    Object parse(String text);

    /** Validates an already typed value (e.g. from a session file) and returns it in canonical form. */
    default Object validate(Object value) {
        return parse(format(value));
    }

    /** Formats a value the way {@link #parse} reads it back. */
    default String format(Object value) {
        return String.valueOf(value);
    }

    /** A human-readable statement of what is allowed, e.g. "a number in [1e-6, 10]". */
    String allowed();

    /** A real number in [min, max]. */
    record Real(String name, String description, Double defaultValue, double min, double max) implements ParamSpec {
        public Real(String name, String description, double defaultValue, double min, double max) {
            this(name, description, Double.valueOf(defaultValue), min, max);
        }

        public Real {
            if (!(min <= defaultValue && defaultValue <= max)) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
            }
        }

        @Override
        public Double parse(String text) {
            if (!DECIMAL.matcher(text.trim()).matches()) {
                throw new ParamException(name, name + ": '" + text.trim() + "' is not a number; expected " + allowed());
            }
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v) || v < min || v > max) {
                throw new ParamException(name, name + ": " + text.trim() + " is out of range; expected " + allowed());
            }
            return v;
        }

        @Override
        public String format(Object value) {
            double v = ((Number) value).doubleValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }

        @Override
        public String allowed() {
            return "a number in [" + format(min) + ", " + format(max) + "]";
        }
    }

    /** A whole number in [min, max]. */
    record Int(String name, String description, Integer defaultValue, int min, int max) implements ParamSpec {
        public Int {
            if (defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
            }
        }

        @Override
        public Integer parse(String text) {
            long v;
            try {
                if (!text.trim().matches("[+-]?[0-9]+")) {   // Long.parseLong also reads other scripts' digits
                    throw new NumberFormatException(text);
                }
                v = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new ParamException(name, name + ": '" + text.trim() + "' is not a whole number; expected " + allowed());
            }
            if (v < min || v > max) {
                throw new ParamException(name, name + ": " + text.trim() + " is out of range; expected " + allowed());
            }
            return (int) v;
        }

        @Override
        public String allowed() {
            return "a whole number in [" + min + ", " + max + "]";
        }
    }

    /** One of a fixed set of names. */
    record Choice(String name, String description, String defaultValue, List<String> options) implements ParamSpec {
        public Choice {
            options = List.copyOf(options);
            if (!options.contains(defaultValue)) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " not among " + options);
            }
        }

        @Override
        public String parse(String text) {
            String v = text.trim().toLowerCase(Locale.ROOT);
            if (!options.contains(v)) {
                throw new ParamException(name, name + ": '" + text.trim() + "' is not allowed; expected " + allowed());
            }
            return v;
        }

        @Override
        public String allowed() {
            return "one of " + String.join(", ", options);
        }
    }

    /**
     * A path to a file the user has (e.g. an MNIST IDX file): empty for none, otherwise an existing, readable
     * regular file. What is inside is checked by whoever reads it.
     */
    record FilePath(String name, String description, String defaultValue) implements ParamSpec {
        @Override
        public String parse(String text) {
            String v = text.trim();
            if (v.isEmpty()) {
                return v;
            }
            java.nio.file.Path p;
            try {
                p = java.nio.file.Path.of(v);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ParamException(name, name + ": '" + v + "' is not a file path");
            }
            if (!java.nio.file.Files.isRegularFile(p) || !java.nio.file.Files.isReadable(p)) {
                throw new ParamException(name, name + ": no readable file at '" + v + "'");
            }
            return v;
        }

        @Override
        public String allowed() {
            return "the path of a readable file (empty: none)";
        }
    }

    /**
     * A comma-separated list of up to {@code maxCount} numbers, each in [min, max] (whole numbers if {@code whole}),
     * possibly empty: a net's hidden widths {@code 4,2}, or the coordinates of points drawn by hand.
     */
    record Numbers(String name, String description, List<Double> defaultValue, double min, double max, boolean whole,
                   int maxCount) implements ParamSpec {
        public Numbers {
            defaultValue = List.copyOf(defaultValue);
            if (defaultValue.size() > maxCount || defaultValue.stream().anyMatch(v -> v < min || v > max
                    || (whole && v != Math.rint(v)))) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " not allowed");
            }
        }

        @Override
        public List<Double> parse(String text) {
            List<Double> out = new ArrayList<>();
            for (String v : items(name, text, allowed())) {
                if (!DECIMAL.matcher(v).matches() || (whole && !v.matches("[+-]?\\d+"))) {
                    throw new ParamException(name, name + ": '" + v + "' is not " + (whole ? "a whole number" : "a number")
                            + "; expected " + allowed());
                }
                double d = Double.parseDouble(v);
                if (d < min || d > max) {
                    throw new ParamException(name, name + ": " + v + " is out of range; expected " + allowed());
                }
                out.add(d);
            }
            if (out.size() > maxCount) {
                throw new ParamException(name, name + ": " + out.size() + " values are too many; expected " + allowed());
            }
            return List.copyOf(out);
        }

        @Override
        public String format(Object value) {
            if (!(value instanceof List<?> list)) {
                return String.valueOf(value);
            }
            Real number = new Real(name, description, min, min, max);
            return String.join(",", list.stream().map(number::format).toList());
        }

        @Override
        public String allowed() {
            Real number = new Real(name, description, min, min, max);
            return "a comma list (possibly empty) of at most " + maxCount + (whole ? " whole numbers" : " numbers")
                    + " in [" + number.format(min) + ", " + number.format(max) + "]";
        }
    }

    /**
     * Free text that a checker accepts, e.g. a formula: {@code check} returns the canonical text or throws an
     * IllegalArgumentException whose message says what is wrong and where.
     *
     * @param allowed what is allowed, in words, for messages and the sheet
     */
    record Text(String name, String description, String defaultValue, String allowed,
                java.util.function.UnaryOperator<String> check) implements ParamSpec {
        @Override
        public String parse(String text) {
            try {
                return check.apply(text.trim());
            } catch (ParamException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ParamException(name, name + ": " + e.getMessage() + "; expected " + allowed);
            }
        }
    }

    /** A non-empty comma-separated list of distinct names from a fixed set, e.g. {@code gd,momentum,adam}. */
    record Subset(String name, String description, List<String> defaultValue, List<String> options) implements ParamSpec {
        public Subset {
            defaultValue = List.copyOf(defaultValue);
            options = List.copyOf(options);
            if (defaultValue.isEmpty() || !options.containsAll(defaultValue)) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " not a subset of " + options);
            }
        }

        @Override
        public List<String> parse(String text) {
            List<String> out = new ArrayList<>();
            for (String part : items(name, text, allowed())) {
                String v = part.toLowerCase(Locale.ROOT);
                if (!options.contains(v)) {
                    throw new ParamException(name, name + ": '" + part + "' is not allowed; expected " + allowed());
                }
                if (out.contains(v)) {
                    throw new ParamException(name, name + ": '" + v + "' is listed twice");
                }
                out.add(v);
            }
            if (out.isEmpty()) {
                throw new ParamException(name, name + ": the list is empty; expected " + allowed());
            }
            return List.copyOf(out);
        }

        @Override
        public String format(Object value) {
            return value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
        }

        @Override
        public String allowed() {
            return "a comma list of " + String.join(", ", options);
        }
    }
}
