package dev.mixdojo.dsp;

import dev.mixdojo.audio.AudioBuffer;

/**
 * A window of {@code frames} samples starting at {@code start} in each of a set of channel arrays;
 * processors change the samples in place. Reusable: {@link #set} re-aims it without allocating.
 */
public final class AudioBlock {
    private float[][] channels;
    private int start;
    private int frames;

    /** A block over the given range of the channel arrays. */
    public AudioBlock(float[][] channels, int start, int frames) {
        set(channels, start, frames);
    }

    /** A block over the whole of a buffer. */
    public static AudioBlock of(AudioBuffer buffer) {
        return new AudioBlock(buffer.channels(), 0, buffer.frames());
    }

    /** Re-aims this block at another range; allocation-free, for the audio thread. */
    public AudioBlock set(float[][] channels, int start, int frames) {
        this.channels = channels;
        this.start = start;
        this.frames = frames;
        return this;
    }

    /** The full channel array; samples of this block are at {@code start() … start() + frames() - 1}. */
    public float[] channel(int index) {
        return channels[index];
    }

    /** How many channels the block has. */
    public int channelCount() {
        return channels.length;
    }

    /** Index of the block's first sample in each channel array. */
    public int start() {
        return start;
    }

    /** Number of samples per channel in this block. */
    public int frames() {
        return frames;
    }
}
