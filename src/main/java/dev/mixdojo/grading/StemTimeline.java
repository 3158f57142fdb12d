package dev.mixdojo.grading;

import java.util.Arrays;

/**
 * How one stem's part of a mix moves over time, estimated from stems and mix; immutable (the arrays are copied).
 *
 * @param name          the stem's name
 * @param frameS        length of one analysis frame in seconds (frame k starts at k·frameS − frameS/2)
 * @param windowS       length of one automation window in seconds (window w starts at w·windowS − frameS/2)
 * @param frameLevelDb  the stem's level in the mix per frame, in dB on an arbitrary common scale; NaN where the stem is silent
 * @param windowGainDb  the stem's gain per window in dB (as {@link StemEstimate#gainDb()}); NaN where the stem is silent
 */
public record StemTimeline(String name, double frameS, double windowS, double[] frameLevelDb, double[] windowGainDb) {

    /** Copies the arrays. */
    public StemTimeline {
        frameLevelDb = frameLevelDb.clone();
        windowGainDb = windowGainDb.clone();
    }

    /** The frame levels (a copy). */
    @Override
    public double[] frameLevelDb() {
        return frameLevelDb.clone();
    }

    /** The window gains (a copy). */
    @Override
    public double[] windowGainDb() {
        return windowGainDb.clone();
    }

    /** Where window {@code w} starts, in seconds of the stems (clamped at 0). */
    public double windowStartS(int w) {
        return Math.max(0, w * windowS - frameS / 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StemTimeline t && name.equals(t.name) && frameS == t.frameS && windowS == t.windowS
                && Arrays.equals(frameLevelDb, t.frameLevelDb) && Arrays.equals(windowGainDb, t.windowGainDb);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(windowGainDb);
    }

    @Override
    public String toString() {
        return "StemTimeline[" + name + ", " + windowGainDb.length + " windows]";
    }
}
