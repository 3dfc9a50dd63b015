package org.trainscope.engine.experiment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One declared observable of an experiment's frames: a scalar or a series, what it means and its unit. The engine
 * writes frames and the views read them through these declarations, so a key is spelled in one place only.
 *
 * <p>An <em>indexed</em> output stands for a family of keys: its name holds placeholders in braces, e.g.
 * {@code sv.{r}} for {@code sv.1 … sv.k} or {@code {racer}.loss} for {@code gd.loss, adam.loss}; {@link #of} makes
 * one member's key. A placeholder matches one dot-free name part.
 *
 * @param kind    scalar or series
 * @param name    the key, or the pattern of an indexed family
 * @param meaning one line: what the number is
 * @param unit    its unit, or empty where it has none
 * @param onlyWhen empty if every frame has it; else the params under which frames have it (e.g. "compare = on")
 */
public record Output(Kind kind, String name, String meaning, String unit, String onlyWhen) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    /** A name: text without braces, and placeholders {@code {word}}. */
    private static final Pattern PLACEHOLDERS = Pattern.compile("([^{}]|\\{[a-z_]+})+");

    /** A frame holds scalars (one number) and series (arrays). */
    public enum Kind { SCALAR, SERIES }

    public static Output scalar(String name, String meaning, String unit) {
        return new Output(Kind.SCALAR, name, meaning, unit, "");
    }

    public static Output scalar(String name, String meaning) {
        return scalar(name, meaning, "");
    }

    public static Output series(String name, String meaning, String unit) {
        return new Output(Kind.SERIES, name, meaning, unit, "");
    }

    public static Output series(String name, String meaning) {
        return series(name, meaning, "");
    }

    public Output {
        if (!PLACEHOLDERS.matcher(name).matches()) {
            throw new IllegalArgumentException("output name '" + name + "': placeholders are {lowercase_words}");
        }
    }

    /** This output, present only in the frames of runs with {@code condition} (a mode of the experiment). */
    public Output onlyWhen(String condition) {
        return new Output(kind, name, meaning, unit, condition);
    }

    /** True if the name has placeholders ({@code sv.{r}}). */
    public boolean indexed() {
        return name.indexOf('{') >= 0;
    }

    /** The key of a plain output; an indexed one needs {@link #of}. */
    public String key() {
        if (indexed()) {
            throw new IllegalStateException("output '" + name + "' is indexed: use of(...)");
        }
        return name;
    }

    /**
     * The key of one member of an indexed output: {@code sv.{r}}.of(3) is {@code sv.3}. A plain scan, no regular
     * expression: frames are built and read with it many times per second.
     */
    public String of(Object... index) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        int i = 0;
        int from = 0;
        for (int open = name.indexOf('{'); open >= 0; open = name.indexOf('{', from)) {
            if (i == index.length) {
                throw new IllegalArgumentException("output '" + name + "' needs more than " + i + " index values");
            }
            sb.append(name, from, open).append(index[i++]);
            from = name.indexOf('}', open) + 1;
        }
        if (i != index.length) {
            throw new IllegalArgumentException("output '" + name + "' takes " + i + " index values, not " + index.length);
        }
        return sb.append(name, from, name.length()).toString();
    }

    /** True if {@code key} is this output, or a member of this indexed output. */
    public boolean matches(String key) {
        if (!indexed()) {
            return name.equals(key);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(name);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(name.substring(last, m.start()))).append("[^.]+");
            last = m.end();
        }
        regex.append(Pattern.quote(name.substring(last)));
        return key.matches(regex.toString());
    }
}
