package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.VocabularyName;

/**
 * How a panner splits a mono source between left and right; position −1 (left) … +1 (right).
 * Constant power: θ = (p + 1)·π/4, L = cos θ, R = sin θ. Linear: L = (1 − p)/2, R = (1 + p)/2.
 * −4.5 dB: the geometric mean of the two, L = √((1 − p)/2 · cos θ).
 */
public enum PanLaw implements VocabularyName {
    /** −3 dB at centre: loudness stays even across the sweep on speakers; the usual DAW default. */
    CONSTANT_POWER("constant-power"),
    /** −4.5 dB at centre: a compromise, slightly quieter in the middle than constant power, louder than linear. */
    MINUS_4_5_DB("minus-4.5db"),
    /** −6 dB at centre: sums to constant level in mono, but dips in the middle on speakers. */
    LINEAR("linear");

    private final String vocabularyName;

    PanLaw(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    @Override
    public String vocabularyName() {
        return vocabularyName;
    }


    /** Linear gain of the left output for {@code position} −1…1. */
    public double leftGain(double position) {
        return gain(-position);
    }

    /** Linear gain of the right output for {@code position} −1…1. */
    public double rightGain(double position) {
        return gain(position);
    }

    /** Gain of the side that {@code position} moves towards (right gain for p, left gain for −p). */
    private double gain(double p) {
        double linear = (1 + p) / 2;
        double power = Math.sin((p + 1) * Math.PI / 4);
        return switch (this) {
            case CONSTANT_POWER -> power;
            case LINEAR -> linear;
            case MINUS_4_5_DB -> Math.sqrt(linear * power);
        };
    }
}
