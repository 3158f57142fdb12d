package dev.mixdojo.material.synth;

import java.util.List;

/**
 * A synthesised hi-hat: white noise plus six square oscillators at the inharmonic ratios of the
 * TR-808 cymbal circuit, high-passed. Variant 1 is an open hat, which the next hit chokes.
 */
final class HiHat implements Instrument {
    /** The TR-808 metallic oscillator frequencies in Hz (Roland service notes). */
    private static final double[] METAL_HZ = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};
    private final double closedDecayS;
    private final double openDecayS;
    private final double highpassHz;
    private final double metallic;
    private final Noise noise;

    HiHat(SoundParams params, long seed) {
        closedDecayS = params.get("closedDecayMs") / 1000;
        openDecayS = params.get("openDecayMs") / 1000;
        highpassHz = params.get("highpassHz");
        metallic = params.get("metallic");
        noise = new Noise(seed);
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Adsr envelope = Adsr.percussive(0.0004, closedDecayS);
        Svf first = new Svf();
        Svf second = new Svf();
        first.set(highpassHz, 0.7);
        second.set(highpassHz * 1.2, 0.9);
        double[] phases = new double[METAL_HZ.length];
        double[] increments = new double[METAL_HZ.length];
        for (int m = 0; m < METAL_HZ.length; m++) {
            increments[m] = METAL_HZ[m] * 1.8 / SynthMath.SAMPLE_RATE_HZ;
        }
        for (int n = 0; n < notes.size(); n++) {
            Note note = notes.get(n);
            boolean open = note.variant() == 1;
            double decayS = open ? openDecayS : closedDecayS;
            Adsr shape = open ? Adsr.percussive(0.0004, decayS) : envelope;
            int gate = shape.percussiveGateFrames(decayS);
            if (n + 1 < notes.size()) {
                long untilNext = notes.get(n + 1).startFrame() - note.startFrame();
                gate = (int) Math.max(1, Math.min(gate, untilNext));
            }
            shape.start(gate);
            first.reset();
            second.reset();
            int length = Instrument.available(note, out, shape.lengthFrames());
            double amplitude = Instrument.amplitude(note.velocity());
            int start = (int) note.startFrame();
            for (int i = 0; i < length; i++) {
                double metal = 0;
                for (int m = 0; m < phases.length; m++) {
                    phases[m] += increments[m];
                    if (phases[m] >= 1) {
                        phases[m] -= 1;
                    }
                    metal += phases[m] < 0.5 ? 1 : -1;
                }
                double source = (1 - metallic) * noise.white() + metallic * metal / 6;
                double sample = second.highPass(first.highPass(source));
                mono[start + i] += (float) (amplitude * sample * shape.next());
            }
        }
    }
}
