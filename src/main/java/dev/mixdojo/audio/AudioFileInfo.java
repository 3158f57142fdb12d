package dev.mixdojo.audio;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code mixdojo info} reports about an audio file: format, size and sample peak, plus the
 * warnings met while reading it (each one sentence).
 *
 * @param file            the file described
 * @param container       WAV, AIFF or AIFF-C
 * @param encoding        how samples are stored: {@code "PCM signed"}, {@code "PCM unsigned"} or {@code "IEEE float"}
 * @param sampleRateHz    samples per second per channel, 8000…192000
 * @param channelCount    channels, 1…8
 * @param bitsPerSample   bits per stored sample (valid bits for WAVE_FORMAT_EXTENSIBLE), 1…64
 * @param frames          samples per channel that the file really holds
 * @param durationS       frames / sampleRateHz, in seconds
 * @param samplePeakDbfs  the largest absolute sample in dB relative to full scale (0 dBFS = 1.0);
 *                        negative infinity for digital silence
 * @param warnings        recoverable problems, e.g. truncation or NaN samples
 */
public record AudioFileInfo(
        Path file,
        AudioContainer container,
        String encoding,
        int sampleRateHz,
        int channelCount,
        int bitsPerSample,
        long frames,
        double durationS,
        double samplePeakDbfs,
        List<String> warnings) {

    /** Checks the ranges above and copies the warnings. */
    public AudioFileInfo {
        if (sampleRateHz <= 0 || channelCount < 1 || bitsPerSample < 1 || frames < 0 || durationS < 0) {
            throw new IllegalArgumentException("impossible audio file info: " + sampleRateHz + " Hz, "
                    + channelCount + " channels, " + bitsPerSample + " bits, " + frames + " frames");
        }
        if (Double.isNaN(samplePeakDbfs)) {
            throw new IllegalArgumentException("sample peak must be a number or -infinity");
        }
        warnings = List.copyOf(warnings);
    }

    /** True when every sample is exactly zero (the peak is -infinity dBFS). */
    public boolean isSilent() {
        return samplePeakDbfs == Double.NEGATIVE_INFINITY;
    }
}
