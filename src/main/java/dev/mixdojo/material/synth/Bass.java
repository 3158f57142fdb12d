package dev.mixdojo.material.synth;

import java.util.List;

/**
 * A subtractive synth bass: a saw/square blend plus a sine at the fundamental (the sub), through
 * a resonant low-pass whose cutoff jumps up with velocity and decays back (a filter envelope).
 */
final class Bass implements Instrument {
    /** Filter coefficients are recomputed every this many frames (control rate). */
    private static final int CONTROL_FRAMES = 16;
    private final double cutoffHz;
    private final double envelopeOctaves;
    private final double filterDecayMultiplier;
    private final double square;
    private final double sub;
    private final double resonance;
    private final double releaseS;

    Bass(SoundParams params) {
        cutoffHz = params.get("cutoffHz");
        envelopeOctaves = params.get("envelopeOctaves");
        filterDecayMultiplier = StrictMath.pow(SynthMath.decayPerSample(params.get("filterDecayMs") / 1000), CONTROL_FRAMES);
        square = params.get("square");
        sub = params.get("sub");
        resonance = params.get("resonance");
        releaseS = params.get("releaseMs") / 1000;
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Adsr amp = new Adsr(0.004, 0.6, 0.75, releaseS);
        Svf filter = new Svf();
        for (Note note : notes) {
            amp.start(note.lengthFrames());
            filter.reset();
            int length = Instrument.available(note, out, amp.lengthFrames());
            double frequency = SynthMath.midiToHz(note.midiPitch());
            double increment = frequency / SynthMath.SAMPLE_RATE_HZ;
            double amplitude = Instrument.amplitude(note.velocity());
            double sweep = envelopeOctaves * note.velocity();
            double phase = 0;
            int start = (int) note.startFrame();
            for (int i = 0; i < length; i++) {
                if (i % CONTROL_FRAMES == 0) {
                    filter.set(cutoffHz * SynthMath.exp2(sweep), resonance);
                    sweep *= filterDecayMultiplier;
                }
                double tone = (1 - square) * SynthMath.saw(phase, increment) + square * SynthMath.square(phase, increment);
                double sample = filter.lowPass(tone) + sub * SynthMath.sine(phase);
                phase += increment;
                if (phase >= 1) {
                    phase -= 1;
                }
                mono[start + i] += (float) (amplitude * 0.6 * sample * amp.next());
            }
        }
    }
}
