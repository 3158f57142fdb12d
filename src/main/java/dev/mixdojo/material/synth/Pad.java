package dev.mixdojo.material.synth;

import java.util.List;

/**
 * A stereo string-machine pad: three saws per note, detuned by ±detuneCents and spread left,
 * centre and right, with a slow attack and release, low-passed per channel. Brighter with
 * velocity.
 */
final class Pad implements Instrument {
    private static final int CONTROL_FRAMES = 64;
    private final double detuneCents;
    private final double attackS;
    private final double releaseS;
    private final double cutoffHz;
    private final double resonance;

    Pad(SoundParams params) {
        detuneCents = params.get("detuneCents");
        attackS = params.get("attackMs") / 1000;
        releaseS = params.get("releaseMs") / 1000;
        cutoffHz = params.get("cutoffHz");
        resonance = params.get("resonance");
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] left = out[0];
        float[] right = out[1];
        Envelope amp = new Envelope(attackS, 2.0, 0.85, releaseS);
        Svf filterLeft = new Svf();
        Svf filterRight = new Svf();
        double detune = StrictMath.pow(2, detuneCents / 1200);
        for (Note note : notes) {
            amp.start(note.lengthFrames());
            filterLeft.reset();
            filterRight.reset();
            double cutoff = cutoffHz * StrictMath.pow(2, 1.5 * (note.velocity() - 0.7));
            filterLeft.set(cutoff, resonance);
            filterRight.set(cutoff, resonance);
            int length = Instrument.available(note, out, amp.lengthFrames());
            double base = SynthMath.midiToHz(note.midiPitch()) / SynthMath.SAMPLE_RATE_HZ;
            double incrementLow = base / detune;
            double incrementHigh = base * detune;
            double amplitude = 0.22 * Instrument.amplitude(note.velocity());
            // Start the three saws at different phases so their sum does not begin with a spike.
            double phaseLow = 0.33;
            double phaseCentre = 0;
            double phaseHigh = 0.67;
            int start = (int) note.startFrame();
            for (int i = 0; i < length; i++) {
                double low = SynthMath.saw(phaseLow, incrementLow);
                double centre = SynthMath.saw(phaseCentre, base);
                double high = SynthMath.saw(phaseHigh, incrementHigh);
                phaseLow = advance(phaseLow, incrementLow);
                phaseCentre = advance(phaseCentre, base);
                phaseHigh = advance(phaseHigh, incrementHigh);
                double envelope = amplitude * amp.next();
                left[start + i] += (float) (envelope * filterLeft.lowPass(low + 0.7 * centre));
                right[start + i] += (float) (envelope * filterRight.lowPass(high + 0.7 * centre));
            }
        }
    }

    private static double advance(double phase, double increment) {
        double next = phase + increment;
        return next >= 1 ? next - 1 : next;
    }
}
