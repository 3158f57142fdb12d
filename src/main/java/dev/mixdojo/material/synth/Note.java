package dev.mixdojo.material.synth;

/**
 * One note or drum hit for an instrument: start and gate length in frames at 48 kHz, pitch as a
 * (fractional) MIDI note number, velocity 0…1 and a variant whose meaning belongs to the
 * instrument (hi-hat: 1 = open; voice: vowel index; others ignore it).
 */
public record Note(long startFrame, int lengthFrames, double midiPitch, double velocity, int variant) {
    /** Validates ranges. */
    public Note {
        if (startFrame < 0 || lengthFrames < 1) {
            throw new IllegalArgumentException("a note needs a start ≥ 0 and a length ≥ 1 frame");
        }
        if (!(velocity >= 0 && velocity <= 1)) {
            throw new IllegalArgumentException("velocity must be 0…1, got " + velocity);
        }
    }

    /** The frame just after the gate ends. */
    public long endFrame() {
        return startFrame + lengthFrames;
    }
}
