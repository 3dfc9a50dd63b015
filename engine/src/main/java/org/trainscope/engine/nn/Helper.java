package org.trainscope.engine.nn;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread for {@link Mlp}, so that a step uses the machine's second core. For a large batch it runs the
 * second half of the examples while the caller runs the first: the full-batch digits step took 4.5 ms on one core,
 * 2.2 ms on two. A small batch is not split (at 64 examples the cache traffic for weights read on both cores cost
 * more than the second core saved); there the helper computes each layer's ∇A_t while the caller propagates δ_{t−1}
 * (87 → 63 µs for the backward pass). Handing work over through an executor's queue costs a thread wake-up (20–50 µs
 * on this virtual machine), so the helper spins for a short while after each task (the next one follows within
 * microseconds) and only then parks. Callers are serialized: one task at a time; a task must not call back in.
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
