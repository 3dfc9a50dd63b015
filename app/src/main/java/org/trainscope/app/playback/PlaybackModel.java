package org.trainscope.app.playback;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.trainscope.app.run.Runner;
import org.trainscope.engine.experiment.ExperimentDef;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;
import org.trainscope.engine.session.Session;
import org.trainscope.engine.session.SessionFile;

/**
 * The state of the player, FX thread only. Everything the user does sets one number — the step they want to see —
 * and {@link #tick} (once per pulse) shows the newest recorded frame at or before it, asking the {@link Runner}
 * for more frames when the wanted step is beyond the recording. So stepping back and scrubbing never recompute,
 * and a slow experiment simply shows its newest frame each pulse.
 */
public final class PlaybackModel {
    /** Speeds offered to the user, in steps per second. */
    public static final double[] SPEEDS = {1, 3, 10, 30, 60, 120, 300, 1000};
    /** The heap the recordings on screen (the current run and a pinned one) may hold together, in bytes. */
    public static final long RECORDING_BYTES = Recording.DEFAULT_BYTES;

    private final Runner runner;
    private final ObjectProperty<ExperimentDef> type = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<Params> params = new SimpleObjectProperty<>(this, "params");
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
    private final ObjectProperty<Recording> recording = new SimpleObjectProperty<>(this, "recording");
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>(this, "frame");
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", 0);
    private final IntegerProperty frameCount = new SimpleIntegerProperty(this, "frameCount", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 60);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty alert = new SimpleBooleanProperty(this, "alert", false);
    private final ObjectProperty<Pinned> pinned = new SimpleObjectProperty<>(this, "pinned");

    private List<Session.Segment> segments = List.of();
    private String expectedDigest;
    private long expectedDigestStep = -1;
    private double wantedStep;
    private long lastTickNanos = -1;
    private long stopAtStep = -1;
    private long recordingGeneration;

    public PlaybackModel(Runner runner) {
        this.runner = runner;
    }

    // ---- commands ----

    /** Switches to another experiment at its defaults and starts a fresh run. */
    public void select(ExperimentDef newType) {
        pinned.set(null); // a run of another experiment cannot be compared
        type.set(newType);
        params.set(newType.defaults());
        reset();
    }

    /** Applies new params (already validated) and starts a fresh run with them; playing continues. */
    public void applyParams(Params newParams) {
        params.set(Objects.requireNonNull(newParams));
        boolean wasPlaying = playing.get();
        reset();
        if (wasPlaying) {
            play();
        }
    }

    /**
     * Forks the run at the frame shown: a new run that takes over the exact state of that step and goes on with
     * {@code newParams} (recomputed from the recipe on the worker; unchanged params give the same frames).
     */
    public void fork(Params newParams) {
        long at = currentStep();
        boolean wasPlaying = playing.get();
        Session forked = session(at).fork(at, Objects.requireNonNull(newParams));
        pause();
        params.set(newParams);
        start(forked, at, null);
        say("Forked at step " + at + ": the run goes on from there with the new params.");
        if (wasPlaying) {
            play();
        }
    }

    /** Opens a saved session: recomputes its frames up to its length and shows the last one. */
    public void open(Session session, String lastFrameDigest) {
        pause();
        if (session.type() != type.get()) {
            pinned.set(null);
        }
        type.set(session.type());
        seed.set(session.seed());
        params.set(session.params());
        start(session, session.steps(), lastFrameDigest);
        say("Recomputing " + session.steps() + " steps…");
    }

    /** The current run as a recipe, up to the newest recorded step. */
    public Session session() {
        Recording rec = recording.get();
        return session(rec == null || rec.isEmpty() ? 0 : rec.last().step());
    }

    private Session session(long steps) {
        return new Session(type.get(), seed.get(), segments, steps);
    }

    /** Seed and params at once (a preset), and a fresh run. */
    public void applySeedAndParams(long newSeed, Params newParams) {
        seed.set(newSeed);
        params.set(Objects.requireNonNull(newParams));
        reset();
    }

