package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Objects;

/**
 * One stem as given to the mix: its name (the file name without extension) and its audio (mono or stereo); immutable reference.
 *
 * @param name  the stem's name, e.g. {@code Vocal_Lead}
 * @param audio the stem's samples, one or two channels
 */
public record StemAudio(String name, AudioBuffer audio) {

    /** Checks the name and that the stem has one or two channels. */
    public StemAudio {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a stem needs a name");
        }
        Objects.requireNonNull(audio, "audio");
        if (audio.channelCount() > 2) {
            throw new IllegalArgumentException("stem " + name + " has " + audio.channelCount() + " channels; 1 or 2 expected");
        }
    }
}
