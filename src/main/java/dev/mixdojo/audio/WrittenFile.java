package dev.mixdojo.audio;

import java.nio.file.Path;

/**
 * What a conversion wrote: the WAV file, its encoding, rate (Hz), channels and frames.
 *
 * @param file          the file written
 * @param encoding      how its samples are stored
 * @param sampleRateHz  its sample rate, 8000…192000
 * @param channelCount  its channels, 1…8
 * @param frames        samples per channel written
 */
public record WrittenFile(Path file, SampleEncoding encoding, int sampleRateHz, int channelCount, long frames) {

    /** Checks that the numbers describe a possible file. */
    public WrittenFile {
        if (sampleRateHz <= 0 || channelCount < 1 || frames < 0) {
            throw new IllegalArgumentException("impossible written file: " + sampleRateHz + " Hz, "
                    + channelCount + " channels, " + frames + " frames");
        }
    }

    /** Length in seconds. */
    public double durationS() {
        return frames / (double) sampleRateHz;
    }
}
