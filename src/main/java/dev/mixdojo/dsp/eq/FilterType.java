package dev.mixdojo.dsp.eq;

import dev.mixdojo.dsp.VocabularyName;

/** The shapes an EQ band can take; each has its chain-vocabulary name. */
public enum FilterType implements VocabularyName {
    /** A bell: boosts or cuts around the frequency, width set by Q. */
    PEAK("peak", true, 1.0),
    /** Boosts or cuts everything below the frequency. */
    LOW_SHELF("lowshelf", true, 0.7071),
    /** Boosts or cuts everything above the frequency. */
    HIGH_SHELF("highshelf", true, 0.7071),
    /** Removes highs above the frequency, 12–48 dB per octave. */
    LOW_PASS("lowpass", false, 0.7071),
    /** Removes lows below the frequency, 12–48 dB per octave. */
    HIGH_PASS("highpass", false, 0.7071),
    /** Removes a narrow band around the frequency. */
    NOTCH("notch", false, 1.0),
    /** Keeps only a band around the frequency (0 dB at the centre). */
    BAND_PASS("bandpass", false, 1.0);

    private final String vocabularyName;
    private final boolean hasGain;
    private final double defaultQ;

    FilterType(String vocabularyName, boolean hasGain, double defaultQ) {
        this.vocabularyName = vocabularyName;
        this.hasGain = hasGain;
        this.defaultQ = defaultQ;
    }

    @Override
    public String vocabularyName() {
        return vocabularyName;
    }

    /** Whether {@code gainDb} means anything for this shape (peak and shelves). */
    public boolean hasGain() {
        return hasGain;
    }

    /** Whether the shape can be steeper than 12 dB per octave (low- and high-pass). */
    public boolean hasSlope() {
        return this == LOW_PASS || this == HIGH_PASS;
    }

    /** The Q used when a chain gives none. */
    public double defaultQ() {
        return defaultQ;
    }

}
