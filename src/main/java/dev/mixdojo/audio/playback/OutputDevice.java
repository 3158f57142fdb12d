package dev.mixdojo.audio.playback;

import java.util.Objects;

/**
 * A sound output device that can play 48 kHz stereo PCM, as Java Sound names and describes it.
 *
 * @param name the mixer's name, unique enough to choose it again (non-blank)
 * @param description the mixer's own description, possibly empty
 */
public record OutputDevice(String name, String description) {
    /** Checks that the name is present and not blank. */
    public OutputDevice {
        Objects.requireNonNull(description, "description");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an output device needs a name");
        }
    }
}
