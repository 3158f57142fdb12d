package dev.mixdojo.audio;

/**
 * Where and how a parsed file keeps its sound: container, sample format, rate, channel count,
 * the byte offset of the first frame and how many whole frames the file really holds.
 */
record FileLayout(
        AudioContainer container,
        SampleFormat format,
        int sampleRateHz,
        int channelCount,
        long dataOffset,
        long frames) {

    FileLayout {
        if (channelCount < 1 || sampleRateHz < 1 || dataOffset < 0 || frames < 0) {
            throw new IllegalArgumentException("impossible layout: " + channelCount + " channels, "
                    + sampleRateHz + " Hz, data at " + dataOffset + ", " + frames + " frames");
        }
    }

    int frameBytes() {
        return format.frameBytes(channelCount);
    }
}
