package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.progress.DailyGoal;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The learner's settings as they are kept between sessions: level rove, large scale, theme, the
 * audio output (device, or the system default, or off; buffer size) and the daily goal.
 *
 * @param levelRoveDb level rove in ±dB, 0…{@value LearnerSettings#MAX_LEVEL_ROVE_DB}
 * @param largeScale whether the large projector scale is on
 * @param theme the colour theme
 * @param outputDevice the output device's name; empty for the system default
 * @param soundOff whether sound is switched off in Settings
 * @param bufferFrames the device buffer in frames at 48 kHz, one of {@link AudioOutput#BUFFER_SIZES_FRAMES}
 * @param dailyGoal how much the learner means to practise each day
 */
public record SavedSettings(double levelRoveDb, boolean largeScale, Theme theme, Optional<String> outputDevice,
        boolean soundOff, int bufferFrames, DailyGoal dailyGoal) {
    /** What a learner gets before changing anything. */
    public static final SavedSettings DEFAULTS = new SavedSettings(0, false, Theme.LIGHT, Optional.empty(), false,
            PlaybackEngine.DEFAULT_BUFFER_FRAMES, DailyGoal.DEFAULT);

    /** Checks each value's range. */
    public SavedSettings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(dailyGoal, "dailyGoal");
        Objects.requireNonNull(outputDevice, "outputDevice");
        if (!isRove(levelRoveDb)) {
            throw new IllegalArgumentException("level rove must be 0 to " + LearnerSettings.MAX_LEVEL_ROVE_DB
                    + " dB, got " + levelRoveDb);
        }
        if (!isBufferSize(bufferFrames)) {
            throw new IllegalArgumentException("buffer must be one of " + Arrays.toString(AudioOutput.BUFFER_SIZES_FRAMES)
                    + " frames, got " + bufferFrames);
        }
        if (outputDevice.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("an output device needs a name");
        }
    }

    /** Whether {@code roveDb} is a level rove the drills accept. */
    static boolean isRove(double roveDb) {
        return roveDb >= 0 && roveDb <= LearnerSettings.MAX_LEVEL_ROVE_DB;
    }

    /** Whether {@code frames} is one of the buffer sizes Settings offers. */
    static boolean isBufferSize(int frames) {
        return Arrays.stream(AudioOutput.BUFFER_SIZES_FRAMES).anyMatch(size -> size == frames);
    }

    /** These settings with another level rove, scale, theme and daily goal. */
    SavedSettings withLook(double roveDb, boolean large, Theme chosenTheme, DailyGoal goal) {
        return new SavedSettings(roveDb, large, chosenTheme, outputDevice, soundOff, bufferFrames, goal);
    }

    /** These settings with another audio output. */
    SavedSettings withOutput(Optional<String> device, boolean off, int frames) {
        return new SavedSettings(levelRoveDb, largeScale, theme, device, off, frames, dailyGoal);
    }
}
