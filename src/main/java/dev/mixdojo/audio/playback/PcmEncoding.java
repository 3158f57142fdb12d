package dev.mixdojo.audio.playback;

/** Float samples to interleaved signed little-endian PCM, for a Java Sound line; allocation-free. */
final class PcmEncoding {
    private PcmEncoding() {
    }

    /**
     * Writes {@code frames} frames of {@code block} into {@code out} as interleaved signed
     * little-endian integers of {@code bytesPerSample} (2 or 3) bytes, clipping to -1…1 and
     * rounding to the nearest step (full scale 1.0 maps to 2^(bits-1) - 1).
     */
    static void encode(float[][] block, int frames, int bytesPerSample, byte[] out) {
        double fullScale = (1 << (8 * bytesPerSample - 1)) - 1;
        int channels = block.length;
        int index = 0;
        for (int k = 0; k < frames; k++) {
            for (int c = 0; c < channels; c++) {
                float sample = block[c][k];
                // NaN would become 0 here, which is the safest thing to send to a speaker.
                double clipped = sample > 1f ? 1 : sample < -1f ? -1 : sample == sample ? sample : 0;
                long value = Math.round(clipped * fullScale);
                for (int b = 0; b < bytesPerSample; b++) {
                    out[index++] = (byte) (value >> (8 * b));
                }
            }
        }
    }
}
