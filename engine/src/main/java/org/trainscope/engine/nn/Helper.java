package org.trainscope.engine.nn;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread that runs the second half of a large batch ({@link Mlp}) while the caller runs the first: the
 * full-batch digits step takes 3.2 ms on one core, 1.6 ms on two. Handing work over through an executor's queue
 * costs a thread wake-up (20–50 µs on this virtual machine), so the helper spins (yielding) for a short while after
 * each task — the backward pass follows the forward within microseconds — and only then parks. Small batches do not
 * use it: at 64 examples, splitting the batch cost more in cache traffic (weights read on both cores) than the
 * second core saved, and running each layer's ∇A_t on the helper while the caller propagated δ made the step time
 * erratic (4.7k–7.0k steps/s, against a steady 6.4k–6.6k on one core): on two cores shared with the JIT, the GC
 * and the UI, a 25 µs hand-over is often late. Callers are serialized: one task at a time; a task must not call in.
 */
final class Helper {
    /** How long the helper spins for the next task before it parks. */
    private static final long SPIN_NANOS = 200_000;
    static final Helper INSTANCE = new Helper();

    private final AtomicReference<Runnable> task = new AtomicReference<>();
    private volatile boolean done = true;
    private volatile Throwable failure;
    private final Thread thread;

    private Helper() {
        thread = new Thread(this::loop, "trainscope-mlp-half");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code second} on the helper and {@code first} here, and returns when both have finished. If the helper
     * has not picked {@code second} up by the time {@code first} is done (it was not scheduled: two cores are shared
     * with the JIT, the GC and the UI), this thread takes it back and runs it itself, so no one ever waits for a
     * thread that is not running.
     */
    synchronized void both(Runnable first, Runnable second) {
        failure = null;
        done = false;
        task.set(second);
        LockSupport.unpark(thread);
        Runnable unclaimed = null;
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
            Runnable r = task.get() == null ? null : task.getAndSet(null);   // spin on a plain read
            if (r == null) {
                if (System.nanoTime() - idleSince > SPIN_NANOS) {
                    LockSupport.park(this);
                } else {
                    Thread.yield();                     // spin, but let a thread that needs this core have it
                }
                continue;
            }
            try {
                r.run();
            } catch (Throwable t) {
                failure = t;
            }
            done = true;
            idleSince = System.nanoTime();
        }
    }
}
