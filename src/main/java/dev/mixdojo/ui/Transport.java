package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import java.util.function.BooleanSupplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * One screen's play, stop and seek on the app's {@link AudioOutput}, with whether it plays and
 * where the playhead is as properties, read from the engine by {@link #refresh()} (a view calls it
 * each frame while shown). Play and seek do nothing until the screen has loaded something to play.
 * JavaFX thread only.
 */
public final class Transport implements AutoCloseable {
    private final AudioOutput audio;
    private final BooleanSupplier ready;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper positionS = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper durationS = new ReadOnlyDoubleWrapper(0);
    // A new engine (another device chosen in Settings) starts empty and stopped.
    private final ChangeListener<PlaybackEngine> engineChanged = (obs, old, engine) -> playing.set(false);

    /** A transport on {@code audio} that plays and seeks only while {@code ready} says the screen's sound is loaded. */
    public Transport(AudioOutput audio, BooleanSupplier ready) {
        this.audio = audio;
        this.ready = ready;
        audio.engineProperty().addListener(engineChanged);
    }

    /** Stops playback and stops following the engine: for a screen's model that is thrown away. */
    @Override
    public void close() {
        stop();
        audio.engineProperty().removeListener(engineChanged);
    }

    /** Whether the engine plays, as of the last call here. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The playhead in seconds, as of the last call here. */
    public ReadOnlyDoubleProperty positionSProperty() {
        return positionS.getReadOnlyProperty();
    }

    /** The length of what is loaded, in seconds (0 before anything is). */
    public ReadOnlyDoubleProperty durationSProperty() {
        return durationS.getReadOnlyProperty();
    }

    /** After the screen loaded {@code lengthS} seconds of sound into the engine: the playhead goes to the start. */
    public void cue(double lengthS) {
        audio.engine().seekFrames(0);
        positionS.set(0);
        durationS.set(lengthS);
    }

    /** Starts playing (from the start once the end was reached) or stops; returns whether it now plays. */
    public boolean toggle() {
        if (!ready.getAsBoolean()) {
            return false;
        }
        PlaybackEngine engine = audio.engine();
        if (engine.isPlaying()) {
            engine.stop();
        } else {
            engine.play();
        }
        playing.set(engine.isPlaying());
        return playing.get();
    }

    /** Stops playback, keeping the playhead where it is. */
    public void stop() {
        audio.engine().stop();
        playing.set(false);
    }

    /** Moves the playhead to {@code seconds}, clamped to 0…{@link #durationSProperty()}. */
    public void seek(double seconds) {
        if (ready.getAsBoolean()) {
            audio.engine().seekSeconds(Math.max(0, Math.min(seconds, durationS.get())));
            positionS.set(audio.engine().positionSeconds());
        }
    }

    /** Reads the engine's playhead and whether it still plays (it stops by itself at the end). */
    public void refresh() {
        if (ready.getAsBoolean()) {
            positionS.set(audio.engine().positionSeconds());
            playing.set(audio.engine().isPlaying());
        }
    }
}
