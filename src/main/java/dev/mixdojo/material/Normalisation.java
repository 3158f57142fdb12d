package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;

/** Level helpers for rendered material: peak measurement and normalisation (in place). */
final class Normalisation {
    /**
     * The peak every rendered stem and mix is normalised to, in dBFS of sample peak. 3 dB below
     * full scale leaves room for inter-sample peaks (true peak ≤ -1 dBTP).
     */
    static final double TARGET_PEAK_DB = -3.0;

    private Normalisation() {
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

    /**
     * Removes DC with a one-pole DC blocker, y[n] = x[n] - x[n-1] + R·y[n-1], corner about 5 Hz
     * (J. O. Smith, "Introduction to Digital Filters", DC blocker): synthesised kicks and
     * pulse waves start asymmetrically and would otherwise leave an offset.
     */
    static void removeDc(AudioBuffer buffer) {
        double r = 1 - 2 * Math.PI * 5.0 / buffer.sampleRateHz();
        for (float[] channel : buffer.channels()) {
            double previousIn = 0;
            double previousOut = 0;
            for (int i = 0; i < channel.length; i++) {
                double in = channel[i];
                previousOut = in - previousIn + r * previousOut;
                previousIn = in;
                channel[i] = (float) previousOut;
            }
        }
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
