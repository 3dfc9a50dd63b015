package org.trainscope.engine.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complete state of an experiment at one step — weights, optimizer state, RNG state — as named arrays and
 * named whole numbers. Immutable: arrays are copied in and out. {@link Experiment#restore} brings an experiment
 * (created with the same params) back to exactly this state.
 */
public final class Snapshot {
    private final Map<String, double[]> arrays;
    private final Map<String, Long> longs;

    private Snapshot(Map<String, double[]> arrays, Map<String, Long> longs) {
        this.arrays = arrays;
        this.longs = longs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public double[] array(String name) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalStateException("snapshot has no array '" + name + "'");
        }
        return a.clone();
    }

    /** The array, or null if the snapshot does not hold it (e.g. optimizer state not yet allocated). */
    public double[] arrayOrNull(String name) {
        double[] a = arrays.get(name);
        return a == null ? null : a.clone();
    }

    public long longValue(String name) {
        Long v = longs.get(name);
        if (v == null) {
            throw new IllegalStateException("snapshot has no value '" + name + "'");
        }
        return v;
    }

    public Map<String, Long> longs() {
        return longs;
    }

    /**
     * The part of this snapshot that {@link Builder#put} stored under {@code prefix}, with the prefix taken off:
     * what a component saved of itself, handed back to it.
     */
    public Snapshot under(String prefix) {
        String p = prefix + ".";
        Map<String, double[]> a = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(p)) {
                a.put(k.substring(p.length()), v);
            }
        });
        Map<String, Long> l = new LinkedHashMap<>();
        longs.forEach((k, v) -> {
            if (k.startsWith(p)) {
                l.put(k.substring(p.length()), v);
            }
        });
        return new Snapshot(Collections.unmodifiableMap(a), Collections.unmodifiableMap(l));
    }

    /** Names of the arrays, in insertion order. */
    public java.util.Set<String> arrayNames() {
        return arrays.keySet();
    }

    /** Builds a snapshot; names must be unique. */
    public static final class Builder {
        private final Map<String, double[]> arrays = new LinkedHashMap<>();
        private final Map<String, Long> longs = new LinkedHashMap<>();

        public Builder array(String name, double[] data) {
            if (data != null && arrays.put(name, data.clone()) != null) {
                throw new IllegalArgumentException("array '" + name + "' set twice");
            }
            return this;
        }

        public Builder longValue(String name, long value) {
            if (longs.put(name, value) != null) {
                throw new IllegalArgumentException("value '" + name + "' set twice");
            }
            return this;
        }

        /** Every array and value of {@code part} under {@code prefix + "."}; {@link Snapshot#under} reads it back. */
        public Builder put(String prefix, Snapshot part) {
            part.arrays.forEach((k, v) -> array(prefix + "." + k, v));
            part.longs.forEach((k, v) -> longValue(prefix + "." + k, v));
            return this;
        }

        public Snapshot build() {
            return new Snapshot(Collections.unmodifiableMap(new LinkedHashMap<>(arrays)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(longs)));
        }
    }
}
