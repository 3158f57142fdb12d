package dev.mixdojo.analysis;

/**
 * The two-stage BS.1770 K-weighting filter for several channels, with its memory; not
 * thread-safe. Channels are filtered two at a time in one loop so the processor overlaps their
 * feedback chains (the filter is latency-bound: one channel at a time runs at half the speed).
 */
public final class KWeighting {
    private final BiquadState[] shelf;
    private final BiquadState[] highPass;

    /** A filter at rest for {@code channelCount} channels at the given sample rate. */
    public KWeighting(int channelCount, double sampleRateHz) {
        shelf = new BiquadState[channelCount];
        highPass = new BiquadState[channelCount];
        Biquad stage1 = Biquad.kWeightingShelf(sampleRateHz);
        Biquad stage2 = Biquad.kWeightingHighPass(sampleRateHz);
        for (int c = 0; c < channelCount; c++) {
            shelf[c] = new BiquadState(stage1);
            highPass[c] = new BiquadState(stage2);
        }
    }

    /** Clears the filters' memory, as a filter at rest. */
    public void reset() {
        for (int c = 0; c < shelf.length; c++) {
            shelf[c].reset();
            highPass[c].reset();
        }
    }

    /** Filters {@code frames} samples of each {@code channels[c]} in place (channels the length of the channel count). */
    public void process(double[][] channels, int frames) {
        int c = 0;
        for (; c + 1 < channels.length; c += 2) {
            BiquadState.cascadePair(shelf[c], highPass[c], channels[c], shelf[c + 1], highPass[c + 1], channels[c + 1], frames);
        }
        if (c < channels.length) {
            BiquadState.cascade(shelf[c], highPass[c], channels[c], channels[c], frames);
        }
    }
}
