package dev.mixdojo.grading;

import java.util.Locale;

/**
 * What a score item judges, with its unit and the just-noticeable difference of RESEARCH.md it is judged against.
 * An item is reported only above half its JND (the trained ear's lower end of the 0.5–1 dB ranges there).
 */
public enum Aspect {
    /** A stem's fader: level against the other stems. JND 1 dB (Olive; 0.5–1 dB, music takes the upper end). */
    LEVEL("dB", 1.0),
    /** A stem's pan as an interaural level difference. JND 1 dB near centre (Breebaart &amp; Faller). */
    PAN("dB ILD", 1.0),
    /** One EQ band on a stem, by its largest third-octave effect. JND 1 dB per band (the level JND, band by band). */
    EQ("dB", 1.0),
    /** A fader ride over part of the song, against the rest. JND 1 dB (a level change). */
    RIDE("dB", 1.0),
    /**
     * A stem's compression, as its loudness range (95th − 10th percentile of its frame levels). JND 2 dB: the range
     * compares loud and quiet moments, each with the 1 dB level JND. (RESEARCH.md: the amount of compression is audible.)
     */
    COMPRESSION("dB range", 2.0),
    /** A reverb send level. JND 1.1 dB: a send moves the late energy by its own change; C50 is just noticeable at 1.1 dB (Bradley 1999). */
    REVERB("dB", 1.1),
    /**
     * A delay send level. JND 1 dB: RESEARCH.md has no study of echo levels; a distinct echo (hundreds of ms after its
     * source) is heard as a quieter copy of its own, so it takes the level JND.
     */
    DELAY("dB", 1.0),
    /**
     * The whole mix bounced to mono against a stereo target. The error is the width lost as the side-to-mid energy
     * ratio; JND 2 dB (a ratio of two levels, each with the 1 dB level JND).
     */
    STEREO("dB side/mid", 2.0),
    /** The whole mix's loudness against the target's (reported, never scored: the balance between stems is). */
    LOUDNESS("LU", 1.0);

    private final String unit;
    private final double jnd;

    Aspect(String unit, double jnd) {
        this.unit = unit;
        this.jnd = jnd;
    }

    /** The word used in reports and challenge files, e.g. {@code level}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit of an error in this aspect. */
    public String unit() {
        return unit;
    }

    /** The just-noticeable difference, in {@link #unit()}. */
    public double jnd() {
        return jnd;
    }

    /** The smallest error reported: half the JND. */
    public double reportThreshold() {
        return jnd / 2;
    }
}
