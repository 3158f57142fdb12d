package dev.mixdojo.material.synth;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.time.Reverb;
import dev.mixdojo.dsp.time.ReverbSettings;

/**
 * A room/overhead microphone pair for the drums: the dry drums arrive late and dull (distance),
 * then a set of early reflections with different delays per side (so the pair is stereo), then
 * a short diffuse tail from the project's FDN reverb ({@link Reverb}, wet only). The reflections
 * are what make a room mic sound like a room mic; the tail is the room's decay.
 */
public final class Room {
    /** Reflection delays in ms for a 1× room, left and right (a shoebox with the pair off-centre). */
    private static final double[][] REFLECTION_MS = {
        {3.1, 7.3, 11.9, 14.2, 19.7, 23.3, 29.1, 34.9, 41.3, 47.9},
        {4.3, 8.9, 12.7, 16.6, 21.1, 26.2, 31.7, 37.3, 43.9, 51.1},
    };
    private final double size;
    private final double damping;
    private final double tail;
    private final double decayS;
    private final double direct;

    /** A room with the given params (model {@link InstrumentModel#ROOM}). */
    public Room(SoundParams params) {
        if (params.model() != InstrumentModel.ROOM) {
            throw new IllegalArgumentException("room params expected, got " + params.model());
        }
        size = params.get("size");
        damping = params.get("damping");
        tail = params.get("tail");
        decayS = params.get("decayS");
        direct = params.get("direct");
    }

    /** Renders the room pair of a mono drum sum into {@code out} (two channels, same length). */
    public void render(float[] drums, float[][] out) {
        int frames = drums.length;
        // Distance dulls the direct sound: a one-pole low-pass lower with more damping.
        double cutoffHz = 9000 - 6000 * damping;
        double coefficient = 1 - StrictMath.exp(-2 * StrictMath.PI * cutoffHz / SynthMath.SAMPLE_RATE_HZ);
        float[] dull = new float[frames];
        double state = 0;
        for (int i = 0; i < frames; i++) {
            state += coefficient * (drums[i] - state);
            dull[i] = (float) state;
        }
        for (int side = 0; side < 2; side++) {
            float[] channel = out[side];
            int directDelay = SynthMath.frames(0.002 * size) + side * SynthMath.frames(0.0004);
            for (int i = directDelay; i < frames; i++) {
                channel[i] += (float) (direct * dull[i - directDelay]);
            }
            double[] taps = REFLECTION_MS[side];
            for (int t = 0; t < taps.length; t++) {
                int delay = SynthMath.frames(taps[t] * size / 1000);
                double gain = (t % 2 == 0 ? 0.55 : -0.45) / (1 + taps[t] / 12.0);
                for (int i = delay; i < frames; i++) {
                    channel[i] += (float) (gain * dull[i - delay]);
                }
            }
        }
        if (tail > 0) {
            // The tail starts after the first reflections (predelay) in a room of matching size.
            float[][] wet = {dull.clone(), dull.clone()};
            Reverb reverb = new Reverb(ReverbSettings.of(decayS, 12 * size, damping, Math.min(1, size / 2), 1.0));
            reverb.prepare(new ProcessSpec(SynthMath.SAMPLE_RATE_HZ, frames, 2));
            reverb.process(new AudioBlock(wet, 0, frames));
            for (int side = 0; side < 2; side++) {
                for (int i = 0; i < frames; i++) {
                    out[side][i] += (float) (tail * wet[side][i]);
                }
            }
        }
    }
}
