package dev.mixdojo.ui.meter;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Live meters of what is playing, without touching the audio thread: on each UI frame the view
 * passes the engine's playhead, the version the screen shows and the versions whose spectra it
 * draws; at most every {@value #INTERVAL_MS} ms, and only when no measurement is still running,
 * the known buffers around the playhead are measured on a worker and the reading handed back to
 * the UI thread. The meters stay blank until the question first plays (or its versions are
 * compared after the answer). The audio thread never waits for any of this. JavaFX thread only
 * (except the measurement itself).
 */
public final class LiveMetersModel {
    /** Shortest time between measurements, in ms (10 readings a second, like a hardware meter's ballistics). */
    static final long INTERVAL_MS = 100;

    /**
     * What the meters show: the reading of the version shown, and the reading of each version whose
     * spectrum is drawn, in order (the shown one alone, or A and B side by side after the answer).
     */
    public record Display(MeterReading shown, Map<String, MeterReading> spectra) {
        /** Copies the map, keeping its order. */
        public Display {
            spectra = Collections.unmodifiableMap(new LinkedHashMap<>(spectra));
        }
    }

    private final Function<String, AudioBuffer> sources;
    private final Executor background;
    private final Executor onUiThread;
    private final ReadOnlyObjectWrapper<Optional<Display>> display = new ReadOnlyObjectWrapper<>(Optional.empty());
    private boolean measuring;
    private boolean played;
    private long lastNanos;
    private String lastVersion = "";
    private List<String> lastSpectra = List.of();
    private double lastPositionS = -1;
    /** Counts {@link #clear()}s, so a measurement started before one is not shown after it. */
    private int generation;

    /** Meters of the buffers {@code sources} gives by version name, measured on {@code background}. */
    public LiveMetersModel(Function<String, AudioBuffer> sources, Executor background, Executor onUiThread) {
        this.sources = sources;
        this.background = background;
        this.onUiThread = onUiThread;
    }

    /** The latest display; empty before the first measurement of the question shown. */
    public ReadOnlyObjectProperty<Optional<Display>> displayProperty() {
        return display.getReadOnlyProperty();
    }

    /** Blanks the meters for a new question: they show nothing until it plays. */
    public void clear() {
        generation++;
        display.set(Optional.empty());
        played = false;
        lastVersion = "";
        lastSpectra = List.of();
        lastPositionS = -1;
    }

    /**
     * Where the measured windows end: at the playhead while playing (what was just heard); when
     * stopped, a short-term window after the playhead (what Play will sound like).
     */
    static double windowEndS(boolean playing, double positionS, double durationS) {
        return playing ? positionS : Math.min(durationS, positionS + MeterReading.SHORT_TERM_S);
    }

    /**
     * One UI frame at {@code nowNanos}: starts a measurement of {@code shownVersion} (and of each of
     * {@code spectrumVersions}) at {@code positionS} when the question has played or more than one
     * spectrum is asked for, the interval has passed, none is running, and something changed
     * (playing, another version, another position). Returns whether one was started.
     */
    public boolean tick(long nowNanos, boolean playing, String shownVersion, double positionS, List<String> spectrumVersions) {
        played |= playing;
        boolean comparing = spectrumVersions.size() > 1;
        boolean changed = playing || !shownVersion.equals(lastVersion) || positionS != lastPositionS
                || !spectrumVersions.equals(lastSpectra);
        boolean measuredOnce = !lastVersion.isEmpty();
        if (measuring || !(played || comparing) || !changed
                || measuredOnce && nowNanos - lastNanos < INTERVAL_MS * 1_000_000) {
            return false;
        }
        AudioBuffer shown = sources.apply(shownVersion);
        Map<String, AudioBuffer> compared = new LinkedHashMap<>();
        for (String version : spectrumVersions) {
            AudioBuffer audio = sources.apply(version);
            if (audio != null) {
                compared.put(version, audio);
            }
        }
        if (shown == null) {
            return false;
        }
        measuring = true;
        lastNanos = nowNanos;
        lastVersion = shownVersion;
        lastSpectra = List.copyOf(spectrumVersions);
        lastPositionS = positionS;
        int measuredFor = generation;
        try {
            background.execute(() -> {
                Optional<Display> measured = Optional.empty();
                try {
                    double endS = windowEndS(playing, positionS, shown.durationS());
                    MeterReading reading = MeterReading.measure(shown, endS);
                    Map<String, MeterReading> spectra = new LinkedHashMap<>();
                    compared.forEach((version, audio) -> spectra.put(version,
                            audio == shown ? reading : MeterReading.measure(audio, endS)));
                    measured = Optional.of(new Display(reading, spectra));
                } finally {
                    // Even a failed measurement must not stop the meters for good.
                    Optional<Display> done = measured;
                    onUiThread.execute(() -> {
                        if (measuredFor == generation) {
                            done.ifPresent(d -> display.set(Optional.of(d)));
                        }
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
