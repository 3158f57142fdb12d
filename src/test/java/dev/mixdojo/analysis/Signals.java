package dev.mixdojo.analysis;

import java.util.Arrays;
import java.util.Random;

/** Synthesised test signals (non-interleaved channels) for the analysis tests. */
public final class Signals {
    private Signals() {
    }

    /** A sine of the given peak level in dBFS, frequency and start phase (radians). */
    public static float[] sine(double frequencyHz, double peakDbfs, double durationS, int sampleRateHz, double phaseRad) {
        int frames = (int) Math.round(durationS * sampleRateHz);
        float[] out = new float[frames];
        double amplitude = Math.pow(10, peakDbfs / 20);
        for (int i = 0; i < frames; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * i / sampleRateHz + phaseRad));
        }
        return out;
    }

    /** A 1 kHz sine at the given peak level, starting at phase 0. */
    public static float[] tone(double peakDbfs, double durationS, int sampleRateHz) {
        return sine(1000, peakDbfs, durationS, sampleRateHz, 0);
    }

    /** The signal with a raised-cosine fade in and out of the given length, in place; returns it. */
    public static float[] faded(float[] signal, double fadeS, int sampleRateHz) {
        int n = (int) Math.round(fadeS * sampleRateHz);
        for (int i = 0; i < n && i < signal.length; i++) {
            float gain = (float) (0.5 - 0.5 * Math.cos(Math.PI * i / n));
            signal[i] *= gain;
            signal[signal.length - 1 - i] *= gain;
        }
        return signal;
    }

    /** Silence of the given duration. */
    public static float[] silence(double durationS, int sampleRateHz) {
        return new float[(int) Math.round(durationS * sampleRateHz)];
    }

    /** The parts one after another. */
    public static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] out = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** The same signal on {@code channels} channels (copies). */
    public static float[][] inPhase(float[] mono, int channels) {
        float[][] out = new float[channels][];
        for (int c = 0; c < channels; c++) {
            out[c] = Arrays.copyOf(mono, mono.length);
        }
        return out;
    }

    /** Gaussian white noise of the given RMS level in dBFS. */
    public static float[] whiteNoise(double rmsDbfs, double durationS, int sampleRateHz, long seed) {
        Random random = new Random(seed);
        int frames = (int) Math.round(durationS * sampleRateHz);
        float[] out = new float[frames];
        double sigma = Math.pow(10, rmsDbfs / 20);
        for (int i = 0; i < frames; i++) {
            out[i] = (float) (sigma * random.nextGaussian());
        }
        return out;
    }

    /** Pink noise (Paul Kellett's refined filter on white noise, −3 dB/octave within ±0.05 dB above 9 Hz at 44.1 kHz). */
    public static float[] pinkNoise(double durationS, int sampleRateHz, long seed) {
        Random random = new Random(seed);
        int frames = (int) Math.round(durationS * sampleRateHz);
        float[] out = new float[frames];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (int i = 0; i < frames; i++) {
            double white = random.nextGaussian() * 0.05;
            b0 = 0.99886 * b0 + white * 0.0555179;
            b1 = 0.99332 * b1 + white * 0.0750759;
            b2 = 0.96900 * b2 + white * 0.1538520;
            b3 = 0.86650 * b3 + white * 0.3104856;
            b4 = 0.55000 * b4 + white * 0.5329522;
            b5 = -0.7616 * b5 - white * 0.0168980;
            out[i] = (float) (b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362);
            b6 = white * 0.115926;
        }
        return out;
    }

    /** Feeds the channels to {@code sink} in blocks of {@code blockFrames} frames, as a file reader would. */
    public static void stream(float[][] channels, int blockFrames, BlockSink sink) {
        int frames = channels[0].length;
        float[][] block = new float[channels.length][blockFrames];
        for (int at = 0; at < frames; at += blockFrames) {
            int n = Math.min(blockFrames, frames - at);
            for (int c = 0; c < channels.length; c++) {
                System.arraycopy(channels[c], at, block[c], 0, n);
            }
            sink.accept(block, n);
        }
    }

    /** Receives blocks. */
    @FunctionalInterface
    public interface BlockSink {
        void accept(float[][] block, int frames);
    }
}
