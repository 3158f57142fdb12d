package dev.mixdojo.audio;

import java.util.Arrays;

/**
 * Audio in memory: non-interleaved float channels (nominal range -1…1) at one sample rate.
 * The arrays are shared, not copied: a buffer is a view that processors may change in place.
 */
public final class AudioBuffer {
    private final float[][] channels;
    private final int sampleRateHz;

    /** Wraps the given channels, which must all have the same length. */
    public AudioBuffer(float[][] channels, int sampleRateHz) {
        if (channels.length < 1) {
            throw new IllegalArgumentException("an audio buffer needs at least one channel");
        }
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
        }
        int frames = channels[0].length;
        for (float[] channel : channels) {
            if (channel.length != frames) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
        }
        this.channels = channels;
        this.sampleRateHz = sampleRateHz;
    }

    /** A silent buffer of the given shape. */
    public static AudioBuffer silence(int channelCount, int frames, int sampleRateHz) {
        return new AudioBuffer(new float[channelCount][frames], sampleRateHz);
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    public int channelCount() {
        return channels.length;
    }

    /** Samples per channel. */
    public int frames() {
        return channels[0].length;
    }

    public double durationS() {
        return frames() / (double) sampleRateHz;
    }

    /** The samples of one channel (0-based), shared with this buffer. */
    public float[] channel(int index) {
        return channels[index];
    }

    /** The mean of the squared samples over every channel (0 for an empty buffer). */
    public double meanSquare() {
        double sum = 0;
        for (float[] channel : channels) {
            for (float x : channel) {
                sum += (double) x * x;
            }
        }
        return sum / Math.max(1, (long) frames() * channelCount());
    }

    /** All channels, shared with this buffer. */
    public float[][] channels() {
        return channels;
    }

    /** A deep copy that shares nothing with this buffer. */
    public AudioBuffer copy() {
        float[][] copied = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            copied[c] = Arrays.copyOf(channels[c], channels[c].length);
        }
        return new AudioBuffer(copied, sampleRateHz);
    }

    /** The first {@code seconds} (this buffer itself when it is no longer), sharing nothing when cut. */
    public AudioBuffer opening(double seconds) {
        long frames = Math.round(seconds * sampleRateHz);
        if (frames >= frames()) {
            return this;
        }
        float[][] cut = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            cut[c] = Arrays.copyOf(channels[c], (int) Math.max(0, frames));
        }
        return new AudioBuffer(cut, sampleRateHz);
    }
}
