package dev.mixdojo.audio;

/** Test signals with known formulas. */
public final class Signals {
    private Signals() {
    }

    /** {@code amplitude·sin(2π·f·n/rate + phase)} on each channel, with a per-channel phase step of 0.5 rad. */
    public static AudioBuffer sine(int channels, int frames, int rateHz, double frequencyHz, double amplitude) {
        float[][] out = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int n = 0; n < frames; n++) {
                out[c][n] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * n / rateHz + 0.5 * c));
            }
        }
        return new AudioBuffer(out, rateHz);
    }

    /** Seeded uniform noise in -amplitude…amplitude. */
    public static AudioBuffer noise(int channels, int frames, int rateHz, double amplitude, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] out = new float[channels][frames];
        for (float[] channel : out) {
            for (int n = 0; n < frames; n++) {
                channel[n] = (float) (amplitude * (2 * random.nextDouble() - 1));
            }
        }
        return new AudioBuffer(out, rateHz);
    }
}
