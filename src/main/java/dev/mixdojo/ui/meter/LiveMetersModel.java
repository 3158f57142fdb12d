package dev.mixdojo.ui.meter;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Live meters of what is playing, without touching the audio thread: on each UI frame the view
 * passes the engine's playhead and the version heard; at most every {@value #INTERVAL_MS} ms, and
 * only when no measurement is still running, the known buffer around the playhead is measured on
 * a worker and the reading handed back to the UI thread. The audio thread never waits for any of
 * this. JavaFX thread only (except the measurement itself).
 */
public final class LiveMetersModel {
    /** Shortest time between measurements, in ms (10 readings a second, like a hardware meter's ballistics). */
    static final long INTERVAL_MS = 100;

    private final Function<String, AudioBuffer> sources;
    private final Executor background;
    private final Executor onUiThread;
    private final ReadOnlyObjectWrapper<Optional<MeterReading>> reading = new ReadOnlyObjectWrapper<>(Optional.empty());
    private boolean measuring;
    private boolean measuredOnce;
    private long lastNanos;
    private String lastVersion = "";
    private double lastPositionS = -1;

    /** Meters of the buffers {@code sources} gives by version name, measured on {@code background}. */
    public LiveMetersModel(Function<String, AudioBuffer> sources, Executor background, Executor onUiThread) {
        this.sources = sources;
        this.background = background;
        this.onUiThread = onUiThread;
    }

    /** The latest reading; empty before the first. */
    public ReadOnlyObjectProperty<Optional<MeterReading>> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /**
     * One UI frame at {@code nowNanos}: starts a measurement at {@code positionS} of {@code version}
     * when the interval has passed, none is running, and something changed (playing, another
     * version, another position). Returns whether one was started.
     */
    public boolean tick(long nowNanos, boolean playing, String version, double positionS) {
        boolean changed = playing || !version.equals(lastVersion) || positionS != lastPositionS;
        if (measuring || !changed || measuredOnce && nowNanos - lastNanos < INTERVAL_MS * 1_000_000) {
            return false;
        }
        AudioBuffer audio = sources.apply(version);
        if (audio == null) {
            return false;
        }
        measuring = true;
        measuredOnce = true;
        lastNanos = nowNanos;
        lastVersion = version;
        lastPositionS = positionS;
        try {
            background.execute(() -> {
                Optional<MeterReading> measured = Optional.empty();
                try {
                    measured = Optional.of(MeterReading.measure(audio, positionS));
                } finally {
                    // Even a failed measurement must not stop the meters for good.
                    Optional<MeterReading> done = measured;
                    onUiThread.execute(() -> {
                        done.ifPresent(r -> reading.set(Optional.of(r)));
                        measuring = false;
                    });
                }
            });
        } catch (RejectedExecutionException closing) {
            measuring = false; // the app is shutting down its workers
            return false;
        }
        return true;
    }
}
