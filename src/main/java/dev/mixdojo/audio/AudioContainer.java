package dev.mixdojo.audio;

/**
 * The file formats MixDojo reads: WAV (RIFF, including BWF) and AIFF / AIFF-C as they are, and
 * FLAC, MP3, Ogg Vorbis and AAC through their decoders.
 */
public enum AudioContainer {
    /** Microsoft RIFF WAVE, little-endian, including Broadcast WAVE (BWF). */
    WAV("WAV"),
    /** Apple AIFF, big-endian PCM. */
    AIFF("AIFF"),
    /** Apple AIFF-C, the AIFF variant with a compression type (NONE, sowt, fl32, fl64, …). */
    AIFF_C("AIFF-C"),
    /** Free Lossless Audio Codec: decodes bit for bit to the PCM it was made from. */
    FLAC("FLAC", "lossless"),
    /** MPEG-1/2 audio, layer III (and I, II): lossy. */
    MP3("MP3", "lossy"),
    /** Vorbis in an Ogg file: lossy. */
    OGG_VORBIS("Ogg Vorbis", "lossy"),
    /** AAC in an MP4 file (.m4a, .mp4): lossy. */
    MP4_AAC("AAC (MP4)", "lossy"),
    /** AAC as a raw ADTS stream (.aac): lossy. */
    ADTS_AAC("AAC (ADTS)", "lossy");

    private final String label;
    private final String compression;

    AudioContainer(String label) {
        this(label, "");
    }

    AudioContainer(String label, String compression) {
        this.label = label;
        this.compression = compression;
    }

    /**
     * How a file's samples are stored, given the sample encoding read (or decoded to): the encoding
     * itself for WAV and AIFF, e.g. {@code "lossy, decoded to IEEE float"} for a compressed format.
     */
    public String encoding(String sampleEncoding) {
        return compression.isEmpty() ? sampleEncoding : compression + ", decoded to " + sampleEncoding;
    }

    /** The name a person knows the format by, e.g. {@code "AIFF-C"}. */
    public String label() {
        return label;
    }
}
