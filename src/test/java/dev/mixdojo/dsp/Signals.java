package dev.mixdojo.dsp;

import java.util.Random;

/** Test signals and measurements shared by the DSP tests. */
public final class Signals {
    private Signals() {
    }

    /** A sine of {@code peakDb} dBFS peak amplitude, starting at phase 0. */
    public static float[] sine(double frequencyHz, double peakDb, int frames, double sampleRateHz) {
        float[] x = new float[frames];
        double a = Math.pow(10, peakDb / 20);
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (a * Math.sin(2 * Math.PI * frequencyHz * i / sampleRateHz));
        }
        return x;
    }

    /** Seeded uniform white noise in [-amplitude, amplitude]. */
    public static float[] noise(long seed, int frames, double amplitude) {
        Random random = new Random(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
        }
        return x;
    }

    /** RMS level in dBFS of x[from…to). */
    public static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }

    /** Peak level in dBFS of x[from…to). */
    public static double peakDb(float[] x, int from, int to) {
        double max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(x[i]));
        }
        return 20 * Math.log10(max);
    }

    /** Runs a prepared processor over whole channels in one block. */
    public static void run(Processor processor, float[][] channels) {
        processor.process(new AudioBlock(channels, 0, channels[0].length));
    }

    /** Prepares a processor for 48 kHz, blocks up to {@code maxBlock}, {@code channels} channels. */
    public static <P extends Processor> P prepared(P processor, int maxBlock, int channels) {
        processor.prepare(new ProcessSpec(48000, maxBlock, channels));
        return processor;
    }
}
