package org.trainscope.engine.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, validated assignment of values to an experiment's {@link ParamSpec}s. Every spec has a value
 * (its default unless set); setting an unknown name or an invalid value throws {@link ParamException}.
 */
public final class Params {
    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private Params(List<ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The defaults of every spec. */
    public static Params defaults(List<ParamSpec> specs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            values.put(s.name(), s.defaultValue());
        }
        return new Params(List.copyOf(specs), values);
    }

    public List<ParamSpec> specs() {
        return specs;
    }

    public ParamSpec spec(String name) {
        for (ParamSpec s : specs) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new ParamException(name, "unknown parameter '" + name + "'; known: "
                + String.join(", ", specs.stream().map(ParamSpec::name).toList()));
    }

    /** A copy with {@code name} set from typed text; throws {@link ParamException} naming the parameter. */
    public Params with(String name, String text) {
        return withValue(name, spec(name).parse(text));
    }

    /** A copy with {@code name} set to a typed value, validated by its spec. */
    public Params withValue(String name, Object value) {
        Object checked = spec(name).validate(value);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, checked);
        return new Params(specs, copy);
    }

    /** Applies {@code name=value} assignments in order. */
    public Params withAll(Map<String, String> assignments) {
        Params p = this;
        for (Map.Entry<String, String> e : assignments.entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return p;
    }

    public Object get(String name) {
        spec(name);
        return values.get(name);
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public String choice(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> subset(String name) {
        return (List<String>) get(name);
    }

    /** The value formatted as its spec parses it. */
    public String text(String name) {
        return spec(name).format(get(name));
    }

    /** Every value as text, in spec order. */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            out.put(s.name(), s.format(values.get(s.name())));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
