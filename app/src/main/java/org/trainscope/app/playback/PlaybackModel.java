package org.trainscope.app.playback;

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
import org.trainscope.engine.experiment.ExperimentType;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Params;
import org.trainscope.engine.experiment.Recording;

/**
 * The state of the player, FX thread only. Everything the user does sets one number — the step they want to see —
 * and {@link #tick} (once per pulse) shows the newest recorded frame at or before it, asking the {@link Runner}
 * for more frames when the wanted step is beyond the recording. So stepping back and scrubbing never recompute,
 * and a slow experiment simply shows its newest frame each pulse.
 */
public final class PlaybackModel {
    /** Speeds offered to the user, in steps per second. */
    public static final double[] SPEEDS = {1, 3, 10, 30, 60, 120, 300, 1000};

    private final Runner runner;
    private final ObjectProperty<ExperimentType> type = new SimpleObjectProperty<>(this, "type");
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

    private double wantedStep;
    private long lastTickNanos = -1;
    private long stopAtStep = -1;
    private long recordingGeneration;

    public PlaybackModel(Runner runner) {
        this.runner = runner;
    }

    // ---- commands ----

    /** Switches to another experiment at its defaults and starts a fresh run. */
    public void select(ExperimentType newType) {
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

    /** Sets the seed and restarts. */
    public void applySeed(long newSeed) {
        seed.set(newSeed);
        reset();
    }

    /** A fresh run of the current type, params and seed, paused at frame 0. */
    public void reset() {
        pause();
        say("");
        wantedStep = 0;
        frame.set(null);
        index.set(0);
        frameCount.set(0);
        recordingGeneration = 0;
        recording.set(runner.start(type.get(), params.get(), seed.get()));
    }

    public void play() {
        if (playing.get()) {
            return;
        }
        if (runner.failure() != null && atEnd()) {
            warn(runner.failure());
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
        if (playing.get() && stopAtStep >= 0 && frame.get().step() >= stopAtStep) {
            pause();
            say("End of the demo run (" + stopAtStep + " steps). Press Play to keep going.");
        }
        if (wanted > lastStep) {
            failIfStopped();
        }
    }

    private void failIfStopped() {
        String failure = runner.failure();
        if (failure != null) {
            pause();
            Recording rec = recording.get();
            wantedStep = rec.isEmpty() ? 0 : rec.last().step();
            warn(failure);
        }
    }

    private void warn(String text) {
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

    public ReadOnlyObjectProperty<ExperimentType> typeProperty() {
        return type;
    }

    public ReadOnlyObjectProperty<Params> paramsProperty() {
        return params;
    }

    public long seed() {
        return seed.get();
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

    public ExperimentType type() {
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
