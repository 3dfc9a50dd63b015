package org.trainscope.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Snapshot;

/**
 * A run as a recipe: an experiment type, a seed, and a lineage of segments — the first starts at step 0 with its
 * params; each later one is a fork that takes over the exact state at its step and goes on with its own params.
 * Replaying the recipe gives the original frames bit for bit.
 *
 * @param type     the experiment
 * @param seed     its seed
 * @param segments at least one; strictly increasing start steps, the first at 0
 * @param steps    how many steps the run had when it was saved
 */
public record Session(ExperimentDef type, long seed, List<Segment> segments, long steps) {

    /** Params in force from step {@code fromStep} on. */
    public record Segment(long fromStep, Params params) {
    }

    public Session {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.get(0).fromStep() != 0) {
            throw new IllegalArgumentException("a session starts with a segment at step 0");
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).fromStep() <= segments.get(i - 1).fromStep()) {
                throw new IllegalArgumentException("fork steps must increase");
            }
        }
        if (steps < segments.get(segments.size() - 1).fromStep()) {
            throw new IllegalArgumentException("the run ends before its last fork");
        }
    }

    /** A plain run of one set of params. */
    public static Session of(ExperimentDef type, Params params, long seed, long steps) {
        return new Session(type, seed, List.of(new Segment(0, params)), steps);
    }

    /** The params of the newest segment. */
    public Params params() {
        return segments.get(segments.size() - 1).params();
    }

    /**
     * This session forked at {@code step} with {@code params} (the run then ends at that step); later segments are
     * dropped, and a fork that changes nothing adds no segment.
     */
    public Session fork(long step, Params params) {
        List<Segment> kept = new ArrayList<>();
        for (Segment s : segments) {
            if (s.fromStep() < step) {
                kept.add(s);
            }
        }
        if (step == 0) {
            kept.clear();
        }
        if (kept.isEmpty() || !kept.get(kept.size() - 1).params().equals(params)) {
            kept.add(new Segment(step, params)); // a fork that changes nothing needs no segment of its own
        }
        return new Session(type, seed, kept, step);
    }

    /** Receives the frames of a replay; return false to cancel. */
    @FunctionalInterface
    public interface FrameSink {
        boolean accept(Frame frame);
    }

    /**
     * Replays the recipe up to {@code steps}, handing every frame (step 0 first) to {@code sink}.
     *
     * @return the experiment in its final state (to go on from), or null if the sink cancelled
     * @throws DivergedException if the run diverges (frames before it were handed over)
     * @throws org.trainscope.engine.experiment.ParamException if a fork's params cannot take over the state
     */
    public Experiment replay(FrameSink sink) {
        Experiment e = type.create(segments.get(0).params(), seed);
        if (!sink.accept(e.frame())) {
            return null;
        }
        for (int i = 0; i < segments.size(); i++) {
            long until = i + 1 < segments.size() ? segments.get(i + 1).fromStep() : steps;
            while (e.stepCount() < until) {
                if (!sink.accept(e.step())) {
                    return null;
                }
            }
            if (i + 1 < segments.size()) {
                e = takeOver(e, segments.get(i + 1).params());
            }
        }
        return e;
    }

    /** A new experiment with {@code params} in exactly the state of {@code from}. */
    public static Experiment takeOver(Experiment from, Params params) {
        Snapshot state = from.snapshot();
        Experiment next = from.type().create(params, from.seed());
        try {
            next.restore(state);
        } catch (RuntimeException e) {
            throw new org.trainscope.engine.experiment.ParamException(changed(from.params(), params),
                    "cannot fork with these changes (" + changed(from.params(), params)
                            + "): the run's state does not fit them; start a new run instead");
        }
        return next;
    }

    private static String changed(Params a, Params b) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> e : b.asText().entrySet()) {
            if (!e.getValue().equals(a.asText().get(e.getKey()))) {
                names.add(e.getKey());
            }
        }
        return names.isEmpty() ? "no change" : String.join(", ", names);
    }
}
