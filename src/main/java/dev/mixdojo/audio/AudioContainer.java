package dev.mixdojo.audio;

/** The file formats MixDojo reads: WAV (RIFF, including BWF) and AIFF / AIFF-C. */
public enum AudioContainer {
    /** Microsoft RIFF WAVE, little-endian, including Broadcast WAVE (BWF). */
    WAV("WAV"),
    /** Apple AIFF, big-endian PCM. */
    AIFF("AIFF"),
    /** Apple AIFF-C, the AIFF variant with a compression type (NONE, sowt, fl32, fl64, …). */
    AIFF_C("AIFF-C");

    private final String label;

    AudioContainer(String label) {
        this.label = label;
    }

    /** The name a person knows the format by, e.g. {@code "AIFF-C"}. */
    public String label() {
        return label;
    }
}
