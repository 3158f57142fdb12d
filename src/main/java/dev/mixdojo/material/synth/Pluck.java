package dev.mixdojo.material.synth;

import java.util.List;

/**
 * A plucked string by the Karplus–Strong algorithm (Karplus & Strong 1983; Jaffe & Smith 1983
 * for the loss factor and tuning): a noise burst circulating in a delay line one period long
 * through a two-point average. Releasing the key damps the string.
 */
final class Pluck implements Instrument {
    private final double decayS;
    private final double brightness;
    private final double releaseS;
    private final Noise noise;

    Pluck(SoundParams params, long seed) {
        decayS = params.get("decayS");
        brightness = params.get("brightness");
        releaseS = params.get("releaseMs") / 1000;
        noise = new Noise(seed);
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Adsr amp = new Adsr(0.001, 100, 1, releaseS);
        for (Note note : notes) {
            double frequency = SynthMath.midiToHz(note.midiPitch());
            // The two-point average delays by half a sample; the rest of the period is the line.
            double period = SynthMath.SAMPLE_RATE_HZ / frequency - 0.5;
            int size = (int) StrictMath.ceil(period);
            // line[read] is size samples old, line[next] size - 1: interpolating gives the fraction.
            double fraction = size - period;
            double[] line = new double[size];
            double smoothing = 1 - 0.85 * (brightness * 0.6 + note.velocity() * 0.4);
            double previous = 0;
            for (int k = 0; k < line.length; k++) {
                previous = previous * smoothing + (1 - smoothing) * noise.white();
                line[k] = previous;
            }
            double loss = StrictMath.exp(-1.0 / (frequency * decayS));
            int gate = (int) Math.min(note.lengthFrames(), SynthMath.frames(decayS * StrictMath.log(1000)));
            amp.start(gate);
            int frames = Instrument.available(note, out, amp.lengthFrames());
            double amplitude = 0.9 * Instrument.amplitude(note.velocity());
            int read = 0;
            int start = (int) note.startFrame();
            double last = 0;
            for (int i = 0; i < frames; i++) {
                int next = read + 1 == size ? 0 : read + 1;
                double delayed = line[read] * (1 - fraction) + line[next] * fraction;
                double output = loss * 0.5 * (delayed + last);
                last = delayed;
                line[read] = output;
                read = next;
                mono[start + i] += (float) (amplitude * output * amp.next());
            }
        }
    }
}
