package org.trainscope.app.playback;

import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;

/** A run kept on screen to compare with the current one, shown at the same step (linked transport). */
public record Pinned(Recording recording, Params params, long seed) {
    /** What distinguishes it from the current run, e.g. "lr=0.01, momentum=0.5" (or "same params, seed 3"). */
    public String label(Params current, long currentSeed) {
        StringBuilder sb = new StringBuilder();
        for (var e : params.asText().entrySet()) {
            if (current != null && !e.getValue().equals(current.asText().get(e.getKey()))) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        if (seed != currentSeed) {
            sb.append(sb.length() == 0 ? "" : ", ").append("seed ").append(seed);
        }
        return sb.length() == 0 ? "same params" : sb.toString();
    }

    /** This run's frame at the step of {@code shown} (or its last one before), or null. */
    public Frame frameAt(Frame shown) {
        if (shown == null || recording.isEmpty()) {
            return null;
        }
        int i = recording.indexOfStep(shown.step());
        return i < 0 ? null : recording.get(i);
    }

    /**
     * The recordings on screen share {@code budget} bytes: a pinned run (unless it is the current one) keeps at most
     * half, thinned at once if it holds more, and the current run gets the rest.
     */
    static void share(long budget, Recording current, Pinned pinned) {
        long left = budget;
        if (pinned != null && pinned.recording() != current) {
            pinned.recording().limitBytes(budget / 2);
            left -= pinned.recording().bytes();
        }
        if (current != null) {
            current.limitBytes(left);
        }
    }
}
