package dev.mixdojo.analysis.loudness;

import dev.mixdojo.analysis.Levels;

/**
 * The true peak of a whole buffer on its own, for callers that need only a ceiling check: the
 * 8× reading {@link LoudnessMeter} reports, or a cheaper 4× reading with a proven bound on how
 * much higher the 8× one can be. Thread-safe (each call has its own meter).
 */
public final class TruePeak {
    /**
     * How far (dB) the 8× true peak can lie above the 4× one. A signal band-limited to B has
     * |x''| ≤ (2πB)²·max|x| (Bernstein), so within T/2 of its peak a 4× sample (T = 1/(4·fs),
     * B ≤ fs/2) reads at least max|x|·(1 − (π/8)²/2): 0.70 dB below it at worst. 0.3 dB more
     * covers the interpolation filter's own error (its passband ripple and the finite taps);
     * {@code TruePeakTest} checks the bound on sines up to 23 kHz and on noise.
     */
    public static final double FOUR_TIMES_UNDER_READ_DB = 1.0;

    private TruePeak() {
    }

    /** The largest sample or 8×-interpolated magnitude over all channels, in dBTP. */
    public static double eightTimesDbtp(float[][] channels, int frames) {
        return dbtp(channels, frames, TruePeakMeter.FACTOR);
    }

    /** The largest sample or 4×-interpolated magnitude over all channels, in dBTP (see {@link #FOUR_TIMES_UNDER_READ_DB}). */
    public static double fourTimesDbtp(float[][] channels, int frames) {
        return dbtp(channels, frames, TruePeakMeter.FACTOR / 2);
    }

    private static double dbtp(float[][] channels, int frames, int factor) {
        TruePeakMeter meter = new TruePeakMeter(channels.length, factor);
        double[] channelPeaks = new double[channels.length];
        meter.process(channels, frames, null, null, channelPeaks);
        meter.flush(channelPeaks);
        double peak = 0;
        for (int c = 0; c < channels.length; c++) {
            peak = Math.max(peak, channelPeaks[c]);
            for (int i = 0; i < frames; i++) {
                peak = Math.max(peak, Math.abs(channels[c][i]));
            }
        }
        return Levels.amplitudeToDb(peak);
    }
}
