package dev.mixdojo.material.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes a monophonic line the way a singer or a mono synth plays it: notes closer than a small
 * gap join into a phrase played legato, pitch glides between notes, vibrato fades in on held
 * notes, and the loudness follows the velocities smoothly. Computes per-frame pitch (Hz) and
 * level (0…1) for one phrase at a time; not thread-safe.
 */
final class MelodicLine {
    /** Notes further apart than this start a new phrase. */
    static final int LEGATO_GAP_FRAMES = SynthMath.frames(0.03);
    private static final double VIBRATO_DELAY_S = 0.18;
    private static final double VIBRATO_RISE_S = 0.35;

    private final double glideS;
    private final double vibratoCents;
    private final double vibratoHz;
    private final double attackS;
    private final double releaseS;
    private final double scoopSemitones;

    MelodicLine(double glideS, double vibratoCents, double vibratoHz, double attackS, double releaseS, double scoopSemitones) {
        this.glideS = glideS;
        this.vibratoCents = vibratoCents;
        this.vibratoHz = vibratoHz;
        this.attackS = attackS;
        this.releaseS = releaseS;
        this.scoopSemitones = scoopSemitones;
    }

    /** Splits sorted notes into phrases of legato notes. */
    static List<List<Note>> phrases(List<Note> notes) {
        List<List<Note>> phrases = new ArrayList<>();
        List<Note> current = new ArrayList<>();
        for (Note note : notes) {
            if (!current.isEmpty() && note.startFrame() - current.get(current.size() - 1).endFrame() > LEGATO_GAP_FRAMES) {
                phrases.add(current);
                current = new ArrayList<>();
            }
            current.add(note);
        }
        if (!current.isEmpty()) {
            phrases.add(current);
        }
        return phrases;
    }

    /** Frames a phrase sounds for, release included. */
    int lengthFrames(List<Note> phrase) {
        Note last = phrase.get(phrase.size() - 1);
        return (int) (last.endFrame() - phrase.get(0).startFrame()) + SynthMath.frames(releaseS);
    }

    /**
     * Fills {@code frequencyHz} and {@code level} (each at least {@link #lengthFrames} long) for
     * the phrase, frame 0 being the phrase's first note onset; returns the frame count written.
     */
    int contour(List<Note> phrase, double[] frequencyHz, double[] level) {
        int length = lengthFrames(phrase);
        long origin = phrase.get(0).startFrame();
        int gateEnd = (int) (phrase.get(phrase.size() - 1).endFrame() - origin);
        double glide = glideS <= 0 ? 0 : SynthMath.decayPerSample(glideS / 3);
        double smooth = SynthMath.decayPerSample(0.02);
        Adsr envelope = new Adsr(attackS, 10, 1, releaseS);
        envelope.start(gateEnd);
        double pitch = phrase.get(0).midiPitch() - scoopSemitones;
        double loudness = phrase.get(0).velocity();
        double vibratoPhase = 0;
        double vibratoIncrement = vibratoHz / SynthMath.SAMPLE_RATE_HZ;
        int noteIndex = 0;
        long noteStart = 0;
        for (int i = 0; i < length; i++) {
            while (noteIndex + 1 < phrase.size() && phrase.get(noteIndex + 1).startFrame() - origin <= i) {
                noteIndex++;
                noteStart = i;
            }
            Note note = phrase.get(noteIndex);
            pitch = note.midiPitch() + (pitch - note.midiPitch()) * glide;
            loudness = note.velocity() + (loudness - note.velocity()) * smooth;
            double sinceOnset = (i - noteStart) / (double) SynthMath.SAMPLE_RATE_HZ;
            double depth = Math.min(1, Math.max(0, (sinceOnset - VIBRATO_DELAY_S) / VIBRATO_RISE_S));
            double vibrato = depth * vibratoCents / 100 * SynthMath.sine(vibratoPhase);
            vibratoPhase += vibratoIncrement;
            if (vibratoPhase >= 1) {
                vibratoPhase -= 1;
            }
            frequencyHz[i] = SynthMath.midiToHz(pitch + vibrato);
            level[i] = Instrument.amplitude(loudness) * envelope.next();
        }
        return length;
    }
}
