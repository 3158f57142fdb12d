package dev.mixdojo.audio;

/** How {@link AudioFiles#write} stores samples in a WAV file. */
public enum SampleEncoding {
    /** 16-bit signed PCM (CD quality); samples outside -1…1 are clipped. */
    PCM_16(16),
    /** 24-bit signed PCM (the studio delivery format); samples outside -1…1 are clipped. */
    PCM_24(24),
    /** 32-bit IEEE float; keeps every value, including peaks above full scale. */
    FLOAT_32(32);

    private final int bitsPerSample;

    SampleEncoding(int bitsPerSample) {
        this.bitsPerSample = bitsPerSample;
    }

    /** Bits stored per sample: 16, 24 or 32. */
    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** Bytes stored per sample: 2, 3 or 4. */
    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** True for the integer encodings, which clip samples outside -1…1. */
    public boolean isPcm() {
        return this != FLOAT_32;
    }
}
