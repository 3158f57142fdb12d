package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;

/** Level helpers for rendered material: peak measurement and normalisation (in place). */
final class Levels {
    /**
     * The peak every rendered stem and mix is normalised to, in dBFS of sample peak. 3 dB below
     * full scale leaves room for inter-sample peaks (true peak ≤ -1 dBTP).
     */
    static final double TARGET_PEAK_DB = -3.0;

    private Levels() {
    }

    /** The largest absolute sample of all channels. */
    static double samplePeak(AudioBuffer buffer) {
        double peak = 0;
        for (float[] channel : buffer.channels()) {
            for (float sample : channel) {
                peak = Math.max(peak, Math.abs(sample));
            }
        }
        return peak;
    }

    /** Scales the buffer so its peak sits at {@link #TARGET_PEAK_DB}; silence stays silent. */
    static void normalise(AudioBuffer buffer) {
        double peak = samplePeak(buffer);
        if (peak == 0) {
            return;
        }
        float gain = (float) (StrictMath.pow(10, TARGET_PEAK_DB / 20) / peak);
        for (float[] channel : buffer.channels()) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] *= gain;
            }
        }
    }
}
