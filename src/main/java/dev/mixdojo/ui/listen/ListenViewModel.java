package dev.mixdojo.ui.listen;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFileInfo;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.Resampler;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Transport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Opens an audio file and plays it: reading and resampling run on a background executor, the
 * result is handed back through {@code onUiThread}; a bad file shows its one sentence. The
 * properties belong to the JavaFX thread.
 */
public final class ListenViewModel {
    /** The name of the one source this screen loads into the engine. */
    static final String SOURCE = "file";

    private final AudioOutput audio;
    private final Executor background;
    private final Executor onUiThread;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No file open");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final Transport transport;
    private AudioBuffer buffer;

    public ListenViewModel(AudioOutput audio, Executor background, Executor onUiThread) {
        this.audio = audio;
        this.background = background;
        this.onUiThread = onUiThread;
        this.transport = new Transport(audio, loaded::get);
        // A new engine (another device chosen in Settings) starts empty: give it the file again.
        audio.engineProperty().addListener((obs, old, engine) -> {
            if (buffer != null) {
                engine.load(Map.of(SOURCE, buffer));
            }
        });
    }

    /** The file's name, or "No file open". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Format, length and peak, one fact per line. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The sentence for a file that could not be opened, or the file's warnings; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether a file is ready to play. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty durationSProperty() {
        return transport.durationSProperty();
    }

    /** The playhead in seconds, refreshed by {@link #refreshPosition()}. */
    public ReadOnlyDoubleProperty positionSProperty() {
        return transport.positionSProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return transport.playingProperty();
    }

    /** Reads the file in the background; the screen shows it (or the problem) when done. */
    public void open(Path file) {
        stop();
        loading.set(true);
        message.set("");
        title.set(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        background.execute(() -> {
            try {
                Warnings warnings = new Warnings();
                AudioFileInfo info = AudioFiles.info(file);
                AudioBuffer read = AudioFiles.read(file, warnings);
                AudioBuffer atSessionRate = read.sampleRateHz() == PlaybackEngine.SESSION_RATE_HZ
                        ? read : Resampler.resample(read, PlaybackEngine.SESSION_RATE_HZ);
                onUiThread.execute(() -> show(info, atSessionRate, warnings.all()));
            } catch (BadInputException e) {
                onUiThread.execute(() -> fail(e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                onUiThread.execute(() -> fail(file + ": could not be opened (" + e + ")."));
            }
        });
    }

    /** Starts or stops playback. */
    public void togglePlay() {
        transport.toggle();
    }

    /** Stops playback. */
    public void stop() {
        transport.stop();
    }

    /** Moves the playhead (clamped to the file). */
    public void seek(double seconds) {
        transport.seek(seconds);
    }

    /** Reads the engine's playhead into {@link #positionSProperty()}; the view calls it each frame. */
    public void refreshPosition() {
        transport.refresh();
    }

    private void show(AudioFileInfo info, AudioBuffer atSessionRate, List<String> warnings) {
        buffer = atSessionRate;
        audio.engine().load(Map.of(SOURCE, atSessionRate));
        audio.engine().switchTo(SOURCE);
        transport.cue(info.durationS());
        details.set(describe(info));
        List<String> notes = new ArrayList<>(info.warnings());
        warnings.stream().filter(w -> !notes.contains(w)).forEach(notes::add);
        message.set(String.join("\n", notes));
        loading.set(false);
        loaded.set(true);
    }

    private void fail(String sentence) {
        buffer = null;
        loaded.set(false);
        loading.set(false);
        details.set("");
        transport.cue(0);
        message.set(sentence);
    }

    /** Format, length and peak as lines, e.g. "WAV, PCM signed 24-bit". */
    static String describe(AudioFileInfo info) {
        String peak = info.isSilent() ? "silent" : String.format(Locale.ROOT, "%.1f dBFS", info.samplePeakDbfs());
        return String.join("\n",
                info.container() + ", " + info.encoding() + " " + info.bitsPerSample() + "-bit",
                String.format(Locale.ROOT, "%.1f kHz, %s", info.sampleRateHz() / 1000.0,
                        info.channelCount() == 1 ? "mono" : info.channelCount() == 2 ? "stereo" : info.channelCount() + " channels"),
                formatTime(info.durationS()) + " (" + info.frames() + " frames)",
                "Sample peak " + peak);
    }

    /** Minutes and seconds with tenths, e.g. "1:05.3". */
    public static String formatTime(double seconds) {
        int minutes = (int) (seconds / 60);
        return String.format(Locale.ROOT, "%d:%04.1f", minutes, seconds - 60 * minutes);
    }
}
