package dev.mixdojo.dsp.dynamics;

import dev.mixdojo.dsp.VocabularyName;

/** How the side-chain measures level before the gain computer. */
public enum Detector implements VocabularyName {
    /** Instantaneous sample magnitude: reacts to every transient. */
    PEAK("peak"),
    /** Mean square over a short window ({@code rmsMs}): follows loudness more than transients. */
    RMS("rms");

    private final String vocabularyName;

    Detector(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    @Override
    public String vocabularyName() {
        return vocabularyName;
    }

}
