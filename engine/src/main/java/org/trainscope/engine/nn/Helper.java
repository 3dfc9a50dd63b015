package org.trainscope.engine.nn;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread that runs the second half of a large batch ({@link Mlp}) while the caller runs the first: the
 * full-batch digits step took 4.5 ms on one core, 2.2 ms on two. Handing work over through an executor's queue
 * costs a thread wake-up (20–50 µs on this virtual machine), so the helper spins for a short while after each task
 * (the backward pass follows the forward within microseconds) and only then parks. Small batches do not use it:
 * at 64 examples the caches' traffic for weights read on both cores cost more than the second core saved.
 * Callers are serialized: one half-task at a time.
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

    /** Runs {@code second} on the helper and {@code first} here, and returns when both have finished. */
    synchronized void both(Runnable first, Runnable second) {
        failure = null;
        done = false;
        task.set(second);
        LockSupport.unpark(thread);
        try {
            first.run();
        } finally {
            while (!done) {
                Thread.onSpinWait();
            }
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
                    Thread.onSpinWait();
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
