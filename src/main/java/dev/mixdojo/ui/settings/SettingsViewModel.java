package dev.mixdojo.ui.settings;

import dev.mixdojo.audio.playback.OutputDevice;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.progress.DailyGoal;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerSettings;
import dev.mixdojo.ui.Shortcuts;
import dev.mixdojo.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings: which output device and buffer size (and what the engine says), level roving,
 * the theme and projector scale, and the list of keyboard shortcuts. The learner's settings save
 * themselves when they change; the output is saved when applied.
 */
public final class SettingsViewModel {
    /** The output choice for the system's default device. */
    public static final String SYSTEM_DEFAULT = "System default";
    /** The output choice that plays nothing. */
    public static final String OFF = "Off (silent)";

    private final AudioOutput audio;
    private final List<OutputDevice> devices;
    private final ObservableList<String> outputs = FXCollections.observableArrayList();
    private final StringProperty output = new SimpleStringProperty();
    private final IntegerProperty bufferFrames = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final LearnerSettings learner;
    private final List<Shortcuts.Shortcut> shortcuts;

    /** Settings for the audio output alone, with default learner settings and no shortcuts listed. */
    public SettingsViewModel(AudioOutput audio, List<OutputDevice> devices) {
        this(audio, devices, new LearnerSettings(), List.of());
    }

    /** Settings for the audio output, the learner's settings and the list of shortcuts. */
    public SettingsViewModel(AudioOutput audio, List<OutputDevice> devices, LearnerSettings learner,
            List<Shortcuts.Shortcut> shortcuts) {
        this.learner = learner;
        this.shortcuts = List.copyOf(shortcuts);
        this.audio = audio;
        this.devices = List.copyOf(devices);
        List<String> names = new ArrayList<>();
        names.add(SYSTEM_DEFAULT);
        devices.forEach(d -> names.add(d.name()));
        names.add(OFF);
        outputs.setAll(names);
        output.set(audio.switchedOff() ? OFF : audio.device().map(OutputDevice::name).orElse(SYSTEM_DEFAULT));
        bufferFrames.set(audio.bufferFrames());
        status.set(audio.engine().status().sentence());
    }

    /** The devices found, with the default first and "off" last. */
    public ObservableList<String> outputs() {
        return outputs;
    }

    /** The chosen output. */
    public StringProperty outputProperty() {
        return output;
    }

    /** The chosen device buffer in frames at 48 kHz. */
    public IntegerProperty bufferFramesProperty() {
        return bufferFrames;
    }

    /** The engine's sentence about where sound goes (or why it cannot). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How much the learner means to practise each day. */
    public ObjectProperty<DailyGoal> dailyGoalProperty() {
        return learner.dailyGoalProperty();
    }

    /** Level roving in ±dB, 0…{@value LearnerSettings#MAX_LEVEL_ROVE_DB}. */
    public DoubleProperty levelRoveDbProperty() {
        return learner.levelRoveDbProperty();
    }

    /** Whether the large projector scale is on. */
    public BooleanProperty largeScaleProperty() {
        return learner.largeScaleProperty();
    }

    /** The colour theme. */
    public ObjectProperty<Theme> themeProperty() {
        return learner.themeProperty();
    }

    /** The keyboard shortcuts to list. */
    public List<Shortcuts.Shortcut> shortcuts() {
        return shortcuts;
    }

    /** The rove as the learner reads it, e.g. {@code "±1.5 dB"} or {@code "Off (as the lesson says)"}. */
    public static String describeRove(double roveDb) {
        return roveDb <= 0 ? "Off (as the lesson says)" : String.format(Locale.ROOT, "±%.1f dB", roveDb);
    }

    /** The buffer as a latency, e.g. {@code "2048 frames (43 ms)"}. */
    public static String describeBuffer(int frames) {
        return frames + " frames (" + Math.round(frames * 1000.0 / PlaybackEngine.SESSION_RATE_HZ) + " ms)";
    }

    /** Reopens the output with the chosen device and buffer and shows what the engine says. */
    public void apply() {
        String chosen = output.get();
        Optional<OutputDevice> device = devices.stream().filter(d -> d.name().equals(chosen)).findFirst();
        audio.reopen(device, bufferFrames.get(), OFF.equals(chosen));
        status.set(audio.engine().status().sentence());
    }
}
