package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.automation.Param;

/**
 * Stereo balance toward a position −1…1 ({@link BalanceSettings}): the far side turned down by
 * 1 − |p|, the near side untouched; ramped over 20 ms when moved.
 */
public final class Balance extends StereoSampleProcessor {
    /** A balance starting at {@code position}. */
    public Balance(Param position) {
        super(position);
    }

    /** Moves to a new position (−1…1, or automated); the change is ramped. Any thread. */
    public void setPosition(Param position) {
        set(position);
    }

    @Override
    void apply(float[] left, float[] right, int i, double p) {
        left[i] = (float) (left[i] * Math.min(1, 1 - p));
        right[i] = (float) (right[i] * Math.min(1, 1 + p));
    }
}
