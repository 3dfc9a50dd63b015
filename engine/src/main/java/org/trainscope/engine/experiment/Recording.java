package org.trainscope.engine.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Append-only frames with random access by index, so a player can step back and scrub without recomputation.
 *
 * <p>Memory stays bounded, in frames and in bytes: every frame is kept until there are {@code budget} of them
 * (default {@value #DEFAULT_BUDGET}, which keeps charts over the whole run quick to draw) or they hold more than
 * {@code byteBudget} bytes ({@link Frame#bytes()}, an upper bound of their heap; default {@value #DEFAULT_BYTES}
 * bytes = 512 MiB); then the older half (all but frame 0 and the newest half) is thinned evenly by dropping every
 * second frame, as often as it takes. Recent frames stay dense, old ones get sparser, and frame 0 is always kept.
 * Indices therefore shift after a thinning; {@link #generation()} counts thinnings so a reader can tell, and
 * {@link #indexOfStep} finds a step again. The byte budget can be lowered later ({@link #limitBytes}), e.g. when
 * the recording is kept beside a newer one.
 *
 * <p>Thread-safe: one thread appends while others read.
 */
public final class Recording {
    public static final int DEFAULT_BUDGET = 20_000;
    public static final long DEFAULT_BYTES = 512L << 20;

    private final int budget;
    private long byteBudget;
    private long bytes;
    private final List<Frame> frames = new ArrayList<>();
    private long generation;

    public Recording() {
        this(DEFAULT_BUDGET, DEFAULT_BYTES);
    }

    public Recording(int budget) {
        this(budget, DEFAULT_BYTES);
    }

    /** At most {@code budget} frames (≥ 4) holding at most {@code byteBudget} bytes (beyond frame 0 and the newest). */
    public Recording(int budget, long byteBudget) {
        if (budget < 4) {
            throw new IllegalArgumentException("budget must be at least 4");
        }
        this.budget = budget;
        this.byteBudget = byteBudget;
    }

    public int budget() {
        return budget;
    }

    public synchronized long byteBudget() {
        return byteBudget;
    }

    /** The bytes the frames hold (the sum of {@link Frame#bytes()}). */
    public synchronized long bytes() {
        return bytes;
    }

    /** Lowers (or raises) the byte budget, thinning at once if the frames hold more. */
    public synchronized void limitBytes(long newBudget) {
        byteBudget = newBudget;
        fit();
    }

    /** Appends a frame; its step must be larger than the last one's. */
    public synchronized void append(Frame frame) {
        if (!frames.isEmpty() && frame.step() <= frames.get(frames.size() - 1).step()) {
            throw new IllegalArgumentException("frame step " + frame.step() + " does not follow "
                    + frames.get(frames.size() - 1).step());
        }
        frames.add(frame);
        bytes += frame.bytes();
        fit();
    }

    /** Thins until both budgets hold (frame 0 and the newest half always stay, so it stops at three frames). */
    private void fit() {
        while ((frames.size() > budget || bytes > byteBudget) && frames.size() > 3) {
            thin();
        }
    }

    private void thin() {
        int oldEnd = frames.size() / 2; // [1, oldEnd) is the older half; frame 0 and [oldEnd, size) stay
        List<Frame> kept = new ArrayList<>(budget);
        kept.add(frames.get(0));
        for (int i = 1; i < oldEnd; i++) {
            if (i % 2 == 0) {
                kept.add(frames.get(i));
            } else {
                bytes -= frames.get(i).bytes();
            }
        }
        kept.addAll(frames.subList(oldEnd, frames.size()));
        frames.clear();
        frames.addAll(kept);
        generation++;
    }

    public synchronized int size() {
        return frames.size();
    }

    public synchronized boolean isEmpty() {
        return frames.isEmpty();
    }

    public synchronized Frame get(int index) {
        return frames.get(index);
    }

    /** The newest frame, or null if empty. */
    public synchronized Frame last() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** How many thinnings have happened (indices shift at each). */
    public synchronized long generation() {
        return generation;
    }

    /** The index of the last frame whose step is ≤ {@code step}, or −1 if none. */
    public synchronized int indexOfStep(long step) {
        int lo = 0;
        int hi = frames.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (frames.get(mid).step() <= step) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** A copy of frames [from, to). */
    public synchronized List<Frame> range(int from, int to) {
        return List.copyOf(frames.subList(from, to));
    }

    /** Drops every frame. */
    public synchronized void clear() {
        frames.clear();
        bytes = 0;
        generation++;
    }
}
