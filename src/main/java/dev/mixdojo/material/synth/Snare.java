package dev.mixdojo.material.synth;

import java.util.List;

/** A synthesised snare: two sine partials (drum head modes) with a small pitch drop plus band-limited noise (the wires). */
final class Snare implements Instrument {
    /** Ratio of the second head mode to the first (circular membrane modes 0,1 and 1,1: 1.59). */
    private static final double SECOND_MODE = 1.59;
    private final double toneHz;
    private final double toneDecayS;
    private final double noiseDecayS;
    private final double snappy;
    private final double noiseHz;
    private final Noise noise;

    Snare(SoundParams params, long seed) {
        toneHz = params.get("toneHz");
        toneDecayS = params.get("toneDecayMs") / 1000;
        noiseDecayS = params.get("noiseDecayMs") / 1000;
        snappy = params.get("snappy");
        noiseHz = params.get("noiseHz");
        noise = new Noise(seed);
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Adsr tone = Adsr.percussive(0.0008, toneDecayS);
        Adsr wires = Adsr.percussive(0.0008, noiseDecayS);
        Svf low = new Svf();
        Svf high = new Svf();
        low.set(noiseHz, 0.7);
        high.set(900, 0.7);
        double pitchDrop = SynthMath.decayPerSample(0.02);
        for (Note note : notes) {
            tone.start(tone.percussiveGateFrames(toneDecayS));
            wires.start(wires.percussiveGateFrames(noiseDecayS));
            low.reset();
            high.reset();
            int length = Instrument.available(note, out, Math.max(tone.lengthFrames(), wires.lengthFrames()));
            int toneLength = tone.lengthFrames();
            double amplitude = Instrument.amplitude(note.velocity());
            double phase1 = 0;
            double phase2 = 0;
            double bend = 0.25;
            int start = (int) note.startFrame();
            for (int i = 0; i < length; i++) {
                double body = 0;
                if (i < toneLength) {
                    double frequency = toneHz * (1 + bend);
                    bend *= pitchDrop;
                    body = (0.7 * SynthMath.sine(phase1) + 0.45 * SynthMath.sine(phase2)) * tone.next();
                    phase1 = SynthMath.wrap(phase1 + frequency / SynthMath.SAMPLE_RATE_HZ);
                    phase2 = SynthMath.wrap(phase2 + frequency * SECOND_MODE / SynthMath.SAMPLE_RATE_HZ);
                }
                double wire = high.highPass(low.lowPass(noise.white())) * wires.next();
                mono[start + i] += (float) (amplitude * ((1 - snappy) * body + snappy * 1.4 * wire));
            }
        }
    }
}
