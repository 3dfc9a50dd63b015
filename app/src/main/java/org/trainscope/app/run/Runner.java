package org.trainscope.app.run;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainscope.engine.experiment.DivergedException;
import org.trainscope.engine.experiment.EndOfRunException;
import org.trainscope.engine.experiment.Failures;
import org.trainscope.engine.experiment.Experiment;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.session.Session;

/**
 * Runs one experiment on a worker and records its frames. The only hand-off between threads is the
 * {@link Recording} (frames are immutable) plus a few volatile fields; the experiment and its arrays never leave
 * the worker.
 *
 * <p>Lifecycle: {@link #start} creates the experiment (on the worker, replaying a session's recipe if given) and
 * records its frames; {@link #ensureStep}
 * asks the worker to compute until the recording reaches that step; {@link #start} again (a reset or new
 * params) abandons the old run: its worker stops at the next step boundary and its frames go nowhere.
 */
public final class Runner {
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

    private final Executor executor;
    private final AtomicReference<Run> current = new AtomicReference<>();

    /** @param executor where the work happens: a single background thread in the app, the caller in tests */
    public Runner(Executor executor) {
        this.executor = executor;
    }

    /** Starts a fresh run of {@code type} with {@code params} and {@code seed}, recording into a new Recording. */
    public Recording start(ExperimentDef type, Params params, long seed) {
        return start(Session.of(type, params, seed, 0));
    }

    /**
     * Starts a run that first replays a session's recipe (every frame up to its length, forks included) and then
     * goes on on demand: the way to open a saved session or to fork a run at a step.
     */
    public Recording start(Session session) {
        Run run = new Run(session, new Recording());
        Run old = current.getAndSet(run);
        if (old != null) {
            old.cancelled = true;
        }
        ensureStep(session.steps());
        return run.recording;
    }

    /** Asks the worker to compute until the current recording reaches {@code step} (no-op if there or failed). */
    public void ensureStep(long step) {
        Run run = current.get();
        if (run == null || run.failure != null) {
            return;
        }
        synchronized (run) {
            if (step <= run.wanted) {
                return;
            }
            run.wanted = step;
            if (run.working) {
                return;
            }
            run.working = true;
        }
        executor.execute(() -> work(run));
    }

    /** The message of what stopped the current run (divergence, error, or its natural end), or null. */
    public String failure() {
        Run run = current.get();
        return run == null ? null : run.failure;
    }

    /** True if the current run stopped because the experiment had nothing more to show (not an error). */
    public boolean ended() {
        Run run = current.get();
        return run != null && run.ended;
    }

    /** Stops the current run for good (the app is closing). */
    public void shutdown() {
        Run old = current.getAndSet(null);
        if (old != null) {
            old.cancelled = true;
        }
    }

    private void work(Run run) {
        try {
            if (run.experiment == null) {
                run.experiment = run.session.replay(frame -> {
                    if (run.cancelled) {
                        return false;
                    }
                    run.recording.append(frame);
                    return true;
                });
                if (run.experiment == null) {
                    return; // cancelled during the replay
                }
            }
            while (!run.cancelled) {
                synchronized (run) {
                    if (run.experiment.stepCount() >= run.wanted) {
                        run.working = false;
                        return;
                    }
                }
                run.recording.append(run.experiment.step());
            }
        } catch (DivergedException e) {
            run.failure = e.getMessage();
        } catch (EndOfRunException e) {
            run.ended = true;
            run.failure = e.getMessage();
        } catch (RuntimeException | LinkageError e) {   // LinkageError: a native library that would not load
            LOG.error("run of {} failed", run.session.type().id(), e);
            run.failure = "the run stopped: " + Failures.message(e);
        }
        synchronized (run) {
            run.working = false;
        }
    }

    /** One run: touched by the worker only, except the volatile flags and the synchronized counters. */
    private static final class Run {
        final Session session;
        final Recording recording;
        Experiment experiment;
        long wanted = -1;
        boolean working;
        volatile boolean cancelled;
        volatile String failure;
        volatile boolean ended;

        Run(Session session, Recording recording) {
            this.session = session;
            this.recording = recording;
        }
    }
}
