package dev.mixdojo.dsp;

/**
 * What a processor is prepared for: the sample rate in Hz, the largest block it will be given
 * (in frames) and the number of channels.
 */
public record ProcessSpec(double sampleRateHz, int maxBlockFrames, int channels) {
    public ProcessSpec {
        if (!(sampleRateHz > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRateHz);
        }
        if (maxBlockFrames < 1) {
            throw new IllegalArgumentException("max block frames must be at least 1, got " + maxBlockFrames);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
    }
}
