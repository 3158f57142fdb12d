package dev.mixdojo.audio.playback;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Random;

/** Test signals and measurements for the playback tests. */
final class Signals {
    static final int RATE_HZ = 48_000;

    private Signals() {
    }

    /** A mono sine of {@code frequencyHz} and peak {@code amplitude}, starting at phase 0. */
    static AudioBuffer sine(double frequencyHz, double amplitude, int frames) {
        float[] samples = new float[frames];
        for (int n = 0; n < frames; n++) {
            samples[n] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * n / RATE_HZ));
        }
        return new AudioBuffer(new float[][] {samples}, RATE_HZ);
    }

    /** A mono signal whose sample n is {@code sign · n / 2^20}: every frame's value names its index exactly. */
    static AudioBuffer counter(int frames, int sign) {
        float[] samples = new float[frames];
        for (int n = 0; n < frames; n++) {
            samples[n] = sign * n / (float) (1 << 20);
        }
        return new AudioBuffer(new float[][] {samples}, RATE_HZ);
    }

    /** Seeded uniform white noise of peak {@code amplitude}, one independent stream per channel. */
    static AudioBuffer noise(long seed, double amplitude, int channels, int frames) {
        Random random = new Random(seed);
        float[][] samples = new float[channels][frames];
        for (float[] channel : samples) {
            for (int n = 0; n < frames; n++) {
                channel[n] = (float) (amplitude * (2 * random.nextDouble() - 1));
            }
        }
        return new AudioBuffer(samples, RATE_HZ);
    }

    /** The channel's samples from {@code first} (inclusive) to {@code last} (exclusive) joined from several renders. */
    static float[] join(int channel, AudioBuffer... parts) {
        int total = 0;
        for (AudioBuffer part : parts) {
            total += part.frames();
        }
        float[] joined = new float[total];
        int at = 0;
        for (AudioBuffer part : parts) {
            System.arraycopy(part.channel(channel), 0, joined, at, part.frames());
            at += part.frames();
        }
        return joined;
    }

    /** The largest |x[n+1] - x[n]| for n in {@code from … to - 2}. */
    static double maxStep(float[] x, int from, int to) {
        double largest = 0;
        for (int n = from; n + 1 < to; n++) {
            largest = Math.max(largest, Math.abs(x[n + 1] - x[n]));
        }
        return largest;
    }

    static double maxStep(float[] x) {
        return maxStep(x, 0, x.length);
    }

    /** The first index ≥ {@code from} after which {@code actual[n] == expected[n]} (within 1e-7) up to {@code to}. */
    static int settledFrom(float[] actual, float[] expected, int from, int to) {
        int settled = to;
        while (settled > from && Math.abs(actual[settled - 1] - expected[settled - 1]) <= 1e-7) {
            settled--;
        }
        return settled;
    }
}
