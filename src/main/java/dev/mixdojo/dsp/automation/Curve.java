package dev.mixdojo.dsp.automation;

import dev.mixdojo.dsp.VocabularyName;

/** How an envelope moves between two breakpoints. */
public enum Curve implements VocabularyName {
    /** Straight line between the points. */
    LINEAR("linear"),
    /** Smoothstep (3t² − 2t³): starts and ends each segment with zero slope, so corners are rounded. */
    SMOOTH("smooth");

    private final String vocabularyName;

    Curve(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    @Override
    public String vocabularyName() {
        return vocabularyName;
    }

    /** How far (0…1) the value has moved at {@code fraction} (0…1) of the way from one point to the next. */
    double shape(double fraction) {
        return this == LINEAR ? fraction : fraction * fraction * (3 - 2 * fraction);
    }
}