    /** Sets the seed and restarts. */
    public void applySeed(long newSeed) {
        seed.set(newSeed);
        reset();
    }

    /** A fresh run of the current type, params and seed, paused at frame 0. */
    public void reset() {
        pause();
        say("");
        start(Session.of(type.get(), params.get(), seed.get(), 0), 0, null);
    }

    private void start(Session session, long showStep, String digest) {
        segments = session.segments();
        expectedDigest = digest;
        expectedDigestStep = digest == null ? -1 : session.steps();
        wantedStep = showStep;
        frame.set(null);
        index.set(0);
        frameCount.set(0);
        recordingGeneration = 0;
        recording.set(runner.start(session));
        shareMemory();
    }

    private void shareMemory() {
        Pinned.share(RECORDING_BYTES, recording.get(), pinned.get());
    }

    public void play() {
        if (playing.get()) {
            return;
        }
        if (runner.failure() != null && atEnd()) {
            if (runner.ended()) {
                say("The end: " + runner.failure() + ".");
            } else {
                warn(runner.failure());
            }
            return;
        }
        long from = (long) wantedStep;
        stopAtStep = from < type.get().defaultSteps() ? type.get().defaultSteps() : -1;
        lastTickNanos = -1;
        say("");
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
        wantedStep = Math.floor(wantedStep);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** One step forward: the next recorded frame, or one new step computed in the background. */
    public void stepForward() {
        pause();
        Recording rec = recording.get();
        int i = index.get();
        if (rec != null && i + 1 < rec.size() && (long) wantedStep <= currentStep()) {
            wantedStep = rec.get(i + 1).step();
        } else {
            wantedStep = Math.max(wantedStep, currentStep()) + 1;
        }
        tick(System.nanoTime());
    }

    /** One recorded frame back (no recomputation). */
    public void stepBack() {
        pause();
        Recording rec = recording.get();
        int i = index.get();
        if (rec != null && i > 0) {
            wantedStep = rec.get(i - 1).step();
        } else {
            wantedStep = 0;
        }
        tick(System.nanoTime());
    }

    /** Shows recorded frame {@code i}. */
    public void seek(int i) {
        Recording rec = recording.get();
        if (rec == null || rec.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(i, rec.size() - 1));
        wantedStep = rec.get(clamped).step();
        tick(System.nanoTime());
    }

    /**
     * Shows an existing recording without computing anything (the pinned run, side by side): this model then only
     * follows {@link #followStep}; its runner is never asked for frames beyond the recording.
     */
    public void showRecording(ExperimentDef t, Params p, long s, Recording rec) {
        pause();
        type.set(t);
        params.set(p);
        seed.set(s);
        segments = List.of(new Session.Segment(0, p));
        wantedStep = 0;
        frame.set(null);
        index.set(0);
        recordingGeneration = 0;
        recording.set(rec);
        tick(System.nanoTime());
    }

    /** Shows the recorded frame at (or last before) {@code step}, never beyond the recording. */
    public void followStep(long step) {
        Recording rec = recording.get();
        if (rec == null || rec.isEmpty()) {
            return;
        }
        wantedStep = Math.min(step, rec.last().step());
        tick(System.nanoTime());
    }

    /** Keeps the current run on screen for comparison; the next change of params starts a new run beside it. */
    public void pinCurrent() {
        if (recording.get() != null && !recording.get().isEmpty()) {
            pinned.set(new Pinned(recording.get(), params.get(), seed.get()));
            shareMemory();
            say("Pinned this run: change a param, and the new run is drawn over it (dashed).");
        }
    }

    public void unpin() {
        pinned.set(null);
        shareMemory();
    }

    public ReadOnlyObjectProperty<Pinned> pinnedProperty() {
        return pinned;
    }

    /** The pinned run's frame at the step shown (or its last one before), or null. */
    public Frame pinnedFrame() {
        Pinned p = pinned.get();
        return p == null ? null : p.frameAt(frame.get());
    }

    // ---- the pulse ----

    /** Called once per pulse: advances play, pulls the frame to show, asks the runner for more if needed. */
    public void tick(long nowNanos) {
        Recording rec = recording.get();
        if (rec == null) {
            return;
        }
        if (playing.get()) {
            double dt = lastTickNanos < 0 ? 0 : Math.min(0.1, (nowNanos - lastTickNanos) / 1e9);
            wantedStep += speed.get() * dt;
            if (stopAtStep >= 0 && wantedStep >= stopAtStep) {
                wantedStep = stopAtStep;
            }
        }
        lastTickNanos = nowNanos;
        if (rec.isEmpty()) {
            failIfStopped();
            return;
        }
        long lastStep = rec.last().step();
        long wanted = (long) wantedStep;
        if (wanted > lastStep) {
            runner.ensureStep(wanted);
            if (playing.get()) {
                // don't let the playhead run far ahead of a slow experiment
                wantedStep = Math.min(wantedStep, lastStep + Math.max(1, speed.get() * 0.25));
            }
        }
        int i = rec.indexOfStep(wanted);
        int size = rec.size();
        frameCount.set(size);
        long generation = rec.generation();
        if (i != index.get() || frame.get() == null || generation != recordingGeneration) {
            recordingGeneration = generation;
            index.set(i);
            frame.set(rec.get(i));
        }
        checkDigest(rec);
        if (playing.get() && stopAtStep >= 0 && frame.get().step() >= stopAtStep) {
            pause();
            say("End of the demo run (" + stopAtStep + " steps). Press Play to keep going.");
        }
        if (wanted > lastStep) {
            failIfStopped();
        }
    }

    /** After opening a session: is the recomputed frame at its length the one that was saved? */
    private void checkDigest(Recording rec) {
        if (expectedDigest == null || rec.last().step() < expectedDigestStep) {
            return;
        }
        int i = rec.indexOfStep(expectedDigestStep);
        Frame f = rec.get(i);
        if (f.step() == expectedDigestStep && SessionFile.digest(f).equals(expectedDigest)) {
            say("Opened: " + expectedDigestStep + " steps recomputed, identical to the saved run.");
        } else {
            // a file saved by a version whose frames differ (outputs added, a value computed another way) or on
            // another machine: the recipe still replays; say so rather than refuse
            warn("Opened: " + expectedDigestStep + " steps recomputed from the saved params and seed, not identical "
                    + "to the saved run: saved by a version whose " + type.get().id() + " frames differ, or on another "
                    + "machine. Shown: this version's run.");
        }
        expectedDigest = null;
    }

    private void failIfStopped() {
        String failure = runner.failure();
        if (failure != null) {
            pause();
            Recording rec = recording.get();
            wantedStep = rec.isEmpty() ? 0 : rec.last().step();
            if (runner.ended()) {
                say("The end: " + failure + ".");
            } else {
                warn(failure);
            }
        }
    }

    /** Shows a warning in the status line (a refused file, a failed run). */
    public void warn(String text) {
        message.set(text);
        alert.set(true);
    }

    private boolean atEnd() {
        Recording rec = recording.get();
        return rec == null || rec.isEmpty() || index.get() >= rec.size() - 1;
    }

    private long currentStep() {
        Frame f = frame.get();
        return f == null ? 0 : f.step();
    }

    // ---- read-only state ----

    public ReadOnlyObjectProperty<ExperimentDef> typeProperty() {
        return type;
    }

    public ReadOnlyObjectProperty<Params> paramsProperty() {
        return params;
    }

    public long seed() {
        return seed.get();
    }

    public javafx.beans.property.ReadOnlyLongProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index;
    }

    public ReadOnlyIntegerProperty frameCountProperty() {
        return frameCount;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing;
    }

    /** Steps per second while playing (writable: the speed control binds to it). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Shows an informative message in the status line. */
    public void say(String text) {
        message.set(text);
        alert.set(false);
    }

    /** True when the message is a warning (the run diverged or failed). */
    public ReadOnlyBooleanProperty alertProperty() {
        return alert;
    }

    public ExperimentDef type() {
        return type.get();
    }

    public Params params() {
        return params.get();
    }

    public Recording recording() {
        return recording.get();
    }

    public Frame frame() {
        return frame.get();
    }
}
