package dev.mixdojo.delivery;

/** The delivery rules of RESEARCH.md ("Preparing stems for a mix engineer"), each with its report key. */
public enum Rule {
    /** The file can be read as audio. */
    READABLE("readable"),
    /** 24-bit / 48 kHz WAV. */
    FORMAT("format"),
    /** Same frame count as the other stems. */
    LENGTH("length"),
    /** No leading silence that the other stems do not have (bounced from bar 1 beat 1). */
    START("start"),
    /** A name that says what the file is ("Guitar_Lead_Verse", not "Track 07"). */
    NAME("name"),
    /** A mono source is not sent as a two-channel file. */
    FALSE_STEREO("false-stereo"),
    /** The audio uses the bits the file declares (no 16-bit audio padded to 24). */
    PADDED_BITS("padded-bits"),
    /** No runs of full-scale samples. */
    CLIPPING("clipping"),
    /** No DC offset. */
    DC_OFFSET("dc-offset"),
    /** The file is not silent. */
    SILENT("silent"),
    /** Reverb and delay returns are delivered when the dry stems suggest there were some. */
    RETURNS("returns"),
    /** A notes file (txt, md, pdf, rtf) comes with the stems. */
    NOTES("notes"),
    /** A rough mix comes with the stems. */
    ROUGH_MIX("rough-mix");

    private final String key;

    Rule(String key) {
        this.key = key;
    }

    /** The stable name used in JSON and text reports, e.g. {@code false-stereo}. */
    public String key() {
        return key;
    }
}
