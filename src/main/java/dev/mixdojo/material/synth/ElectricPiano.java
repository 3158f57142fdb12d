package dev.mixdojo.material.synth;

import java.util.List;

/**
 * An FM electric piano (Chowning 1973): a sine carrier modulated at the same frequency with an
 * index that starts high and decays (the bright, bell-like attack mellowing), plus a short
 * high-ratio "tine" modulator; the amplitude decays like a struck tine while the key is held.
 */
final class ElectricPiano implements Instrument {
    /** The tine's modulator ratio (DX7 "E.PIANO 1" style, carrier:modulator 1:14). */
    private static final double TINE_RATIO = 14;
    private final double brightness;
    private final double decayS;
    private final double releaseS;

    ElectricPiano(SoundParams params) {
        brightness = params.get("brightness");
        decayS = params.get("decayS");
        releaseS = params.get("releaseMs") / 1000;
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Adsr amp = new Adsr(0.002, decayS, 0, releaseS);
        double indexDecay = SynthMath.decayPerSample(0.35);
        double tineDecay = SynthMath.decayPerSample(0.012);
        for (Note note : notes) {
            amp.start(note.lengthFrames());
            int length = Instrument.available(note, out, amp.lengthFrames());
            double frequency = SynthMath.midiToHz(note.midiPitch());
            double increment = frequency / SynthMath.SAMPLE_RATE_HZ;
            double amplitude = Instrument.amplitude(note.velocity());
            // Higher notes get a smaller index so the top of a chord does not turn harsh.
            double index = brightness * (0.6 + 1.6 * note.velocity()) * StrictMath.min(1.0, 400.0 / frequency);
            double tine = 0.8 * brightness * note.velocity();
            double carrier = 0;
            double modulator = 0;
            double tineModulator = 0;
            int start = (int) note.startFrame();
            for (int i = 0; i < length; i++) {
                double modulation = (index + 0.15) * SynthMath.sine(modulator) + tine * SynthMath.sine(tineModulator);
                double sample = SynthMath.sine(SynthMath.wrap(carrier + modulation / (2 * Math.PI)));
                index *= indexDecay;
                tine *= tineDecay;
                carrier += increment;
                if (carrier >= 1) {
                    carrier -= 1;
                }
                modulator = carrier;
                tineModulator = SynthMath.wrap(tineModulator + increment * TINE_RATIO);
                mono[start + i] += (float) (amplitude * 0.3 * sample * amp.next());
            }
        }
    }
}
