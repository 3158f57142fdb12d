package dev.mixdojo.grading;

import java.util.Arrays;

/**
 * How one stem's part of a mix moves over time, estimated from stems and mix; immutable (the arrays are copied).
 * Levels are relative to the stem's level over the whole compared span, so a static mix reads 0 dB throughout.
 *
 * @param name          the stem's name
 * @param startS        where frame 0 (and window 0) starts, in seconds of the stems
 * @param frameS        length of one analysis frame in seconds
 * @param windowS       length of one automation window in seconds (a whole number of frames)
 * @param frameLevelDb  the stem's level in the mix per frame, in dB; NaN where the stem is silent
 * @param frameInputDb  the stem file's own energy per frame, in dB on an arbitrary scale; NaN where it is silent
 * @param windowLevelDb the stem's level in the mix per window, in dB; NaN where the stem is silent
 */
public record StemTimeline(String name, double startS, double frameS, double windowS, double[] frameLevelDb,
        double[] frameInputDb, double[] windowLevelDb) {

    /** Copies the arrays. */
    public StemTimeline {
        frameLevelDb = frameLevelDb.clone();
        frameInputDb = frameInputDb.clone();
        windowLevelDb = windowLevelDb.clone();
    }

    /** The frame levels (a copy). */
    @Override
    public double[] frameLevelDb() {
        return frameLevelDb.clone();
    }

    /** The stem's energy per frame (a copy). */
    @Override
    public double[] frameInputDb() {
        return frameInputDb.clone();
    }

    /** The window levels (a copy). */
    @Override
    public double[] windowLevelDb() {
        return windowLevelDb.clone();
    }

    /** Where window {@code w} starts, in seconds of the stems. */
    public double windowStartS(int w) {
        return startS + w * windowS;
    }

    /** Frames per window. */
    public int framesPerWindow() {
        return (int) Math.round(windowS / frameS);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StemTimeline t && name.equals(t.name) && startS == t.startS && frameS == t.frameS
                && windowS == t.windowS && Arrays.equals(frameLevelDb, t.frameLevelDb)
                && Arrays.equals(frameInputDb, t.frameInputDb) && Arrays.equals(windowLevelDb, t.windowLevelDb);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(windowLevelDb);
    }

    @Override
    public String toString() {
        return "StemTimeline[" + name + ", " + windowLevelDb.length + " windows]";
    }
}
