package dev.mixdojo.material.synth;

import java.util.List;

/**
 * Renders notes into a stem offline at 48 kHz, adding into the given channels (as many as
 * {@link InstrumentModel#channels()}). Deterministic for a given seed; not thread-safe.
 */
public interface Instrument {

    /** Adds the notes (sorted by start) into {@code out}; sound past the end is dropped. */
    void render(List<Note> notes, float[][] out);

    /** A new instrument of the params' model; {@code seed} drives its noise sources. */
    static Instrument create(SoundParams params, long seed) {
        return switch (params.model()) {
            case KICK -> new Kick(params, seed);
            case SNARE -> new Snare(params, seed);
            case HIHAT -> new HiHat(params, seed);
            case BASS -> new Bass(params);
            case KEYS -> new ElectricPiano(params);
            case PAD -> new Pad(params);
            case PLUCK -> new Pluck(params, seed);
            case LEAD -> new Lead(params);
            case VOICE -> new FormantVoice(params, seed);
            case ROOM -> throw new IllegalArgumentException("the room renders drum stems, not notes: use Room");
        };
    }

    /** Frames a note can write before the end of the stem. */
    static int available(Note note, float[][] out, int wanted) {
        long room = out[0].length - note.startFrame();
        return (int) Math.max(0, Math.min(wanted, room));
    }

    /** The velocity curve: perceived loudness grows faster than linear with velocity. */
    static double amplitude(double velocity) {
        return velocity * velocity * 0.7 + velocity * 0.3;
    }
}
