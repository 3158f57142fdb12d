package dev.mixdojo.analysis;

/** Conversions between linear quantities and decibels, and the peak of samples; pure and thread-safe. */
public final class Levels {
    private Levels() {
    }

    /** 10·log10(power), or negative infinity for zero power. */
    public static double powerToDb(double power) {
        return power > 0 ? 10.0 * Math.log10(power) : Double.NEGATIVE_INFINITY;
    }

    /** 20·log10(|amplitude|), or negative infinity for zero. */
    public static double amplitudeToDb(double amplitude) {
        return amplitude != 0 ? 20.0 * Math.log10(Math.abs(amplitude)) : Double.NEGATIVE_INFINITY;
    }

    /** The linear amplitude of a level in dB. */
    public static double dbToAmplitude(double levelDb) {
        return Math.pow(10.0, levelDb / 20.0);
    }

    /** The linear power of a level in dB. */
    public static double dbToPower(double levelDb) {
        return Math.pow(10.0, levelDb / 10.0);
    }

    /** The largest |x[i]| for from ≤ i &lt; to (0 for an empty range). */
    public static float peakMagnitude(float[] x, int from, int to) {
        float peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }
}
