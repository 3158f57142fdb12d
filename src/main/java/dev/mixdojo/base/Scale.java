package dev.mixdojo.base;

/** How values are spaced along an answer's axis or a staircase's moves. */
public enum Scale {
    /** Equal steps add the same amount (decibels, pan, milliseconds of a delay). */
    LINEAR,
    /** Equal steps multiply by the same ratio (frequency, ratio, time constants); values are positive. */
    LOGARITHMIC;

    /** {@link #LOGARITHMIC} when {@code logarithmic}, else {@link #LINEAR} (for the files that store a flag). */
    public static Scale logarithmicIf(boolean logarithmic) {
        return logarithmic ? LOGARITHMIC : LINEAR;
    }
}
