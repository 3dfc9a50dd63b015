package org.trainscope.engine.linalg;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The second core: one helper thread that runs one task while the caller runs another, for the engine's hot loops
 * (the MLP's two half-batches, the two column halves of deep factorization's products, the probe's two halves of
 * its inputs, an SVD beside the next gradient step). The work is always cut the same way — the cut never depends on
 * the number of cores or on who runs which part — so the numbers are the same bits on one core or two.
 *
 * <p>Handing work over through an executor's queue costs a thread wake-up (20–50 µs on this virtual machine), so
 * the helper spins (yielding) for a short while after each task — the next hand-over follows within microseconds —
 * and only then parks. One caller at a time: a call made while the helper is busy (another experiment's worker, or
 * a task calling in) runs both parts on the caller, one after the other, and so never waits for another caller.
 */
public final class TwoCores {
    /** How long the helper spins for the next task before it parks. */
    private static final long SPIN_NANOS = 200_000;
    private static final TwoCores INSTANCE = new TwoCores();
    private static volatile boolean enabled = Runtime.getRuntime().availableProcessors() > 1;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicReference<Runnable> task = new AtomicReference<>();
    private volatile boolean done = true;
    private volatile Throwable failure;
    private final Thread thread;

    private TwoCores() {
        thread = new Thread(this::loop, "trainscope-second-core");
        thread.setDaemon(true);
        thread.start();
    }

    /** A part of a cut range: columns (or examples) {@code from … to−1}, the {@code half}-th (0 or 1) part. */
    public interface Half {
        void run(int half, int from, int to);
    }

    /** Whether the second part runs on the helper thread (on by default when the machine has two cores). */
    public static boolean enabled() {
        return enabled;
    }

    /** Turns the helper on or off (off: both parts run on the caller, in order); the results do not change. */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /** {@code body(0, 0, mid)} here and {@code body(1, mid, count)} on the second core, mid = ⌊count/2⌋. */
    public static void halves(int count, Half body) {
        int mid = count / 2;
        both(() -> body.run(0, 0, mid), () -> body.run(1, mid, count));
    }

    /**
     * Runs {@code second} on the helper and {@code first} here, and returns when both have finished. If the helper
     * has not picked {@code second} up by the time {@code first} is done (it was not scheduled: two cores are shared
     * with the JIT, the GC and the UI), this thread takes it back and runs it itself, so no one ever waits for a
     * thread that is not running. Off, or with the helper busy: {@code first}, then {@code second}, here.
     */
    public static void both(Runnable first, Runnable second) {
        if (!enabled || !INSTANCE.busy.compareAndSet(false, true)) {
            first.run();
            second.run();
            return;
        }
        try {
            INSTANCE.handOver(first, second);
        } finally {
            INSTANCE.busy.set(false);
        }
    }

    private void handOver(Runnable first, Runnable second) {
        failure = null;
        done = false;
        task.set(second);
        LockSupport.unpark(thread);
        Runnable unclaimed;
        try {
            first.run();
        } finally {
            unclaimed = task.getAndSet(null);
            if (unclaimed == null) {
                for (int spins = 1; !done; spins++) {
                    if ((spins & 63) == 0) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
                }
            }
        }
        if (unclaimed != null) {
            unclaimed.run();
            return;
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void loop() {
        long idleSince = System.nanoTime();
        while (true) {
            idleSince = poll(idleSince);
        }
    }

    /**
     * One look for a task: runs it if there is one, else yields (or parks after {@link #SPIN_NANOS} idle); returns
     * when the helper last became idle. A method of its own, so that the JIT compiles it as any hot method, not
     * only by on-stack replacement of a loop that never returns (without OSR, W1's two-core steps took 350–450 µs
     * against 260 µs on one core: the interpreted loop was slow to pick tasks up).
     */
    private long poll(long idleSince) {
        Runnable r = task.get() == null ? null : task.getAndSet(null);       // spin on a plain read
        if (r == null) {
            if (System.nanoTime() - idleSince > SPIN_NANOS) {
                LockSupport.park(this);
            } else {
                Thread.yield();                         // spin, but let a thread that needs this core have it
            }
            return idleSince;
        }
        try {
            r.run();
        } catch (Throwable t) {
            failure = t;
        }
        done = true;
        return System.nanoTime();
    }
}
