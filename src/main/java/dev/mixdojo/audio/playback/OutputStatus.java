package dev.mixdojo.audio.playback;

import java.util.Objects;

/**
 * Whether sound reaches a device, with one sentence for the user that says which device or why not.
 *
 * @param available true when audio goes to a real device, false when it goes to the silent sink
 * @param sentence one complete sentence for the user
 */
public record OutputStatus(boolean available, String sentence) {
    /** Checks that the sentence is present and not blank. */
    public OutputStatus {
        Objects.requireNonNull(sentence, "sentence");
        if (sentence.isBlank()) {
            throw new IllegalArgumentException("a status needs a sentence");
        }
    }

    /** Sound goes to the named device. */
    static OutputStatus playingThrough(String deviceName) {
        return new OutputStatus(true, "Playing through " + deviceName + ".");
    }

    /** No sound: {@code reason} is a clause without a final full stop, such as "no sound device here plays 48 kHz stereo PCM". */
    static OutputStatus unavailable(String reason) {
        return new OutputStatus(false, "No audio output available: " + reason
                + ". MixDojo runs on silently; analysis, grading and rendering still work.");
    }
}
