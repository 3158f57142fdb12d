package dev.mixdojo.dsp.dynamics;

/** Where a dynamics processor's make-up gain comes from. */
public enum MakeUp {
    /** {@code makeupDb} as set. */
    MANUAL,
    /** The gain that brings a full-scale signal back to full scale ({@code makeupDb: auto} in a chain). */
    AUTO
}
