package dev.mixdojo.mix;

/**
 * How the meters move: a peak that jumps up at once and falls 20 dB in 1.5 s (a type I peak programme
 * meter, IEC 60268-10), and a mean square averaged with a 300 ms time constant (the integration time of
 * a VU meter). Per stretch of n frames, so the readings do not depend on how audio is cut into blocks
 * except for rounding. Immutable.
 */
final class Ballistics {
    /** How fast a peak reading falls, in dB per second. */
    static final double PEAK_FALL_DB_PER_S = 20 / 1.5;
    /** The time constant of the RMS reading, in seconds. */
    static final double RMS_TIME_S = 0.3;

    private final double fallPerFrame;
    private final double keepPerFrame;

    Ballistics(double sampleRateHz) {
        fallPerFrame = Math.pow(10, -PEAK_FALL_DB_PER_S / 20 / sampleRateHz);
        keepPerFrame = Math.exp(-1 / (RMS_TIME_S * sampleRateHz));
    }

    /** The peak reading after {@code frames} frames whose largest magnitude is {@code largest}. */
    double peak(double reading, double largest, int frames) {
        return Math.max(largest, reading * Math.pow(fallPerFrame, frames));
    }

    /** The mean-square reading after {@code frames} frames whose own mean square is {@code stretchMeanSquare}. */
    double meanSquare(double reading, double stretchMeanSquare, int frames) {
        double keep = Math.pow(keepPerFrame, frames);
        return reading * keep + stretchMeanSquare * (1 - keep);
    }
}
