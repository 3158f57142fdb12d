package dev.mixdojo.dsp.dynamics;

/** How the side-chain measures level before the gain computer. */
public enum Detector {
    /** Instantaneous sample magnitude: reacts to every transient. */
    PEAK("peak"),
    /** Mean square over a short window ({@code rmsMs}): follows loudness more than transients. */
    RMS("rms");

    private final String vocabularyName;

    Detector(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    /** The name used in chain files. */
    public String vocabularyName() {
        return vocabularyName;
    }

    /** The detector with the given chain-file name, or null if there is none. */
    public static Detector byName(String name) {
        for (Detector detector : values()) {
            if (detector.vocabularyName.equals(name)) {
                return detector;
            }
        }
        return null;
    }
}
