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

        public Snapshot build() {
            return new Snapshot(Collections.unmodifiableMap(new LinkedHashMap<>(arrays)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(longs)));
        }
    }
}
