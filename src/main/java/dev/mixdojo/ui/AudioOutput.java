package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.OutputDevice;
import dev.mixdojo.audio.playback.PlaybackEngine;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The app's one playback engine, reopened when the user picks another device or buffer size.
 * JavaFX thread only; screens listen to {@link #engineProperty()} to follow a reopen.
 */
public final class AudioOutput implements AutoCloseable {
    /** Buffer sizes offered in Settings, in frames at 48 kHz (5 ms to 85 ms). */
    public static final int[] BUFFER_SIZES_FRAMES = {256, 512, 1024, 2048, 4096};

    private final ReadOnlyObjectWrapper<PlaybackEngine> engine;
    private Optional<OutputDevice> device = Optional.empty();
    private int bufferFrames = PlaybackEngine.DEFAULT_BUFFER_FRAMES;
    private boolean switchedOff;

    /** Opens the default device (or what {@code -Dmixdojo.audio.device} says). */
    public AudioOutput() {
        this(PlaybackEngine.create());
    }

    /** Wraps an engine made elsewhere (tests pass an offline or silent one). */
    public AudioOutput(PlaybackEngine engine) {
        this.engine = new ReadOnlyObjectWrapper<>(engine);
    }

    /** The engine in use; replaced by {@link #reopen}. */
    public ReadOnlyObjectProperty<PlaybackEngine> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    public PlaybackEngine engine() {
        return engine.get();
    }

    public Optional<OutputDevice> device() {
        return device;
    }

    public int bufferFrames() {
        return bufferFrames;
    }

    public boolean switchedOff() {
        return switchedOff;
    }

    /**
     * Closes the engine and opens another: on {@code device} (empty: the system default) with
     * {@code bufferFrames}, or silent when {@code off}. Whatever was loaded must be loaded again.
     */
    public void reopen(Optional<OutputDevice> device, int bufferFrames, boolean off) {
        engine.get().close();
        this.device = device;
        this.bufferFrames = bufferFrames;
        this.switchedOff = off;
        engine.set(off ? PlaybackEngine.silent("sound is switched off in Settings")
                : PlaybackEngine.create(device.orElse(null), bufferFrames));
    }

    @Override
    public void close() {
        engine.get().close();
    }
}
