package dev.mixdojo.ui.settings;

import dev.mixdojo.audio.playback.OutputDevice;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.AudioOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audio output settings: which device, which buffer size, and what the engine says. */
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

    public SettingsViewModel(AudioOutput audio, List<OutputDevice> devices) {
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
