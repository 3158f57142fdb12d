package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.OutputDevice;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.progress.DailyGoal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The learner's choices that screens share: how far drills rove the playback level, the large
 * scale for projectors and the theme. Made by {@link #restore}, they last between sessions: they
 * are read from the {@link SettingsFile} at start-up and written whenever one of them (or the
 * audio output) changes. JavaFX thread only.
 */
public final class LearnerSettings {
    /** The largest level rove offered, in dB (the drill kinds accept up to ±3 dB). */
    public static final double MAX_LEVEL_ROVE_DB = 3;

    private final DoubleProperty levelRoveDb = new SimpleDoubleProperty(0);
    private final BooleanProperty largeScale = new SimpleBooleanProperty(false);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<DailyGoal> dailyGoal = new SimpleObjectProperty<>(DailyGoal.DEFAULT);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** Where changes are saved, once {@link #restore} has set it up (default settings are kept nowhere). */
    private SettingsFile file;
    /** What the file holds (or was last written with), the output included. */
    private SavedSettings saved;
    /** Whether the file could not be fully used, so it is copied aside before its first overwrite. */
    private boolean copyBeforeWrite;
    /** The sentence that the saved output device is missing, or empty. */
    private String deviceMissing = "";

    /** Default settings that are not kept anywhere (for screens shown on their own). */
    public LearnerSettings() {
    }

    /**
     * The settings kept in {@code directories}: applies what the file says (reopening {@code audio}
     * on the saved output when it differs, unless the command line asked for an output for this run,
     * a device or none: {@code askedDevice}), then saves every later change. A damaged file, values out of range or a
     * device no longer in {@code devices} give the defaults for those and a
     * {@link #noticeProperty() notice}; the file is left as it is until a setting changes.
     */
    public static LearnerSettings restore(UserDirectories directories, AudioOutput audio,
            Supplier<List<OutputDevice>> devices, Optional<String> askedDevice) {
        SettingsFile file = SettingsFile.in(directories);
        SettingsFile.Reading reading = file.read();
        SavedSettings saved = reading.settings();
        List<String> sentences = new ArrayList<>();
        reading.notice().ifPresent(sentences::add);

        Optional<OutputDevice> device = Optional.empty();
        String deviceMissing = "";
        if (askedDevice.isEmpty() && saved.outputDevice().isPresent() && !saved.soundOff()) {
            String wanted = saved.outputDevice().get();
            device = devices.get().stream().filter(d -> d.name().equals(wanted)).findFirst();
            if (device.isEmpty()) {
                deviceMissing = "The output device \"" + wanted + "\" named in " + file.path()
                        + " is not present, so MixDojo plays through the system default.";
                sentences.add(deviceMissing);
            }
        }
        boolean sameOutput = audio.switchedOff() == saved.soundOff() && audio.bufferFrames() == saved.bufferFrames()
                && audio.device().map(OutputDevice::name).equals(device.map(OutputDevice::name));
        if (askedDevice.isEmpty() && !sameOutput) {
            audio.reopen(device, saved.bufferFrames(), saved.soundOff());
        }

        LearnerSettings settings = new LearnerSettings();
        settings.levelRoveDb.set(saved.levelRoveDb());
        settings.largeScale.set(saved.largeScale());
        settings.theme.set(saved.theme());
        settings.dailyGoal.set(saved.dailyGoal());
        settings.notice.set(String.join(" ", sentences));
        settings.saveChangesTo(file, saved, audio, reading.notice().isPresent(), deviceMissing);
        return settings;
    }

    /**
     * Writes the settings each time one changes; the saved output stays as it was until the output is
     * reopened. A file that could not be fully used is first copied aside, so nothing in it is lost.
     */
    private void saveChangesTo(SettingsFile file, SavedSettings restored, AudioOutput audio, boolean keepOldFile,
            String deviceMissing) {
        this.file = file;
        this.saved = restored;
        this.copyBeforeWrite = keepOldFile;
        this.deviceMissing = deviceMissing;
        levelRoveDb.addListener((obs, old, now) -> save());
        largeScale.addListener((obs, old, now) -> save());
        theme.addListener((obs, old, now) -> save());
        dailyGoal.addListener((obs, old, now) -> save());
        audio.engineProperty().addListener((obs, old, engine) -> {
            saved = saved.withOutput(audio.device().map(OutputDevice::name), audio.switchedOff(), audio.bufferFrames());
            this.deviceMissing = ""; // an output was chosen
            save();
        });
    }

    /**
     * Writes the settings now. After a save the notice keeps only what is still true: that the saved
     * device is missing, until the learner picks an output.
     */
    private void save() {
        SavedSettings now = saved.withLook(levelRoveDb.get(), largeScale.get(), theme.get(), dailyGoal.get());
        try {
            if (copyBeforeWrite) {
                file.keepCopy();
                copyBeforeWrite = false;
            }
            file.write(now);
            saved = now;
            notice.set(deviceMissing);
        } catch (BadInputException e) {
            notice.set(e.getMessage() + " Your settings last only until MixDojo closes.");
        }
    }

    /**
     * Random level offset of both A and B per question, up to ± this many dB (0…3; 0 keeps what the
     * lesson sets). Roving by 1–2 dB stops loudness alone from giving the answer away.
     */
    public DoubleProperty levelRoveDbProperty() {
        return levelRoveDb;
    }

    /** Whether text and controls are drawn large enough to read on a projector. */
    public BooleanProperty largeScaleProperty() {
        return largeScale;
    }

    /** How much the learner means to practise each day (Home shows the day, the streak and the week against it). */
    public ObjectProperty<DailyGoal> dailyGoalProperty() {
        return dailyGoal;
    }

    /** The colour theme of the window. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /**
     * What could not be used of the saved settings (or why they could not be saved), one sentence
     * naming the file and the problem per problem; empty when all is well.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
