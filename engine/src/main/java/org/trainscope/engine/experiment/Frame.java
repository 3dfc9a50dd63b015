package org.trainscope.engine.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of an experiment's observables after {@code step} steps: named scalars and named series
 * (double arrays). Arrays are copied in and out, so a frame can be handed to any thread.
 */
public final class Frame {
    private final long step;
    private final String[] names;
    private final double[] values;
    private final Map<String, double[]> series;
    private final long bytes;

    private Frame(long step, String[] names, double[] values, Map<String, double[]> series) {
        this.step = step;
        this.names = names;
        this.values = values;
        this.series = series;
        this.bytes = footprint(names, values, series);
    }

    /**
     * An upper bound of the heap this frame holds, in bytes, on a 64-bit JVM with compressed references: the object,
     * its arrays (16-byte headers), each name as its own String of two bytes per char (names are not assumed
     * shared), the map with one 48-byte entry per series, each array rounded up to 8 bytes.
     */
    public long bytes() {
        return bytes;
    }

    private static long footprint(String[] names, double[] values, Map<String, double[]> series) {
        long b = 32 + array(4L * names.length) + array(8L * values.length);   // the frame, names[], values[]
        for (String n : names) {
            b += string(n);
        }
        b += 16 + 64 + array(4L * Math.max(16, 2 * series.size()));          // unmodifiable map, LinkedHashMap, table
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            b += 48 + string(e.getKey()) + array(8L * e.getValue().length);
        }
        return b;
    }

    private static long string(String s) {
        return 24 + array(2L * s.length());
    }

    private static long array(long payload) {
        return 16 + (payload + 7) / 8 * 8;
    }

    public static Builder builder(long step) {
        return new Builder(step);
    }

    /** The same observables at another step (a copy: for tests and tools that need many frames of one shape). */
    public Frame atStep(long newStep) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, v.clone()));
        return new Frame(newStep, names.clone(), values.clone(), Collections.unmodifiableMap(copy));
    }

    /** The number of steps taken before this frame (frame 0 is the initial state). */
    public long step() {
        return step;
    }

    /** Scalar names in the order the experiment emitted them. */
    public List<String> scalarNames() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    public boolean hasScalar(String name) {
        return indexOf(name) >= 0;
    }

    /** The scalar's value; throws if the frame has no such scalar. */
    public double scalar(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("frame has no scalar '" + name + "'");
        }
        return values[i];
    }

    /** The declared scalar's value; throws if the frame lacks it. */
    public double scalar(Output output) {
        return scalar(output.key());
    }

    /** The declared series (a copy); throws if the frame lacks it. */
    public double[] series(Output output) {
        return series(output.key());
    }

    /** True if the frame holds this plain declared output. */
    public boolean has(Output output) {
        return output.kind() == Output.Kind.SCALAR ? hasScalar(output.key()) : hasSeries(output.key());
    }

    /** The scalar's value, or {@code fallback} if absent. */
    public double scalar(String name, double fallback) {
        int i = indexOf(name);
        return i < 0 ? fallback : values[i];
    }

    /** All scalars, in emission order. */
    public Map<String, Double> scalars() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    public List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    /** A copy of the named series; throws if absent. */
    public double[] series(String name) {
        double[] s = series.get(name);
        if (s == null) {
            throw new IllegalArgumentException("frame has no series '" + name + "'");
        }
        return s.clone();
    }

    public boolean hasSeries(String name) {
        return series.containsKey(name);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Frame f) || f.step != step || !Arrays.equals(f.names, names)
                || !Arrays.equals(f.values, values) || !f.series.keySet().equals(series.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (!Arrays.equals(e.getValue(), f.series.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(step) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Frame{step=" + step + ", " + scalars() + ", series=" + series.keySet() + "}";
    }

    /** Collects scalars and series in order; {@link #build()} freezes them. */
    public static final class Builder {
        private final long step;
        private final List<String> names = new ArrayList<>();
        private double[] values = new double[16];
        private final Map<String, double[]> series = new LinkedHashMap<>();

        private Builder(long step) {
            this.step = step;
        }

        public Builder scalar(String name, double value) {
            if (names.contains(name)) {
                throw new IllegalArgumentException("scalar '" + name + "' set twice");
            }
            if (names.size() == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[names.size()] = value;
            names.add(name);
            return this;
        }

        /** Sets a declared plain scalar. */
        public Builder scalar(Output output, double value) {
            return scalar(output.key(), value);
        }

        /** Sets a declared plain series. */
        public Builder series(Output output, double[] data) {
            return series(output.key(), data);
        }

        public Builder series(String name, double[] data) {
            if (series.put(name, data.clone()) != null) {
                throw new IllegalArgumentException("series '" + name + "' set twice");
            }
            return this;
        }

        public Frame build() {
            return new Frame(step, names.toArray(new String[0]), Arrays.copyOf(values, names.size()),
                    Collections.unmodifiableMap(new LinkedHashMap<>(series)));
        }
    }
}
