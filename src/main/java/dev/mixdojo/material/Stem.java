package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;

/**
 * One stem of a multitrack: its name, role, audio (mono or stereo, 48 kHz) and its default balance
 * in the rough mix (gain in dB, pan -1 left … +1 right). The audio buffer is shared, not copied.
 */
public record Stem(String name, Role role, AudioBuffer audio, double gainDb, double pan) {
    /** Validates the balance. */
    public Stem {
        if (!(pan >= -1 && pan <= 1)) {
            throw new IllegalArgumentException("pan must be -1…1, got " + pan);
        }
        if (!Double.isFinite(gainDb)) {
            throw new IllegalArgumentException("gain must be finite");
        }
    }

    /** The same stem with other audio. */
    public Stem withAudio(AudioBuffer other) {
        return new Stem(name, role, other, gainDb, pan);
    }
}
